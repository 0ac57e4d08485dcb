package io.laurel.selection;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tasks that only ask HR to confirm something refuse completion until the box is ticked. */
final class Confirmations {

    private Confirmations() {
    }

    static void require(DelegateTask task, String variable, String message) {
        if (!Boolean.TRUE.equals(task.getVariable(variable))) {
            throw new ProcessEngineException(message);
        }
    }

    @Component("initialListConfirmation")
    static class InitialList implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            require(task, "listConfirmed", "请核对初评名单后勾选“确认初评名单”");
        }
    }

    @Component("ceremonyConfirmation")
    static class Ceremony implements TaskListener {

        @Override
        public void notify(DelegateTask task) {
            require(task, "ceremonyHeld", "请确认表彰大会已举行");
        }
    }
}
