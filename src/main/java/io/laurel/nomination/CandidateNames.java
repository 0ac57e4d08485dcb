package io.laurel.nomination;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The candidate names of a campaign's nominations, for features that list other rows by nominee. */
@Service
public class CandidateNames {

    private final JdbcTemplate jdbc;

    CandidateNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Nomination id to candidate name, in name order (then id) as the database sorts names: callers that order by
     * name keep the database's collation by following this map's order instead of comparing strings in Java.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> inNameOrder(long campaignId) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("select id, candidate_name from nomination where campaign_id = ? order by candidate_name, id",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                }, campaignId);
        return names;
    }
}
