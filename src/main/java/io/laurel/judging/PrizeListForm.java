package io.laurel.judging;

import io.laurel.campaign.AwardCategory;
import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Campaign;
import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import java.math.RoundingMode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Fills staff's 确认获奖名单 form: the prize list the ranking produced (read-only) and the unit prize proposals as a
 * checklist, all ticked; staff untick a proposal to reject it. An award ranked on its own whose number of winners
 * the seed leaves to the organisers (DMN award-quota empty; seed 003: 最终确定入榜名单) shows its whole ranking and
 * asks for that number ({@link #openAwards}).
 */
@Component("prizeListForm")
class PrizeListForm implements TaskListener {

    private final NominationContext context;
    private final PrizeList prizes;
    private final EntryFacts facts;
    private final AwardQuotas quotas;

    PrizeListForm(NominationContext context, PrizeList prizes, EntryFacts facts, AwardQuotas quotas) {
        this.context = context;
        this.prizes = prizes;
        this.facts = facts;
        this.quotas = quotas;
    }

    /**
     * The awards ranked on their own (an entry group named after the award) for which DMN award-quota gives no number
     * of winners: the organisers decide it at this confirmation.
     */
    static List<AwardCategory> openAwards(Campaign campaign, List<PrizeList.Ranked> ranking, AwardQuotas quotas) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        ranking.forEach(r -> groups.add(r.group()));
        return campaign.getAwards().stream().filter(a -> groups.contains(a.getCode()))
                .filter(a -> quotas.of(campaign.getPresetKey(), a.getCode()).winnersQuota() == null).toList();
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        List<PrizeList.Listed> listed = prizes.listed(campaign.getId());
        StringBuilder text = new StringBuilder();
        for (AwardCategory award : campaign.getAwards()) {
            List<PrizeList.Listed> winners = listed.stream().filter(l -> l.prizes().contains(award.getCode())).toList();
            if (winners.isEmpty()) {
                continue;
            }
            text.append(award.getName()).append("(").append(winners.size()).append(")\n");
            winners.forEach(l -> text.append("  第 ").append(l.position()).append(" 名 ")
                    .append(facts.label(campaign, facts.nomination(l.nominationId()))).append(" 最终得分 ")
                    .append(l.finalScore().setScale(2, RoundingMode.HALF_UP)).append('\n'));
        }
        List<PrizeList.Ranked> ranking = prizes.ranking(campaign.getId());
        List<AwardCategory> open = openAwards(campaign, ranking, quotas);
        for (AwardCategory award : open) {
            text.append("「").append(award.getName()).append("」评选规则未规定入选数量，由主办方确定。全部排名:\n");
            ranking.stream().filter(r -> r.group().equals(award.getCode())).forEach(r -> text.append("  第 ")
                    .append(r.position()).append(" 名 ").append(facts.label(campaign, facts.nomination(r.nominationId())))
                    .append(" 综合得分 ").append(r.finalScore().setScale(2, RoundingMode.HALF_UP)).append('\n'));
        }
        task.setVariableLocal("prizeList", text.isEmpty() ? "评分结果中没有获奖作品" : text.toString());
        task.setVariableLocal("quotaOpen", !open.isEmpty());
        task.setVariableLocal("quotaLabel", open.isEmpty() ? "" : open.stream().map(AwardCategory::getName)
                .map(n -> "「" + n + "」").reduce((a, b) -> a + "、" + b).orElse("")
                + "入选数量:按综合得分从高到低取前若干名");
        task.setVariableLocal("quotaAwardCount", open.size());
        if (open.size() == 1) {
            quotas.campaignWinners(campaign.getId(), open.get(0).getCode())
                    .ifPresent(w -> task.setVariableLocal("listQuota", w));
        } else if (open.size() > 1) {
            task.setVariableLocal("awardQuotas", String.join("\n", open.stream().map(a -> a.getName() + ":"
                    + quotas.campaignWinners(campaign.getId(), a.getCode()).map(String::valueOf).orElse(""))
                    .toList()));
        }
        List<PrizeList.UnitProposal> proposals = prizes.unitProposals(campaign.getId());
        task.setVariableLocal("unitPrizeOptions", FormOptions.of(proposals.stream()
                .map(p -> FormOptions.option(campaign.award(p.awardCode()).map(AwardCategory::getName)
                        .orElse(p.awardCode()) + " — " + p.unitName() + "(建议第 " + p.rank() + " 位)", p.value()))
                .toList()));
        task.setVariableLocal("confirmedUnitPrizes", SpinValues.jsonValue(proposals.stream()
                .map(p -> "\"" + p.value() + "\"").reduce((a, b) -> a + "," + b).map(v -> "[" + v + "]").orElse("[]"))
                .create());
        task.setVariableLocal("listConfirmed", false);
    }
}
