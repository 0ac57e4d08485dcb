package io.laurel.staff;

import io.laurel.process.AwardSelection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Where a campaign's lifecycle really is: the names of the steps its process instance waits in (e.g. 表彰大会日期
 * after HR ended the notice early). The timeline's phase is only the calendar's view; an operator who ends a phase
 * early moves the process ahead of it. The key-date reminders, which run beside the lifecycle, are left out.
 */
@Component
class ProcessSteps {

    private static final Set<String> BESIDE_THE_LIFECYCLE = Set.of("keyDateReminders", "reminderDue",
            "sendKeyDateReminder");

    private final RuntimeService runtime;
    private final RepositoryService repository;

    ProcessSteps(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    /** The waiting steps' names in model order, without repeats; empty when the lifecycle is not running. */
    List<String> of(long campaignId) {
        ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(Long.toString(campaignId)).list().stream().findFirst().orElse(null);
        if (instance == null) {
            return List.of();
        }
        BpmnModelInstance model = repository.getBpmnModelInstance(instance.getProcessDefinitionId());
        Set<String> names = new LinkedHashSet<>();
        for (String activityId : runtime.getActiveActivityIds(instance.getId())) {
            if (BESIDE_THE_LIFECYCLE.contains(activityId)) {
                continue;
            }
            FlowElement element = model.getModelElementById(activityId);
            names.add(element == null || element.getName() == null ? activityId : element.getName());
        }
        return List.copyOf(names);
    }
}
