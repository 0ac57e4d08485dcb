package io.laurel.vote;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who has voted, as a number: counts the receipts, which say that a member voted and never how (the choices stay
 * in the ballots, unlinkable to members). For the staff dashboard's turnout while the vote is open.
 */
@Service
public class BallotTurnout {

    private final JdbcTemplate jdbc;

    BallotTurnout(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public long ballotsCast(long campaignId) {
        Long count = jdbc.queryForObject("select count(*) from ballot_receipt where campaign_id = ?", Long.class,
                campaignId);
        return count == null ? 0 : count;
    }
}
