package io.laurel.selection;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** HR completes 确认初评名单 only with the list confirmed. */
@Component("initialListConfirmation")
class InitialListConfirmation implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("listConfirmed"))) {
            throw new ProcessEngineException("请核对初评名单后勾选“确认初评名单”");
        }
    }
}
