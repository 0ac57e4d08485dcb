package io.laurel.nomination;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many nominations a campaign has, grouped one way or another: the nomination feature's counts for reports
 * (the staff dashboard), so that they need not query its table. Each figure is one grouped query.
 */
@Service
public class NominationCounts {

    /** A count per code (channel, award code or status), as stored. */
    public record CodeCount(String code, long count) {
    }

    /** A count per id of another feature's row (an employee, a member unit). */
    public record IdCount(long id, long count) {
    }

    private final JdbcTemplate jdbc;

    NominationCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** By channel, in the order of the channel codes. */
    @Transactional(readOnly = true)
    public List<CodeCount> byChannel(long campaignId) {
        return codes("select channel, count(*) from nomination where campaign_id = ? group by channel "
                + "order by channel", campaignId);
    }

    /** By award code, in the order of the codes. */
    @Transactional(readOnly = true)
    public List<CodeCount> byAward(long campaignId) {
        return codes("select award_code, count(*) from nomination where campaign_id = ? group by award_code "
                + "order by award_code", campaignId);
    }

    /** By status, in the order of the codes (callers order them by the life of a nomination). */
    @Transactional(readOnly = true)
    public List<CodeCount> byStatus(long campaignId) {
        return codes("select status, count(*) from nomination where campaign_id = ? group by status "
                + "order by status", campaignId);
    }

    /** By nominated employee (company campaigns); nominations without an employee are left out. */
    @Transactional(readOnly = true)
    public List<IdCount> byEmployee(long campaignId) {
        return ids("select employee_id, count(*) from nomination where campaign_id = ? and employee_id is not null "
                + "group by employee_id order by employee_id", campaignId);
    }

    /** By entering member unit (association campaigns); nominations without a unit are left out. */
    @Transactional(readOnly = true)
    public List<IdCount> byUnit(long campaignId) {
        return ids("select unit_id, count(*) from nomination where campaign_id = ? and unit_id is not null "
                + "group by unit_id order by unit_id", campaignId);
    }

    private List<CodeCount> codes(String sql, long campaignId) {
        return jdbc.query(sql, (rs, i) -> new CodeCount(rs.getString(1), rs.getLong(2)), campaignId);
    }

    private List<IdCount> ids(String sql, long campaignId) {
        return jdbc.query(sql, (rs, i) -> new IdCount(rs.getLong(1), rs.getLong(2)), campaignId);
    }
}
