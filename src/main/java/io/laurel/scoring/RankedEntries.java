package io.laurel.scoring;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The stored ranking of a campaign (what {@link EntryRanking} last computed), for the judging path's prize list and
 * list vote: one query per campaign.
 */
@Component
public class RankedEntries {

    private final JdbcTemplate jdbc;

    RankedEntries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An entry with at least one prize; {@code prizes} are award codes. */
    public record Prized(long nominationId, int position, BigDecimal finalScore, List<String> prizes) {
    }

    /** Entries with at least one prize, best position first. */
    public List<Prized> withPrizes(long campaignId) {
        return jdbc.query("select nomination_id, position, final_score, prizes from entry_result where campaign_id = ? "
                + "and prizes is not null order by position, nomination_id", (rs, i) -> new Prized(rs.getLong(1),
                        rs.getInt(2), rs.getBigDecimal(3), Arrays.stream(rs.getString(4).split(","))
                                .map(String::strip).filter(p -> !p.isEmpty()).toList()), campaignId);
    }

    /** A ranked entry: its group (award code, or 'entry') and its position there. */
    public record Ranked(long nominationId, String group, int position, BigDecimal finalScore) {
    }

    /** Every ranked entry, by group and position. */
    public List<Ranked> of(long campaignId) {
        return jdbc.query("select nomination_id, ranking_group, position, final_score from entry_result "
                + "where campaign_id = ? order by ranking_group, position, nomination_id", (rs, i) -> new Ranked(
                        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)), campaignId);
    }
}
