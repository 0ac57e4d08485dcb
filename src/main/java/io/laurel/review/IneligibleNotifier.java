package io.laurel.review;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells candidate and nominator that the nomination does not meet the conditions, and why. */
@Component("ineligibleNotifier")
class IneligibleNotifier implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    IneligibleNotifier(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        var nomination = loaded.nomination();
        String reason = nomination.getOverrideReason() != null ? nomination.getOverrideReason()
                : nomination.getRuleReason();
        mail.toCandidateAndNominator(loaded, "review-ineligible", Map.of("reason", reason == null ? "" : reason));
    }
}
