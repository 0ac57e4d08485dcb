package io.laurel.onlinevote;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online-vote counts of a campaign's entries, kept per source ({@link #IMPORT}: a voting platform's
 * CSV, replaced as a whole by each import; {@link #PORTAL}: Laurel's public vote pages, counted vote by
 * vote). Scoring uses {@link #totals}.
 *
 * <p>Portal counts are sharded counters ({@code portal_vote_count}): each vote adds 1 to one of
 * {@link #SHARDS} rows of its entry, picked at random, inside the transaction that stores the vote. A vote
 * therefore costs one indexed UPDATE whatever the number of votes already cast, and concurrent votes for
 * the same entry wait for each other's row lock only when they pick the same shard.
 */
@Component
public class OnlineVoteCounts {

    public static final String IMPORT = "import";
    public static final String PORTAL = "portal";
    static final int SHARDS = 16;

    private final JdbcTemplate jdbc;
    private final Clock clock;

    OnlineVoteCounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Replaces every imported count of the campaign by {@code votesByNomination}. */
    @Transactional
    public void replace(long campaignId, String source, Map<Long, Long> votesByNomination) {
        if (!IMPORT.equals(source)) {
            throw new IllegalArgumentException("Only imported counts are replaced as a whole, not " + source);
        }
        jdbc.update("delete from online_vote_count where campaign_id = ? and source = ?", campaignId, source);
        Timestamp now = Timestamp.from(clock.instant());
        votesByNomination.forEach((nominationId, votes) -> jdbc.update(
                "insert into online_vote_count (campaign_id, nomination_id, source, votes, updated_at) values (?, ?, ?, ?, ?)",
                campaignId, nominationId, source, votes, now));
    }

    /**
     * Counts one portal vote, in the caller's transaction (the one that stored the vote row, so the vote
     * and its count commit together or not at all).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void countPortalVote(long campaignId, long nominationId) {
        int shard = ThreadLocalRandom.current().nextInt(SHARDS);
        if (increment(campaignId, nominationId, shard) == 1) {
            return;
        }
        try {
            jdbc.update("insert into portal_vote_count (campaign_id, nomination_id, shard, votes) values (?, ?, ?, 1)",
                    campaignId, nominationId, shard);
        } catch (DuplicateKeyException racedByAnotherVote) {
            // Another vote created the shard row between our UPDATE and INSERT; it is there now.
            if (increment(campaignId, nominationId, shard) != 1) {
                throw new IllegalStateException("Counter row " + campaignId + "/" + nominationId + "/" + shard
                        + " neither updatable nor insertable", racedByAnotherVote);
            }
        }
    }

    private int increment(long campaignId, long nominationId, int shard) {
        return jdbc.update("update portal_vote_count set votes = votes + 1 where campaign_id = ? and nomination_id = ? "
                + "and shard = ?", campaignId, nominationId, shard);
    }

    /** Votes per nomination summed over all sources; nominations without a vote are absent. */
    public Map<Long, Long> totals(long campaignId) {
        Map<Long, Long> totals = new LinkedHashMap<>();
        jdbc.query("select nomination_id, sum(votes) from (select nomination_id, votes from online_vote_count "
                        + "where campaign_id = ? union all select nomination_id, votes from portal_vote_count "
                        + "where campaign_id = ?) c group by nomination_id order by nomination_id",
                rs -> {
                    totals.put(rs.getLong(1), rs.getLong(2));
                }, campaignId, campaignId);
        return totals;
    }

    /** Votes per nomination of one source. */
    public Map<Long, Long> bySource(long campaignId, String source) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        String sql = PORTAL.equals(source)
                ? "select nomination_id, sum(votes) from portal_vote_count where campaign_id = ? "
                        + "group by nomination_id order by nomination_id"
                : "select nomination_id, votes from online_vote_count where campaign_id = ? and source = ? "
                        + "order by nomination_id";
        Object[] args = PORTAL.equals(source) ? new Object[] {campaignId} : new Object[] {campaignId, source};
        jdbc.query(sql, rs -> {
            counts.put(rs.getLong(1), rs.getLong(2));
        }, args);
        return counts;
    }
}
