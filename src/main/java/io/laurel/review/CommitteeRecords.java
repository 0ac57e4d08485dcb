package io.laurel.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Declarations, recusals and re-review scores of committee members. */
@Repository
public class CommitteeRecords {

    private final JdbcTemplate jdbc;

    CommitteeRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void recordDeclaration(Long campaignId, String memberId, Set<Long> recusedNominationIds, Instant now) {
        jdbc.update("insert into committee_declaration (campaign_id, member_id, confidentiality_signed, signed_at) "
                + "values (?, ?, ?, ?)", campaignId, memberId, true, Timestamp.from(now));
        for (Long nominationId : recusedNominationIds) {
            jdbc.update("insert into recusal (campaign_id, member_id, nomination_id) values (?, ?, ?)", campaignId,
                    memberId, nominationId);
        }
    }

    public Set<Long> recusedBy(Long campaignId, String memberId) {
        return new HashSet<>(jdbc.queryForList("select nomination_id from recusal where campaign_id = ? and member_id = ?",
                Long.class, campaignId, memberId));
    }

    /** How many members declared a conflict with this nomination. */
    public int recusals(Long nominationId) {
        Integer count = jdbc.queryForObject("select count(*) from recusal where nomination_id = ?", Integer.class,
                nominationId);
        return count == null ? 0 : count;
    }

    /** Records a member's own department unless one is recorded (the demo data; real installs use the organisation file). */
    public void recordDepartmentIfAbsent(String userId, String department) {
        jdbc.update("insert into user_department (user_id, department) select ?, ? from (select 1 as one) x "
                + "where not exists (select 1 from user_department where user_id = ?)", userId, department, userId);
    }

    public Optional<String> departmentOf(String userId) {
        return jdbc.queryForList("select department from user_department where user_id = ?", String.class, userId)
                .stream().findFirst();
    }

    void recordScore(Long campaignId, Long nominationId, String memberId, int interview, int caseAnalysis,
            boolean authentic, String remarks, Instant now) {
        jdbc.update("insert into re_review_score (campaign_id, nomination_id, member_id, interview_score, case_score, "
                + "cases_authentic, remarks, scored_at) values (?, ?, ?, ?, ?, ?, ?, ?)", campaignId, nominationId,
                memberId, interview, caseAnalysis, authentic, remarks, Timestamp.from(now));
    }

    public record Scores(Long nominationId, double meanScore, int reviews, int authenticVotes) {
    }

    /** Mean of (interview + case analysis) / 2 over the members who scored, with the authenticity votes. */
    public List<Scores> scores(Long campaignId) {
        return jdbc.query("select nomination_id, avg((interview_score + case_score) / 2.0), count(*), "
                + "sum(case when cases_authentic then 1 else 0 end) from re_review_score where campaign_id = ? "
                + "group by nomination_id", (rs, i) -> new Scores(rs.getLong(1), rs.getDouble(2), rs.getInt(3),
                        rs.getInt(4)), campaignId);
    }
}
