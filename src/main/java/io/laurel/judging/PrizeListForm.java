package io.laurel.judging;

import io.laurel.campaign.AwardCategory;
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
 * checklist, all ticked; staff untick a proposal to reject it.
 */
@Component("prizeListForm")
class PrizeListForm implements TaskListener {

    private final NominationContext context;
    private final PrizeList prizes;
    private final EntryFacts facts;

    PrizeListForm(NominationContext context, PrizeList prizes, EntryFacts facts) {
        this.context = context;
        this.prizes = prizes;
        this.facts = facts;
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
        task.setVariableLocal("prizeList", text.isEmpty() ? "评分结果中没有获奖作品" : text.toString());
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
