package io.laurel.selection;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 确认表彰大会已举行 completes only with the box ticked. */
@Component("ceremonyConfirmation")
class CeremonyConfirmation implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("ceremonyHeld"))) {
            throw new ProcessEngineException("请确认表彰大会已举行");
        }
    }
}
