package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.review.NominationContext;
import io.laurel.scoring.UnitPrizes;
import io.laurel.process.FormOptions;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Staff confirmed the prize list: each unit prize proposal is confirmed (ticked) or rejected, with who and when. */
@Component("prizeListConfirmation")
class PrizeListConfirmation implements TaskListener {

    private final NominationContext context;
    private final PrizeList prizes;
    private final UnitPrizes unitPrizes;
    private final Clock clock;

    PrizeListConfirmation(NominationContext context, PrizeList prizes, UnitPrizes unitPrizes, Clock clock) {
        this.context = context;
        this.prizes = prizes;
        this.unitPrizes = unitPrizes;
        this.clock = clock;
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
}
