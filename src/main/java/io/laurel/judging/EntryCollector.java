package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Intake has closed: every entry intake registered (status SUBMITTED) goes to the conformity review, with its
 * 规范性 pre-filled from what intake found (10 minus one per finding, floor 0) for staff to confirm.
 */
@Component("entryCollector")
class EntryCollector implements JavaDelegate {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final EntryFacts facts;
    private final JudgingPlan plan;
    private final JudgingRecords records;

    EntryCollector(NominationContext context, NominationRepository nominations, EntryFacts facts, JudgingPlan plan,
            JudgingRecords records) {
        this.context = context;
        this.nominations = nominations;
        this.facts = facts;
        this.plan = plan;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign campaign = context.campaign(execution);
        List<Nomination> entries = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.SUBMITTED));
        ArrayList<Long> ids = new ArrayList<>();
        for (Nomination entry : entries) {
            List<String> findings = facts.intakeFindings(entry);
            records.prefillConformity(campaign.getId(), entry.getId(), findings.isEmpty() ? null
                    : String.join("\n", findings), findings.size(), ConformityRecorder.points(plan, campaign,
                            findings.size()));
            ids.add(entry.getId());
        }
        execution.setVariable("entryIds", ids);
        execution.setVariable("entryCount", ids.size());
    }
}
