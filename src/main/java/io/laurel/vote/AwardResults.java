package io.laurel.vote;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The vote feature's API over its tables {@code award_result} and {@code award_outcome}: the only class outside
 * the vote's own counting that reads or changes them. Other features (notice, reminders, results, the campaign
 * close) ask here instead of writing SQL against the vote's tables.
 */
@Service
public class AwardResults {

    private final JdbcTemplate jdbc;

    AwardResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One line of a campaign's results. */
    public record Result(Long nominationId, String awardCode, String status, int approvals, int entitledVoters,
            String note) {

        public boolean winner() {
            return "WINNER".equals(status);
        }
    }

    /** Per award: how many may win, how many did, and whether the award fell short of its quota. */
    public record Outcome(String awardCode, Integer winnersQuota, int winners, boolean shortOfQuota) {
    }

    /** The winners, by award code then nomination id (the order of every published list). */
    @Transactional(readOnly = true)
    public List<Result> winners(Long campaignId) {
        return results(campaignId).stream().filter(Result::winner).toList();
    }

    @Transactional(readOnly = true)
    public boolean isWinner(Long campaignId, Long nominationId) {
        Integer count = jdbc.queryForObject("select count(*) from award_result where campaign_id = ? and "
                + "nomination_id = ? and status = 'WINNER'", Integer.class, campaignId, nominationId);
        return count != null && count > 0;
    }

    /** Every result line of the campaign, by award code then nomination id. */
    @Transactional(readOnly = true)
    public List<Result> results(Long campaignId) {
        return jdbc.query("select nomination_id, award_code, status, approvals, entitled_voters, note from award_result "
                        + "where campaign_id = ? order by award_code, nomination_id",
                (rs, i) -> new Result(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getString(6)), campaignId);
    }

    @Transactional(readOnly = true)
    public Map<String, Outcome> outcomes(Long campaignId) {
        return jdbc.query("select award_code, winners_quota, winners, short_of_quota from award_outcome "
                        + "where campaign_id = ?", (rs, i) -> new Outcome(rs.getString(1),
                        (Integer) rs.getObject(2, Integer.class), rs.getInt(3), rs.getBoolean(4)), campaignId)
                .stream().collect(Collectors.toMap(Outcome::awardCode, o -> o));
    }

    /**
     * An upheld objection takes the award away: each winning result of the nomination says why, and each award's
     * outcome counts one winner less and is marked short of its quota (when it has one). The award codes come
     * from the results, not the nomination: an association entry wins a prize (一等奖 ...), not its own award.
     * Runs in the caller's transaction, so the revocation and the process step that decided it commit together.
     */
    @Transactional
    public void revokeWinner(Long campaignId, Long nominationId, String reason) {
        List<String> awards = jdbc.queryForList("select award_code from award_result where campaign_id = ? and "
                + "nomination_id = ? and status = 'WINNER'", String.class, campaignId, nominationId);
        jdbc.update("update award_result set status = 'REVOKED', note = ? where campaign_id = ? and nomination_id = ? "
                + "and status = 'WINNER'", reason, campaignId, nominationId);
        for (String award : awards) {
            jdbc.update("update award_outcome set winners = winners - 1, short_of_quota = case when winners_quota is "
                    + "null then short_of_quota else true end where campaign_id = ? and award_code = ?",
                    campaignId, award);
        }
    }
}
