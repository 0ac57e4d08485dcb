package io.laurel.onlinevote;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online-vote counts of a campaign's entries, kept per source ({@link #IMPORT}: a voting platform's
 * CSV; {@link #PORTAL}: Laurel's public vote pages). Scoring uses {@link #totals}; each source replaces
 * its own counts as a whole.
 */
@Component
public class OnlineVoteCounts {

    public static final String IMPORT = "import";
    public static final String PORTAL = "portal";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OnlineVoteCounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces every count of {@code source} in the campaign by {@code votesByNomination}. */
    @Transactional
    public void replace(long campaignId, String source, Map<Long, Long> votesByNomination) {
        jdbc.update("delete from online_vote_count where campaign_id = ? and source = ?", campaignId, source);
        Timestamp now = Timestamp.from(clock.instant());
        votesByNomination.forEach((nominationId, votes) -> jdbc.update(
                "insert into online_vote_count (campaign_id, nomination_id, source, votes, updated_at) values (?, ?, ?, ?, ?)",
                campaignId, nominationId, source, votes, now));
    }

    /** Votes per nomination summed over all sources; nominations without a vote are absent. */
    public Map<Long, Long> totals(long campaignId) {
        Map<Long, Long> totals = new LinkedHashMap<>();
        jdbc.query("select nomination_id, sum(votes) from online_vote_count where campaign_id = ? "
                        + "group by nomination_id order by nomination_id",
                rs -> {
                    totals.put(rs.getLong(1), rs.getLong(2));
                }, campaignId);
        return totals;
    }

    /** Votes per nomination of one source. */
    public Map<Long, Long> bySource(long campaignId, String source) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        jdbc.query("select nomination_id, votes from online_vote_count where campaign_id = ? and source = ? "
                        + "order by nomination_id",
                rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                }, campaignId, source);
        return counts;
    }
}
