package io.laurel.unit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The names of a campaign's member units, for modules that show a unit next to an entry or a prize (results,
 * prize lists, the vote import, the dashboard): one query per campaign, joined by id in the caller.
 */
@Component
public class UnitNames {

    private final JdbcTemplate jdbc;

    UnitNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Unit id → name, every unit of the campaign, in name order as the database sorts names (its collation). */
    public Map<Long, String> of(long campaignId) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("select id, name from member_unit where campaign_id = ? order by name, id",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                }, campaignId);
        return names;
    }
}
