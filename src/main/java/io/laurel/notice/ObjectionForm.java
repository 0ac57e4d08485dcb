package io.laurel.notice;

import io.laurel.review.NominationContext;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The investigation task shows the objection, including the confidential objector, to HR and the chair. */
@Component("objectionForm")
class ObjectionForm implements TaskListener {

    private final ObjectionRepository objections;
    private final NominationContext context;

    ObjectionForm(ObjectionRepository objections, NominationContext context) {
        this.objections = objections;
        this.context = context;
    }

    @Override
    public void notify(DelegateTask task) {
        Long objectionId = ((Number) task.getVariable("objectionId")).longValue();
        // The message put the id on the notice's scope, which the next objection overwrites; this
        // investigation keeps its own copy.
        task.getExecution().setVariableLocal("objectionId", objectionId);
        Objection objection = objections.findById(objectionId).orElseThrow();
        var loaded = context.load(objection.getCampaignId(), objection.getNominationId());
        task.setName("调查异议 - " + loaded.label());
        task.setVariableLocal("objectionSummary", "异议对象:" + loaded.label() + "\n异议人(保密):"
                + objection.getObjectorName() + ",联系方式 " + objection.getObjectorContact() + "\n异议理由:"
                + objection.getReason());
        task.setVariableLocal("objectionUpheld", null);
        task.setVariableLocal("decisionReason", null);
    }
}
