package io.laurel.scoring;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The unit prize proposals of a campaign and their decisions ({@link UnitPrizes} writes them), for the judging
 * path's prize list: one query per campaign. Unit names are the caller's to add (unit.UnitNames).
 */
@Component
public class UnitPrizeProposals {

    private final JdbcTemplate jdbc;

    UnitPrizeProposals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One proposal; status PROPOSED, CONFIRMED or REJECTED. */
    public record Proposal(String awardCode, long unitId, int rank, String status) {
    }

    /** Every proposal, by award and proposal rank. */
    public List<Proposal> of(long campaignId) {
        return jdbc.query("select award_code, unit_id, proposal_rank, status from unit_prize where campaign_id = ? "
                + "order by award_code, proposal_rank", (rs, i) -> new Proposal(rs.getString(1), rs.getLong(2),
                        rs.getInt(3), rs.getString(4)), campaignId);
    }
}
