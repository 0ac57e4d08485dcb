package io.laurel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code workCalendar} bean inside engine expressions: a timer {@code timeDate} and a user task's
 * {@code camunda:dueDate}, with "now" fixed by the engine clock.
 */
@LaurelTest
class WorkCalendarProcessTest {

    static final String PROCESS = "work-calendar-test";

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    String deploymentId;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (deploymentId != null) {
            repository.deleteDeployment(deploymentId, true);
        }
    }

    static Date cst(String localDateTime) {
        return Date.from(OffsetDateTime.parse(localDateTime + "+08:00").toInstant());
    }

    @Test
    void a_timer_waits_five_working_days_and_a_task_is_due_at_the_end_of_the_fifth() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("publicNotice").timerWithDate("${workCalendar.addWorkingDays(now(), 5)}")
                .userTask("review").camundaDueDate("${workCalendar.endOfWorkingDays(now(), 5)}")
                .endEvent()
                .done();
        deploymentId = repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy().getId();

        // Published Thursday 10:00 before 国庆 and 中秋 2025.
        ClockUtil.setCurrentTime(cst("2025-09-25T10:00:00"));
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS);

        Job timer = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
        // 9-26, 9-28 (Sunday, 调休), 9-29, 9-30, then the holiday until 10-8, then 10-9; same time of day.
        assertThat(timer.getDuedate().getTime()).isEqualTo(cst("2025-10-09T10:00:00").getTime());

        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());

        Task review = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        // 10-10, 10-11 (Saturday, 调休), 10-13, 10-14, 10-15, through the end of that day.
        assertThat(review.getDueDate().getTime()).isEqualTo(cst("2025-10-15T23:59:59").getTime());
    }
}
