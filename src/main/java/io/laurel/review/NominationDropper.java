package io.laurel.review;

import java.util.Map;
import io.laurel.nomination.NominationStatus;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The supplement window passed without the missing materials: the nomination is dropped, with a notice. */
@Component("nominationDropper")
class NominationDropper implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    NominationDropper(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        loaded.nomination().changeStatus(NominationStatus.DROPPED);
        String missing = (String) execution.getVariable("missingMaterials");
        mail.toCandidateAndNominator(loaded, "review-dropped",
                Map.of("missing", missing == null ? List.of() : Arrays.asList(missing.split("\n"))));
    }
}
