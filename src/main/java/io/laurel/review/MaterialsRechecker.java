package io.laurel.review;

import io.laurel.nomination.NominationStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the supplement window: checks the materials again. */
@Component("materialsRechecker")
class MaterialsRechecker implements JavaDelegate {

    private final NominationContext context;
    private final MaterialsChecklist checklist;

    MaterialsRechecker(NominationContext context, MaterialsChecklist checklist) {
        this.context = context;
        this.checklist = checklist;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        var missing = checklist.missing(loaded.campaign(), loaded.nomination().getId());
        execution.setVariableLocal("materialsComplete", missing.isEmpty());
        execution.setVariableLocal("missingMaterials", String.join("\n", missing));
        loaded.nomination().recordMissingMaterials(missing.isEmpty() ? null : String.join("\n", missing));
        if (missing.isEmpty()) {
            loaded.nomination().changeStatus(NominationStatus.ELIGIBLE);
        }
    }
}
