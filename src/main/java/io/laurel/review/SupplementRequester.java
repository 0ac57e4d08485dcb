package io.laurel.review;

import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells candidate and nominator exactly which materials are missing and until when (3 working days). */
@Component("supplementRequester")
class SupplementRequester implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    SupplementRequester(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        String missing = (String) execution.getVariable("missingMaterials");
        List<String> items = missing == null || missing.isBlank() ? List.of() : Arrays.asList(missing.split("\n"));
        mail.toCandidateAndNominator(loaded, "review-supplement", Map.of("missing", items));
    }
}
