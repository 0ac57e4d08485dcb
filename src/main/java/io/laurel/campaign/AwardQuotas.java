package io.laurel.campaign;

import io.laurel.decision.DecisionTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the DMN {@code award-quota}: how many winners an award has and how many entries a unit may send. A campaign
 * may carry its organisers' own number of winners for an award (table campaign_award_quota, seed 003: how many
 * organisations enter the 入榜名单 is the organisers' decision), which then overrides the table's winnersQuota.
 */
@Component
public class AwardQuotas {

    static final String DECISION = "award-quota";

    private final DecisionTables tables;

    private final JdbcTemplate jdbc;

    AwardQuotas(DecisionTables tables, JdbcTemplate jdbc) {
        this.tables = tables;
        this.jdbc = jdbc;
    }

    /** The quota of an award in one campaign: the organisers' number of winners where set, else the DMN's. */
    public Quota of(Campaign campaign, String awardCode) {
        Quota table = of(campaign.getPresetKey(), awardCode);
        return campaignWinners(campaign.getId(), awardCode).map(w -> new Quota(w, table.perUnitLimit()))
                .orElse(table);
    }

    /** The organisers' number of winners of an award in a campaign, when they set one. */
    public Optional<Integer> campaignWinners(long campaignId, String awardCode) {
        return jdbc.queryForList("select winners from campaign_award_quota where campaign_id = ? and award_code = ?",
                Integer.class, campaignId, awardCode).stream().findFirst();
    }

    /** Records the organisers' number of winners of an award in a campaign (replacing an earlier one). */
    public void setCampaignWinners(long campaignId, String awardCode, int winners, String userId, Instant at) {
        if (winners < 1) {
            throw new IllegalArgumentException("名额至少为 1");
        }
        if (jdbc.update("update campaign_award_quota set winners = ?, set_by = ?, set_at = ? where campaign_id = ? "
                + "and award_code = ?", winners, userId, Timestamp.from(at), campaignId, awardCode) == 0) {
            jdbc.update("insert into campaign_award_quota (campaign_id, award_code, winners, set_by, set_at) "
                    + "values (?, ?, ?, ?, ?)", campaignId, awardCode, winners, userId, Timestamp.from(at));
        }
    }

    public Quota of(String presetKey, String awardCode) {
        DmnDecisionResult result = tables.evaluate(DECISION, Map.of("preset", presetKey, "awardCode", awardCode));
        DmnDecisionResultEntries row = result.getFirstResult();
        if (row == null) {
            return new Quota(null, null);
        }
        return new Quota(asInteger(row.get("winnersQuota")), asInteger(row.get("perUnitLimit")));
    }

    private static Integer asInteger(Object value) {
        return value instanceof Number n ? n.intValue() : null;
    }

    /** Null fields mean the seed sets no number. */
    public record Quota(Integer winnersQuota, Integer perUnitLimit) {
    }
}
