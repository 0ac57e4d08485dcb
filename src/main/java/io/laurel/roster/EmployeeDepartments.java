package io.laurel.roster;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which department each employee of a campaign's roster works in (for reports that count by department). */
@Service
public class EmployeeDepartments {

    private final JdbcTemplate jdbc;

    EmployeeDepartments(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Employee id to department, in department order (then id) as the database sorts names: callers that list
     * departments follow this map's order, so the order stays the database's collation.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> of(long campaignId) {
        Map<Long, String> departments = new LinkedHashMap<>();
        jdbc.query("select id, department from employee where campaign_id = ? order by department, id", rs -> {
            departments.put(rs.getLong(1), rs.getString(2));
        }, campaignId);
        return departments;
    }
}
