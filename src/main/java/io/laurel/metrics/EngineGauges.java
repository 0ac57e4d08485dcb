package io.laurel.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's state as gauges: open incidents (per process and incident type), open user tasks (per
 * process, phase and activity), executable jobs and jobs without retries left. They are read from the
 * database, so in a cluster every node reports the same, cluster-wide figures (aggregate them with
 * {@code max}, not {@code sum}). The queries run on a schedule ({@code laurel.metrics.engine-refresh},
 * default 15 s), never on the scrape request, so a scrape costs nothing and a slow database cannot stall it.
 *
 * <p>The phase of a task is the id of the innermost sub-process around it in the model (e.g.
 * {@code nominationPhase}, {@code reReview}), or {@code -} for a task directly in the process.
 */
@Component
public class EngineGauges {

    static final String TASKS = "laurel.engine.tasks.open";
    static final String INCIDENTS = "laurel.engine.incidents.open";
    static final String JOBS_EXECUTABLE = "laurel.engine.jobs.executable";
    static final String JOBS_NO_RETRIES = "laurel.engine.jobs.no-retries";
    private static final Logger log = LoggerFactory.getLogger(EngineGauges.class);

    private final JdbcTemplate jdbc;
    private final ManagementService management;
    private final RepositoryService repository;
    private final MultiGauge tasks;
    private final MultiGauge incidents;
    private final AtomicLong executableJobs = new AtomicLong();
    private final AtomicLong jobsWithoutRetries = new AtomicLong();
    /** Process definition id -> key, and (definition id, activity id) -> phase; both never change. */
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();
    private final Map<String, String> phases = new ConcurrentHashMap<>();

    EngineGauges(JdbcTemplate jdbc, ManagementService management, RepositoryService repository,
            MeterRegistry meters) {
        this.jdbc = jdbc;
        this.management = management;
        this.repository = repository;
        this.tasks = MultiGauge.builder(TASKS).description("Open user tasks per process, phase and activity")
                .register(meters);
        this.incidents = MultiGauge.builder(INCIDENTS).description("Open incidents per process and type")
                .register(meters);
        Gauge.builder(JOBS_EXECUTABLE, executableJobs, AtomicLong::get)
                .description("Jobs due now with retries left (the job executors' backlog)").register(meters);
        Gauge.builder(JOBS_NO_RETRIES, jobsWithoutRetries, AtomicLong::get)
                .description("Jobs whose retries are used up (each one is an incident)").register(meters);
    }

    /** Re-reads every figure from the database. */
    @Scheduled(fixedDelayString = "${laurel.metrics.engine-refresh:PT15S}", initialDelayString = "PT1S")
    public void refresh() {
        try {
            tasks.register(taskRows(), true);
            incidents.register(incidentRows(), true);
            executableJobs.set(management.createJobQuery().executable().count());
            jobsWithoutRetries.set(management.createJobQuery().noRetriesLeft().count());
        } catch (RuntimeException e) {
            // a database hiccup must not kill the schedule; the gauges keep their last figures
            log.warn("Engine gauges not refreshed: {}", e.toString());
        }
    }

    private List<MultiGauge.Row<?>> taskRows() {
        Map<List<String>, Long> counts = new java.util.LinkedHashMap<>();
        jdbc.query("select PROC_DEF_ID_, TASK_DEF_KEY_, count(*) from ACT_RU_TASK group by PROC_DEF_ID_, TASK_DEF_KEY_",
                rs -> {
                    String definition = rs.getString(1);
                    String activity = rs.getString(2);
                    List<String> key = definition == null
                            ? List.of("-", "-", activity == null ? "-" : activity)
                            : List.of(processKey(definition), phase(definition, activity), activity);
                    counts.merge(key, rs.getLong(3), Long::sum);
                });
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(MultiGauge.Row.of(
                Tags.of("process", key.get(0), "phase", key.get(1), "activity", key.get(2)), count)));
        return rows;
    }

    private List<MultiGauge.Row<?>> incidentRows() {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("select d.KEY_, i.INCIDENT_TYPE_, count(*) from ACT_RU_INCIDENT i "
                + "left join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_ group by d.KEY_, i.INCIDENT_TYPE_",
                rs -> {
                    String process = rs.getString(1);
                    rows.add(MultiGauge.Row.of(Tags.of("process", process == null ? "-" : process,
                            "type", rs.getString(2)), rs.getLong(3)));
                });
        return rows;
    }

    private String processKey(String definitionId) {
        return processKeys.computeIfAbsent(definitionId,
                id -> repository.getProcessDefinition(id).getKey());
    }

    private String phase(String definitionId, String activityId) {
        if (activityId == null) {
            return "-";
        }
        return phases.computeIfAbsent(definitionId + "#" + activityId, k -> {
            ModelElementInstance element = repository.getBpmnModelInstance(definitionId).getModelElementById(activityId);
            for (ModelElementInstance parent = element == null ? null : element.getParentElement(); parent != null;
                    parent = parent.getParentElement()) {
                if (parent instanceof SubProcess subProcess) {
                    return subProcess.getId();
                }
            }
            return "-";
        });
    }
}
