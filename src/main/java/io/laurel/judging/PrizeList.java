package io.laurel.judging;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ranking's outcome as the judging path needs it: the entries with prizes (entry_result, written by
 * EntryRanking) and the unit prize proposals (unit_prize; scoring.UnitPrizes records the decisions).
 */
@Repository
class PrizeList {

    private final JdbcTemplate jdbc;

    PrizeList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record Listed(long nominationId, int position, BigDecimal finalScore, List<String> prizes) {
    }

    /** Entries with at least one prize, best position first. */
    List<Listed> listed(long campaignId) {
        return jdbc.query("select nomination_id, position, final_score, prizes from entry_result where campaign_id = ? "
                + "and prizes is not null order by position, nomination_id", (rs, i) -> new Listed(rs.getLong(1),
                        rs.getInt(2), rs.getBigDecimal(3), Arrays.stream(rs.getString(4).split(","))
                                .map(String::strip).filter(p -> !p.isEmpty()).toList()), campaignId);
    }

    record Ranked(long nominationId, String group, int position, BigDecimal finalScore) {
    }

    /** Every ranked entry, by group and position. */
    List<Ranked> ranking(long campaignId) {
        return jdbc.query("select nomination_id, ranking_group, position, final_score from entry_result "
                + "where campaign_id = ? order by ranking_group, position, nomination_id", (rs, i) -> new Ranked(
                        rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4)), campaignId);
    }

    record UnitProposal(String awardCode, long unitId, String unitName, int rank, String status) {

        String value() {
            return awardCode + ":" + unitId;
        }
    }

    List<UnitProposal> unitProposals(long campaignId) {
        return jdbc.query("select p.award_code, p.unit_id, u.name, p.proposal_rank, p.status from unit_prize p "
                + "join member_unit u on u.id = p.unit_id where p.campaign_id = ? order by p.award_code, p.proposal_rank",
                (rs, i) -> new UnitProposal(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
                        rs.getString(5)), campaignId);
    }

    void listForVote(long campaignId, long nominationId, String awardCode, int position) {
        jdbc.update("insert into list_vote_award (campaign_id, nomination_id, award_code, position) values (?, ?, ?, ?)",
                campaignId, nominationId, awardCode, position);
    }
}
