package io.laurel.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's member units in name order as the database sorts names (its collation, not Java's string order),
 * for reports that list or count by unit (the staff dashboard).
 */
@Service
public class UnitsByName {

    private final JdbcTemplate jdbc;

    UnitsByName(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Unit id to name, by name (unique per campaign); callers list units in this map's order. */
    @Transactional(readOnly = true)
    public Map<Long, String> of(long campaignId) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("select id, name from member_unit where campaign_id = ? order by name, id", rs -> {
            names.put(rs.getLong(1), rs.getString(2));
        }, campaignId);
        return names;
    }
}
