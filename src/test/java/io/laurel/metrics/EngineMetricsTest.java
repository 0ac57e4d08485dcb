package io.laurel.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine figures move when jobs run and fail: job counters (per node), open tasks per process, phase
 * and activity, incidents and jobs without retries — in the registry and on /actuator/prometheus, which
 * only an administrator may read.
 */
@LaurelTest
class EngineMetricsTest {

    private static final String KEY = "metrics-probe";

    @Autowired
    MeterRegistry meters;
    @Autowired
    EngineGauges gauges;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @LocalServerPort
    int port;

    private String deploymentId;

    /** A test-only model: an async step that fails on request, then a user task inside a phase. */
    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("指标探针").camundaHistoryTimeToLive(1)
                .startEvent("probeStart")
                .serviceTask("probeStep").name("可失败的异步步骤").camundaAsyncBefore()
                .camundaClass(FailOnRequest.class.getName())
                .subProcess("probePhase").name("探针阶段").embeddedSubProcess()
                .startEvent("phaseStart").userTask("probeTask").name("探针任务").endEvent("phaseEnd")
                .subProcessDone()
                .endEvent("probeEnd")
                .done();
        deploymentId = repository.createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model).deploy().getId();
    }

    @AfterEach
    void undeploy() {
        repository.deleteDeployment(deploymentId, true);
        gauges.refresh();
    }

    @Test
    void job_counters_and_engine_gauges_move_with_the_engine() {
        double successful = jobs("successful");
        double failed = jobs("failed");

        String ok = runtime.startProcessInstanceByKey(KEY, Map.of("fail", false)).getId();
        management.executeJob(jobOf(ok).getId());
        gauges.refresh();

        assertThat(jobs("successful")).isEqualTo(successful + 1);
        assertThat(jobs("failed")).isEqualTo(failed);
        assertThat(openTasks("probePhase", "probeTask")).isEqualTo(1);
        assertThat(incidents("failedJob")).isZero();

        String broken = runtime.startProcessInstanceByKey(KEY, Map.of("fail", true)).getId();
        Job job = jobOf(broken);
        management.setJobRetries(job.getId(), 1);
        long withoutRetries = management.createJobQuery().noRetriesLeft().count();
        assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("探针");
        gauges.refresh();

        assertThat(jobs("successful")).isEqualTo(successful + 1);
        assertThat(jobs("failed")).isEqualTo(failed + 1);
        assertThat(incidents("failedJob")).isEqualTo(1);
        assertThat(meters.get(EngineGauges.JOBS_NO_RETRIES).gauge().value()).isEqualTo(withoutRetries + 1);
        assertThat(openTasks("probePhase", "probeTask")).isEqualTo(1);

        // the task is done: its row goes (a row per open activity only)
        tasks.complete(tasks.createTaskQuery().processInstanceId(ok).singleResult().getId());
        gauges.refresh();
        assertThat(openTasks("probePhase", "probeTask")).isZero();
    }

    @Test
    void prometheus_shows_the_engine_figures_to_administrators_only() {
        String ok = runtime.startProcessInstanceByKey(KEY, Map.of("fail", false)).getId();
        management.executeJob(jobOf(ok).getId());
        gauges.refresh();

        Http.Answer scrape = Http.to(port).as("demo", "demo").get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .containsPattern("laurel_engine_jobs_total\\{[^}]*result=\"successful\"[^}]*} [1-9]")
                .contains("laurel_engine_tasks_open{activity=\"probeTask\",phase=\"probePhase\",process=\"metrics-probe\"} 1.0")
                .contains("laurel_engine_jobs_executable")
                .contains("laurel_intake_polls_total");

        assertThat(Http.to(port).get("/actuator/prometheus").status()).isEqualTo(401);
        // a committee member is a Camunda user, but not an administrator
        assertThat(Http.to(port).as("wanglei", "demo").get("/actuator/prometheus").status()).isEqualTo(403);
    }

    private Job jobOf(String processInstanceId) {
        return management.createJobQuery().processInstanceId(processInstanceId).singleResult();
    }

    private double jobs(String result) {
        return meters.get(JobMetricsRegistry.JOBS).tag("result", result).counter().count();
    }

    private double openTasks(String phase, String activity) {
        var gauge = meters.find(EngineGauges.TASKS).tags("process", KEY, "phase", phase, "activity", activity).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    private double incidents(String type) {
        var gauge = meters.find(EngineGauges.INCIDENTS).tags("process", KEY, "type", type).gauge();
        return gauge == null ? 0 : gauge.value();
    }

    /** Fails when the instance's variable {@code fail} is true. */
    public static class FailOnRequest implements JavaDelegate {
        @Override
        public void execute(DelegateExecution execution) {
            if (Boolean.TRUE.equals(execution.getVariable("fail"))) {
                throw new IllegalStateException("探针步骤按要求失败");
            }
        }
    }
}
