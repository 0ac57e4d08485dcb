package io.laurel.judging;

import io.laurel.campaign.AwardCategory;
import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Campaign;
import io.laurel.review.NominationContext;
import io.laurel.scoring.EntryRanking;
import io.laurel.scoring.UnitPrizes;
import io.laurel.process.FormOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Staff confirmed the prize list: each unit prize proposal is confirmed (ticked) or rejected, with who and when. Where
 * the organisers decide an award's number of winners (seed 003's 入榜名单), the number they entered is recorded for
 * the campaign (campaign_award_quota) and the list is drawn again from the stored ranking with it.
 */
@Component("prizeListConfirmation")
class PrizeListConfirmation implements TaskListener {

    private final NominationContext context;
    private final PrizeList prizes;
    private final UnitPrizes unitPrizes;
    private final Clock clock;
    private final AwardQuotas quotas;
    private final EntryRanking ranking;

    PrizeListConfirmation(NominationContext context, PrizeList prizes, UnitPrizes unitPrizes, Clock clock,
            AwardQuotas quotas, EntryRanking ranking) {
        this.context = context;
        this.prizes = prizes;
        this.unitPrizes = unitPrizes;
        this.clock = clock;
        this.quotas = quotas;
        this.ranking = ranking;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("listConfirmed"))) {
            throw new ProcessEngineException("请核对获奖名单后勾选“名单无误”");
        }
        if (task.getAssignee() == null) {
            throw new ProcessEngineException("请先认领该任务再确认获奖名单");
        }
        Campaign campaign = context.campaign(task);
        List<AwardCategory> open = PrizeListForm.openAwards(campaign, prizes.ranking(campaign.getId()), quotas);
        if (!open.isEmpty()) {
            Map<String, Integer> numbers = open.size() == 1
                    ? Map.of(open.get(0).getCode(), number(task.getVariable("listQuota"), open.get(0).getName()))
                    : numbers(open, task.getVariable("awardQuotas"));
            Instant at = clock.instant();
            numbers.forEach((award, winners) -> quotas.setCampaignWinners(campaign.getId(), award, winners,
                    task.getAssignee(), at));
            ranking.rankCampaign(campaign.getId());
        }
        Set<String> ticked = new TreeSet<>(FormOptions.checked(task.getVariable("confirmedUnitPrizes")));
        Instant now = clock.instant();
        for (PrizeList.UnitProposal proposal : prizes.unitProposals(campaign.getId())) {
            unitPrizes.decide(campaign.getId(), proposal.awardCode(), proposal.unitId(),
                    ticked.remove(proposal.value()), task.getAssignee(), now);
        }
        if (!ticked.isEmpty()) {
            throw new ProcessEngineException("确认的单位奖项不在建议名单中: " + String.join(", ", ticked));
        }
    }

    private static int number(Object value, String awardName) {
        if (!(value instanceof Number n) || n.doubleValue() < 1 || n.doubleValue() != Math.floor(n.doubleValue())) {
            throw new ProcessEngineException("请填写「" + awardName + "」的入选数量(至少 1 名的整数),收到 " + value);
        }
        return n.intValue();
    }

    /** One line per award, 「奖项名称:数量」 (full-width colon too); every open award needs its number. */
    private static Map<String, Integer> numbers(List<AwardCategory> open, Object text) {
        Map<String, Integer> byName = new HashMap<>();
        for (String line : text == null ? List.<String>of() : text.toString().lines().toList()) {
            String[] parts = line.split("[:：]", 2);
            if (parts.length == 2 && !parts[1].isBlank()) {
                try {
                    byName.put(parts[0].strip(), Integer.valueOf(parts[1].strip()));
                } catch (NumberFormatException e) {
                    throw new ProcessEngineException("入选数量应为整数:" + line.strip());
                }
            }
        }
        Map<String, Integer> numbers = new LinkedHashMap<>();
        for (AwardCategory award : open) {
            numbers.put(award.getCode(), number(byName.get(award.getName()), award.getName()));
        }
        return numbers;
    }
}
