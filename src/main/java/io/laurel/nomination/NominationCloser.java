package io.laurel.nomination;

import io.laurel.process.AwardSelection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Closes the nomination window: every submitted nomination goes to the eligibility review (ids only). */
@Component("nominationCloser")
class NominationCloser implements JavaDelegate {

    private final NominationRepository nominations;

    NominationCloser(NominationRepository nominations) {
        this.nominations = nominations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Long campaignId = AwardSelection.campaignId(execution.getVariable(AwardSelection.CAMPAIGN_ID));
        List<Long> ids = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.SUBMITTED)).stream().map(Nomination::getId).toList();
        execution.setVariable("nominationIds", new java.util.ArrayList<>(ids));
        execution.setVariable("nominationCount", ids.size());
    }
}
