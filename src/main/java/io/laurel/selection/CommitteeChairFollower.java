package io.laurel.selection;

import io.laurel.organisation.CommitteeChairChanged;
import io.laurel.process.AwardSelection;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A chair chosen after launch still gets the objections raised from then on: the running process's
 * {@code committeeChair} (candidate user of 调查异议) follows the organisation, in the same transaction.
 */
@Component
class CommitteeChairFollower {

    private final RuntimeService runtime;
    private final String installationChair;

    CommitteeChairFollower(RuntimeService runtime,
            @Value("${laurel.selection.committee-chair:}") String installationChair) {
        this.runtime = runtime;
        this.installationChair = installationChair;
    }

    @EventListener
    void on(CommitteeChairChanged change) {
        String chair = change.chairUserId() == null ? installationChair : change.chairUserId();
        runtime.createProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(change.campaignId())).active().list()
                .forEach(instance -> runtime.setVariable(instance.getId(), "committeeChair", chair));
    }
}
