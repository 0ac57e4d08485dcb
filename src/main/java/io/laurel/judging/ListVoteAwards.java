package io.laurel.judging;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The prizes each entry stands for in an association campaign's final vote, as the judging path listed them from
 * the confirmed prize list ({@link ListVotePreparer}); the vote counter ranks the finalists by it. One query per
 * campaign.
 */
@Component
public class ListVoteAwards {

    private final JdbcTemplate jdbc;

    ListVoteAwards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry standing for one award, at its ranking position. */
    public record Listing(long nominationId, String awardCode, int position) {
    }

    /** Every listing of the campaign, by position then nomination; empty for a campaign without a list vote. */
    public List<Listing> of(long campaignId) {
        return jdbc.query("select nomination_id, award_code, position from list_vote_award where campaign_id = ? "
                + "order by position, nomination_id", (rs, i) -> new Listing(rs.getLong(1), rs.getString(2),
                        rs.getInt(3)), campaignId);
    }
}
