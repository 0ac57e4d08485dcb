package io.laurel.contest;

import java.math.BigDecimal;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * What the {@code skills-contest} task listeners share. Form fields are declared on the task at creation, so what
 * one judge submits stays with that task and parallel tasks never write the same process variable.
 */
final class ContestTasks {

    private ContestTasks() {
    }

    /** Who completes the task: the authenticated user, else the assignee. */
    static String user(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return current != null ? current.getUserId() : task.getAssignee();
    }

    static void declare(DelegateTask task, String... fields) {
        for (String field : fields) {
            task.setVariableLocal(field, null);
        }
    }

    /** A form's number field (blank is {@code null}). */
    static BigDecimal points(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("得分应为 0 至 100 之间的数字: " + value);
        }
    }
}
