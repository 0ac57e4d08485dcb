package io.laurel.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.Nomination;
import io.laurel.roster.DemoRosterGenerator;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.roster.EmploymentType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drives a service-star campaign through award-selection the way its users would: the engine clock
 * moves through the campaign's own timeline, due jobs are executed explicitly, tasks are completed with
 * the variables their forms submit.
 */
@Component
public class SelectionDriver {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The seed's dates moved to 2026, a year the working-day calendar knows from the official notice. */
    public static final LocalDate STARTS_ON = LocalDate.of(2026, 1, 31);
    static final List<String> MATERIAL_KINDS = List.of("main-document", "service-story", "customer-praise",
            "service-data", "innovation-method", "recommendation-letter");

    final CampaignService campaigns;
    final CampaignLauncher launcher;
    final EmployeeRepository employees;
    final MaterialRepository materials;
    final DemoRosterGenerator roster;
    final RuntimeService runtime;
    final TaskService tasks;
    final ManagementService management;
    final TransactionTemplate tx;
    final FormService forms;
    final NominationRepository nominations;
    final DepartmentHeadRepository heads;

    SelectionDriver(CampaignService campaigns, CampaignLauncher launcher, EmployeeRepository employees,
            MaterialRepository materials, DemoRosterGenerator roster, RuntimeService runtime, TaskService tasks,
            ManagementService management, TransactionTemplate tx, FormService forms,
            NominationRepository nominations, DepartmentHeadRepository heads) {
        this.campaigns = campaigns;
        this.launcher = launcher;
        this.employees = employees;
        this.materials = materials;
        this.roster = roster;
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.tx = tx;
        this.forms = forms;
        this.nominations = nominations;
        this.heads = heads;
    }

    /** One head nominates two of their staff; the better one wins, the other is eliminated in the initial review. */
    public List<Nomination> driveToTheNotice(Campaign campaign, ProcessInstance instance) {
        Task task = tasks(instance, "nominateTask").stream().filter(t -> t.getAssignee().equals("liuyang"))
                .findFirst().orElseThrow();
        List<Employee> best = eligibleStaff(campaign.getId(), "售后服务部").stream()
                .filter(e -> !e.getPositionGroup().equals("班组长")).toList();
        complete(task, vars("nominee1", best.get(0).getEmployeeNumber(), "award1", "service-star", "reason1",
                "服务标杆", "nominee2", best.get(1).getEmployeeNumber(), "award2", "service-star", "reason2", "服务标杆"));
        nominations.findByCampaignIdOrderById(campaign.getId())
                .forEach(n -> attachAllMaterials(campaign.getId(), n.getId()));
        clockAt("2026-03-15T18:01");
        runDueJobs(instance);
        for (Task review : tasks(instance, "reviewEligibility")) {
            complete(review, vars("hrEligible", true, "materialsConfirmedComplete", true, "overrideReason", "测试"));
        }
        runDueJobs(instance);
        complete(tasks(instance, "confirmInitialList").get(0), vars("listConfirmed", true));
        runDueJobs(instance);
        tasks(instance, "signDeclaration").forEach(t -> complete(t, vars("confidentialityAgreed", true)));
        tasks(instance, "scoreCandidates").forEach(t -> complete(t, vars("interviewScore", 90,
                "caseScore", 90, "casesAuthentic", "true")));
        runDueJobs(instance);
        Map<String, Object> approveAll = new HashMap<>();
        for (Task ballot : tasks(instance, "castBallot")) {
            approveAll.put("secretBallot", nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                    List.of(NominationStatus.FINALIST)).stream().map(n -> n.getId().toString()).toList());
            complete(ballot, approveAll);
        }
        clockAt("2026-04-30T10:00");
        runDueJobs(instance);
        assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("noticePeriod").count())
                .as("in the public notice").isEqualTo(1);
        return nominations.findByCampaignIdOrderById(campaign.getId());
    }

    /**
     * To the committee's vote: four heads nominate three each; all eligible and complete; everybody scores; 马骏
     * recuses one finalist. Returns the finalists.
     */
    public List<Nomination> driveToTheVote(Campaign campaign, ProcessInstance instance) {
        return driveToTheVote(campaign, instance, this::complete);
    }

    /** As {@link #driveToTheVote(Campaign, ProcessInstance)}, members signing their declaration through {@code sign}. */
    public List<Nomination> driveToTheVote(Campaign campaign, ProcessInstance instance,
            BiConsumer<Task, Map<String, Object>> sign) {
        int nominating = 0;
        for (Task task : tasks(instance, "nominateTask")) {
            if (nominating++ >= 4) {
                continue;
            }
            String department = heads.findByUserId(task.getAssignee()).orElseThrow().getDepartment();
            List<Employee> best = eligibleStaff(campaign.getId(), department);
            Map<String, Object> form = new HashMap<>();
            for (int i = 1; i <= 3; i++) {
                form.putAll(vars("nominee" + i, best.get(i - 1).getEmployeeNumber(), "award" + i, "service-star",
                        "reason" + i, department + "的服务标杆"));
            }
            complete(task, form);
        }
        nominations.findByCampaignIdOrderById(campaign.getId())
                .forEach(n -> attachAllMaterials(campaign.getId(), n.getId()));
        clockAt("2026-03-15T18:01");
        runDueJobs(instance);
        for (Task review : tasks(instance, "reviewEligibility")) {
            complete(review, vars("hrEligible", true, "materialsConfirmedComplete", true, "overrideReason",
                    "测试:全部通过"));
        }
        runDueJobs(instance);
        complete(tasks(instance, "confirmInitialList").get(0), vars("listConfirmed", true));
        runDueJobs(instance);
        List<Nomination> advanced = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ADVANCED));
        for (Task declaration : tasks(instance, "signDeclaration")) {
            sign.accept(declaration, declaration.getAssignee().equals("majun")
                    ? vars("confidentialityAgreed", true, "recusals", List.of(advanced.get(0).getId().toString()))
                    : vars("confidentialityAgreed", true));
        }
        for (Task score : tasks(instance, "scoreCandidates")) {
            complete(score, vars("interviewScore", 85, "caseScore", 80, "casesAuthentic", "true"));
        }
        runDueJobs(instance);
        return nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(), List.of(NominationStatus.FINALIST));
    }

    public static void clockAt(String localShanghai) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant()));
    }

    public static void clockAt(Date date) {
        ClockUtil.setCurrentTime(date);
    }

    public Campaign campaignWithRoster() {
        clockAt("2026-03-02T10:00");
        Campaign campaign = campaigns.createFromPreset("service-star-2025", STARTS_ON, "test");
        tx.executeWithoutResult(s -> employees.saveAll(roster.generate(campaign.getId(), LocalDate.of(2026, 3, 2))));
        return campaign;
    }

    public ProcessInstance launch(Campaign campaign) {
        return launcher.launch(campaign.getId());
    }

    /** Staff of a department who meet every eligibility rule, best satisfaction first. */
    public List<Employee> eligibleStaff(Long campaignId, String department) {
        List<Employee> staff = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaignId, department);
        int size = staff.size();
        return staff.stream()
                .filter(e -> e.getEmploymentType() == EmploymentType.FORMAL)
                .filter(e -> e.getHireDate().isBefore(LocalDate.of(2025, 9, 1)))
                .filter(e -> e.getMajorComplaints12m() == 0 && e.getViolations() == 0)
                .filter(e -> e.consecutiveWins("service-star", 2025) < 3)
                .filter(e -> e.getSatisfactionScore() != null)
                .sorted(Comparator.comparing(Employee::getSatisfactionScore).reversed())
                .filter(e -> staff.stream().filter(o -> o.getSatisfactionScore() != null
                        && o.getSatisfactionScore().compareTo(e.getSatisfactionScore()) > 0).count() + 1 <= size * 0.3)
                .toList();
    }

    public List<Employee> probationStaff(Long campaignId, String department) {
        return employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaignId, department).stream()
                .filter(e -> e.getEmploymentType() == EmploymentType.PROBATION).toList();
    }

    public void attachAllMaterials(Long campaignId, Long nominationId) {
        tx.executeWithoutResult(s -> {
            for (String kind : MATERIAL_KINDS) {
                int copies = kind.equals("customer-praise") ? 5 : 1;
                for (int i = 0; i < copies; i++) {
                    materials.save(new Material(campaignId, nominationId, kind, kind + "-" + i + ".pdf",
                            "application/pdf", 1024, "0".repeat(64), "00/00/" + "0".repeat(64), Instant.now()));
                }
            }
        });
    }

    /**
     * Executes every job of the campaign's instance and of the instances it called (the association evaluation)
     * that is due at the engine's current time, until none is left.
     */
    public int runDueJobs(ProcessInstance instance) {
        int executed = 0;
        for (int round = 0; round < 1000; round++) {
            // executable(): retries left and due at the engine's current time (or no due date).
            List<Job> due = new java.util.ArrayList<>();
            for (String id : withCalled(instance)) {
                due.addAll(management.createJobQuery().processInstanceId(id).executable().list());
            }
            if (due.isEmpty()) {
                return executed;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
                executed++;
            }
        }
        throw new AssertionError("jobs keep coming");
    }

    /** Executes the due jobs of one process instance (a package-intake instance) until none is left. */
    public void runJobsOf(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (due.isEmpty()) {
                return;
            }
            due.forEach(job -> management.executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep coming for " + processInstanceId);
    }

    /** Open tasks with this key in the campaign's instance or in an instance it called. */
    public List<Task> tasks(ProcessInstance instance, String taskKey) {
        return tasks.createTaskQuery().processInstanceIdIn(withCalled(instance).toArray(String[]::new))
                .taskDefinitionKey(taskKey).orderByTaskId().asc().list();
    }

    /**
     * The running association evaluation the campaign's instance called. Keep it: camunda-bpm-assert reads an ended
     * instance's history by its id.
     */
    public ProcessInstance evaluation(ProcessInstance instance) {
        ProcessInstance called = runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId())
                .processDefinitionKey("association-evaluation").singleResult();
        assertThat(called).as("the association evaluation called by " + instance.getId()).isNotNull();
        return called;
    }

    private List<String> withCalled(ProcessInstance instance) {
        List<String> ids = new java.util.ArrayList<>(List.of(instance.getId()));
        runtime.createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list()
                .forEach(called -> ids.add(called.getId()));
        return ids;
    }

    /** As Tasklist submits a Camunda Form: through the form service, onto the task's variables. */
    public void complete(Task task, Map<String, Object> variables) {
        forms.submitTaskForm(task.getId(), new HashMap<>(variables));
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
