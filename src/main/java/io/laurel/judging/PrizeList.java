package io.laurel.judging;

import io.laurel.scoring.RankedEntries;
import io.laurel.scoring.UnitPrizeProposals;
import io.laurel.unit.UnitNames;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The ranking's outcome as the judging path needs it: the entries with prizes and the unit prize proposals, read
 * through scoring's {@link RankedEntries} and {@link UnitPrizeProposals} (scoring.UnitPrizes records the
 * decisions), with the units' names from unit's {@link UnitNames}. Judging depends on scoring (it runs the ranking
 * and confirms its list), so it reads scoring's API rather than the other way round.
 */
@Repository
class PrizeList {

    private final JdbcTemplate jdbc;
    private final RankedEntries ranked;
    private final UnitPrizeProposals proposals;
    private final UnitNames units;

    PrizeList(JdbcTemplate jdbc, RankedEntries ranked, UnitPrizeProposals proposals, UnitNames units) {
        this.jdbc = jdbc;
        this.ranked = ranked;
        this.proposals = proposals;
        this.units = units;
    }

    record Listed(long nominationId, int position, BigDecimal finalScore, List<String> prizes) {
    }

    /** Entries with at least one prize, best position first. */
    List<Listed> listed(long campaignId) {
        return ranked.withPrizes(campaignId).stream().map(p -> new Listed(p.nominationId(), p.position(),
                p.finalScore(), p.prizes())).toList();
    }

    record Ranked(long nominationId, String group, int position, BigDecimal finalScore) {
    }

    /** Every ranked entry, by group and position. */
    List<Ranked> ranking(long campaignId) {
        return ranked.of(campaignId).stream().map(r -> new Ranked(r.nominationId(), r.group(), r.position(),
                r.finalScore())).toList();
    }

    record UnitProposal(String awardCode, long unitId, String unitName, int rank, String status) {

        String value() {
            return awardCode + ":" + unitId;
        }
    }

    /** The proposals with their units' names; a proposal for a unit not in the campaign is left out. */
    List<UnitProposal> unitProposals(long campaignId) {
        Map<Long, String> names = units.of(campaignId);
        return proposals.of(campaignId).stream().map(p -> names.containsKey(p.unitId()) ? new UnitProposal(
                p.awardCode(), p.unitId(), names.get(p.unitId()), p.rank(), p.status()) : null)
                .filter(Objects::nonNull).toList();
    }

    void listForVote(long campaignId, long nominationId, String awardCode, int position) {
        jdbc.update("insert into list_vote_award (campaign_id, nomination_id, award_code, position) values (?, ?, ?, ?)",
                campaignId, nominationId, awardCode, position);
    }
}
