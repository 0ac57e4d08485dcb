package io.laurel.nomination;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * A campaign's nominations as plain rows, for modules that rank, match or show entries in bulk (scoring's ranking
 * and results, the online-vote import, the vote page): one query per campaign, no entities, so hundreds or
 * thousands of entries cost one round trip and nothing stays in the persistence context.
 */
@Component
public class CampaignEntries {

    private static final String COLUMNS = "select id, campaign_id, award_code, candidate_name, unit_id, status, "
            + "submitted_at from nomination ";
    private static final RowMapper<Entry> ENTRY = (rs, i) -> {
        long unit = rs.getLong(5);
        Long unitId = rs.wasNull() ? null : unit;
        return new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), unitId,
                NominationStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant());
    };

    private final JdbcTemplate jdbc;

    CampaignEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One nomination; {@code unitId} is null for an entry that no member unit sent. */
    public record Entry(long id, long campaignId, String awardCode, String candidateName, Long unitId,
            NominationStatus status, Instant submittedAt) {
    }

    /** Every nomination of the campaign, whatever its status, by id. */
    public List<Entry> of(long campaignId) {
        return jdbc.query(COLUMNS + "where campaign_id = ? order by id", ENTRY, campaignId);
    }

    /**
     * One nomination by id: a primary-key select without an entity or a transaction of its own, so that a vote on
     * the portal costs the same however many entries the campaign has.
     */
    public Optional<Entry> entry(long nominationId) {
        return jdbc.query(COLUMNS + "where id = ?", ENTRY, nominationId).stream().findFirst();
    }

    /**
     * Nomination id to candidate name, in name order (then id) as the database sorts names: callers that order by
     * name keep the database's collation by following this map's order instead of comparing strings in Java.
     */
    public Map<Long, String> candidateNamesInNameOrder(long campaignId) {
        Map<Long, String> names = new LinkedHashMap<>();
        jdbc.query("select id, candidate_name from nomination where campaign_id = ? order by candidate_name, id",
                rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                }, campaignId);
        return names;
    }
}
