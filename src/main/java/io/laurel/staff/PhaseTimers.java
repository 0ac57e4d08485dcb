package io.laurel.staff;

import io.laurel.campaign.CampaignService;
import io.laurel.process.AwardSelection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The phases a campaign is waiting on are the timer jobs of its process instances (the lifecycle's phase deadlines,
 * the notice period, the supplement window of an intake package). An operator may end one early (its due date
 * becomes now and it runs at once) or extend it (a later due date); either needs a reason and is recorded with
 * who and when in operator_action. Reminder timers are not phases and are left alone.
 */
@Component
class PhaseTimers {

    private static final Set<String> NOT_PHASES = Set.of("reminderDue");

    record Timer(String jobId, String name, LocalDateTime due, String processKey) {
    }

    record Action(String action, String phase, LocalDateTime previousDue, LocalDateTime newDue, String reason,
            String actor, LocalDateTime at) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final CampaignService campaigns;

    PhaseTimers(RuntimeService runtime, ManagementService management, RepositoryService repository, JdbcTemplate jdbc,
            Clock clock, CampaignService campaigns) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    List<Timer> waiting(long campaignId, ZoneId zone) {
        List<Timer> timers = new ArrayList<>();
        for (String instanceId : instances(campaignId)) {
            for (Job job : management.createJobQuery().processInstanceId(instanceId).timers().orderByJobDuedate().asc()
                    .list()) {
                JobDefinition definition = management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId())
                        .singleResult();
                String activityId = definition == null ? null : definition.getActivityId();
                if (activityId == null || NOT_PHASES.contains(activityId)) {
                    continue;
                }
                FlowElement element = repository.getBpmnModelInstance(job.getProcessDefinitionId())
                        .getModelElementById(activityId);
                String name = element == null || element.getName() == null ? activityId : element.getName();
                timers.add(new Timer(job.getId(), name, LocalDateTime.ofInstant(job.getDuedate().toInstant(), zone),
                        job.getProcessDefinitionKey()));
            }
        }
        return timers;
    }

    /** The lifecycle (business key = campaign id) and every other instance carrying the campaign id. */
    private Set<String> instances(long campaignId) {
        Set<String> ids = new LinkedHashSet<>();
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(Long.toString(campaignId)).active().list()
                .stream().map(ProcessInstance::getId).forEach(ids::add);
        runtime.createProcessInstanceQuery().variableValueEquals(AwardSelection.CAMPAIGN_ID, campaignId).active().list()
                .stream().map(ProcessInstance::getId).forEach(ids::add);
        return ids;
    }

    /**
     * Ends the phase now; returns the phase's name. The job runs in this request, so the page shows its effect. One
     * transaction: the new due date is never visible to the job executor on its own, so it cannot run the same job
     * beside this request (which made one of the two fail with an optimistic-locking error); if the next step fails,
     * nothing is recorded and the phase stays as it was.
     */
    @Transactional
    String endNow(long campaignId, String jobId, String reason, String actor, ZoneId zone) {
        Timer timer = find(campaignId, jobId, zone);
        Instant now = clock.instant();
        record(campaignId, "END_EARLY", timer, zone, now, reason, actor);
        // The timeline first: the step the timer starts may check the phase's window.
        campaigns.moveKeyMoment(campaignId, timer.due(), LocalDateTime.ofInstant(now, zone));
        management.setJobDuedate(jobId, Date.from(now));
        management.executeJob(jobId);
        return timer.name();
    }

    @Transactional
    String extend(long campaignId, String jobId, LocalDateTime newDue, String reason, String actor, ZoneId zone) {
        Timer timer = find(campaignId, jobId, zone);
        Instant due = newDue.atZone(zone).toInstant();
        record(campaignId, "EXTEND", timer, zone, due, reason, actor);
        campaigns.moveKeyMoment(campaignId, timer.due(), newDue);
        management.setJobDuedate(jobId, Date.from(due));
        return timer.name();
    }

    List<Action> history(long campaignId, ZoneId zone) {
        return jdbc.query("select action, activity_name, previous_due, new_due, reason, actor, acted_at "
                        + "from operator_action where campaign_id = ? order by acted_at desc, id desc",
                (rs, i) -> new Action(rs.getString(1), rs.getString(2), local(rs.getTimestamp(3), zone),
                        local(rs.getTimestamp(4), zone), rs.getString(5), rs.getString(6),
                        local(rs.getTimestamp(7), zone)), campaignId);
    }

    private Timer find(long campaignId, String jobId, ZoneId zone) {
        return waiting(campaignId, zone).stream().filter(t -> t.jobId().equals(jobId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("该阶段已结束或不属于本活动,请刷新页面"));
    }

    private void record(long campaignId, String action, Timer timer, ZoneId zone, Instant newDue, String reason,
            String actor) {
        Instant now = clock.instant();
        jdbc.update("insert into operator_action (campaign_id, action, activity_name, previous_due, new_due, reason, "
                        + "actor, acted_at) values (?, ?, ?, ?, ?, ?, ?, ?)", campaignId, action, timer.name(),
                Timestamp.from(timer.due().atZone(zone).toInstant()), Timestamp.from(newDue), reason, actor, Timestamp.from(now));
    }

    private static LocalDateTime local(Timestamp t, ZoneId zone) {
        return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), zone);
    }
}
