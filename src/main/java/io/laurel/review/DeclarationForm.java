package io.laurel.review;

import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.process.FormOptions;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Lists the re-review candidates in a member's declaration, so they can name their conflicts. */
@Component("declarationForm")
class DeclarationForm implements TaskListener {

    private final NominationContext context;
    private final NominationRepository nominations;

    DeclarationForm(NominationContext context, NominationRepository nominations) {
        this.context = context;
        this.nominations = nominations;
    }

    @Override
    public void notify(DelegateTask task) {
        var campaign = context.campaign(task);
        var options = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ADVANCED)).stream()
                .map(n -> FormOptions.option(context.load(campaign.getId(), n.getId()).label(), n.getId().toString()))
                .toList();
        task.setVariableLocal("candidateOptions", FormOptions.of(options));
        task.setVariableLocal("confidentialityAgreed", false);
        task.setVariableLocal("recusals", FormOptions.noneChecked());
    }
}
