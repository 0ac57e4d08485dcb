package io.laurel.intake;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where a campaign's emailed packages stand: counts by status and the list of packages with their mails. */
@Service
public class IntakeStatusQuery {

    /** How many of the campaign's packages have a status (the code as stored). */
    public record StatusCount(String status, long count) {
    }

    /** One package as staff see it, with the ids of its mails (oldest first). */
    public record PackageLine(long id, String unitName, String sender, String status, String problems,
            LocalDateTime updatedAt, List<Long> messageIds) {
    }

    private final JdbcTemplate jdbc;

    IntakeStatusQuery(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Packages per status, in the order of the codes (callers order them by the life of a package). */
    @Transactional(readOnly = true)
    public List<StatusCount> countsByStatus(long campaignId) {
        return jdbc.query("select status, count(*) from intake_package where campaign_id = ? group by status "
                + "order by status", (rs, i) -> new StatusCount(rs.getString(1), rs.getLong(2)), campaignId);
    }

    /** The campaign's packages by unit name then id; two queries however many packages (mails read in one). */
    @Transactional(readOnly = true)
    public List<PackageLine> packages(long campaignId) {
        Map<Long, List<Long>> mails = new HashMap<>();
        jdbc.query("select m.package_id, m.id from intake_message m join intake_package p on p.id = m.package_id "
                + "where p.campaign_id = ? order by m.id", rs -> {
                    mails.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
                }, campaignId);
        return jdbc.query("select id, unit_name, sender, status, problems, updated_at from intake_package "
                        + "where campaign_id = ? order by unit_name, id",
                (rs, i) -> new PackageLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toLocalDateTime(),
                        List.copyOf(mails.getOrDefault(rs.getLong(1), List.of()))), campaignId);
    }
}
