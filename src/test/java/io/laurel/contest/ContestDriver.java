package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignTimeline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Drives a skills contest in tests: creates and launches a campaign whose registration is open today, registers
 * teams, runs due jobs, moves the engine clock to the next timer and completes the judges' and organisers'
 * tasks through the TaskService (what Tasklist's submit does, without the HTTP round trip).
 */
@Component
class ContestDriver {

    final CampaignService campaigns;
    final CampaignTimeline timeline;
    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final TeamRegistration registration;
    final ContestStore store;
    final JdbcTemplate jdbc;
    final FormService forms;

    ContestDriver(CampaignService campaigns, CampaignTimeline timeline, RuntimeService runtime, TaskService tasks,
            ManagementService management, TeamRegistration registration, ContestStore store, JdbcTemplate jdbc,
            FormService forms) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.timeline = timeline;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.registration = registration;
        this.store = store;
        this.jdbc = jdbc;
    }

    /** A contest campaign whose registration window opened 5 days ago. */
    Campaign openContest() {
        ClockUtil.reset();
        return campaigns.createFromPreset("service-skills-cup-2022", LocalDate.now().minusDays(5), "test");
    }

    ProcessInstance launch(Campaign campaign, Boolean thirdPlaceMatch) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("campaignId", campaign.getId());
        if (thirdPlaceMatch != null) {
            variables.put("thirdPlaceMatch", thirdPlaceMatch);
        }
        return runtime.startProcessInstanceByKey(SkillsContest.PROCESS_KEY, variables);
    }

    static TeamRequest team(String name, String organisation, String contact) {
        List<TeamRequest.MemberRequest> members = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            members.add(new TeamRequest.MemberRequest(name + "队员" + i, null, "1380000000" + i, organisation));
        }
        return new TeamRequest(name, organisation, contact, members);
    }

    /** Registers {@code count} teams named {@code prefix}01 …; answers their ids in registration order. */
    List<Long> registerTeams(Campaign campaign, String prefix, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = prefix + String.format("%02d", i);
            ids.add(registration.register(campaign.getId(), team(name, name + "客服中心",
                    contact(campaign, name)), "API").id());
        }
        return ids;
    }

    static String contact(Campaign campaign, String teamName) {
        return "team-" + campaign.getId() + "-" + Math.abs(teamName.hashCode()) + "@teams.example";
    }

    /** Runs every due job of the instance until none is left (timers only once the clock has reached them). */
    void runJobs(ProcessInstance instance) {
        for (int round = 0; round < 500; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance.getId()).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + instance.getId());
    }

    /** Moves the engine clock to the given time and runs what became due. */
    void advanceTo(ProcessInstance instance, Date when) {
        if (when.after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(when.getTime() + 1000));
        }
        runJobs(instance);
    }

    /** Moves the clock to the earliest pending timer of the instance (reminders included) and runs it. */
    void nextTimer(ProcessInstance instance) {
        Job timer = management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream()
                .min(Comparator.comparing(Job::getDuedate)).orElseThrow(() -> new AssertionError("no timer pending"));
        advanceTo(instance, timer.getDuedate());
    }

    /** Runs timers (and their consequences) until a task of one of {@code keys} is open or the instance ended. */
    List<Task> until(ProcessInstance instance, String... keys) {
        for (int i = 0; i < 50; i++) {
            runJobs(instance);
            List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKeyIn(keys)
                    .list();
            if (!open.isEmpty() || ended(instance)) {
                return open;
            }
            nextTimer(instance);
        }
        throw new AssertionError("no task " + List.of(keys) + " came up");
    }

    boolean ended(ProcessInstance instance) {
        return runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    List<Task> open(ProcessInstance instance, String key) {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).list();
    }

    /** As Tasklist submits a Camunda Form: through the form service, onto the task's (declared) variables. */
    void submit(Task task, Map<String, Object> variables) {
        forms.submitTaskForm(task.getId(), new HashMap<>(variables));
    }

    void submit(Task task, String key, Object value) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(key, value);
        submit(task, variables);
    }

    void accept(Task task) {
        submit(task, "screeningDecision", "accept");
    }

    void reject(Task task, String category, String reason) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("screeningDecision", "reject");
        variables.put("rejectionCategory", category);
        variables.put("rejectionReason", reason);
        submit(task, variables);
    }

    long teamOf(Task screening) {
        return ((Number) tasks.getVariable(screening.getId(), "teamId")).longValue();
    }

    /** Scores every open match with the given scores per team id. */
    void scoreAll(ProcessInstance instance, Function<Long, MatchScoring.StageScores> scoreOf) {
        for (Task task : open(instance, "scoreMatch")) {
            score(task, scoreOf);
        }
    }

    void score(Task task, Function<Long, MatchScoring.StageScores> scoreOf) {
        submit(task, scoreVariables(task, scoreOf));
    }

    Map<String, Object> scoreVariables(Task task, Function<Long, MatchScoring.StageScores> scoreOf) {
        long matchId = ((Number) tasks.getVariable(task.getId(), "matchId")).longValue();
        Map<String, Object> variables = new HashMap<>();
        int slot = 1;
        for (ContestStore.Entry entry : store.entries(matchId)) {
            MatchScoring.StageScores s = scoreOf.apply(entry.teamId());
            variables.put("s" + slot + "Theory", s.theory().doubleValue());
            variables.put("s" + slot + "Lookup", s.lookup().doubleValue());
            variables.put("s" + slot + "RolePlay", s.rolePlay().doubleValue());
            slot++;
        }
        return variables;
    }

    /** Stronger teams (lower strength number) score higher in every stage. */
    static Function<Long, MatchScoring.StageScores> byStrength(Map<Long, Integer> strength) {
        return teamId -> {
            int points = 100 - strength.getOrDefault(teamId, 50);
            BigDecimal p = BigDecimal.valueOf(points);
            return new MatchScoring.StageScores(p, p, p);
        };
    }

    List<String> mailsTo(String recipient) {
        return jdbc.queryForList("select subject from mail_outbox where recipient = ? order by id", String.class,
                recipient);
    }

    List<String> mailBodiesTo(String recipient, String template) {
        return jdbc.queryForList("select body from mail_outbox where recipient = ? and template = ? order by id",
                String.class, recipient, template);
    }

    Date date(Campaign campaign, String code) {
        return timeline.start(campaign.getId(), code);
    }
}
