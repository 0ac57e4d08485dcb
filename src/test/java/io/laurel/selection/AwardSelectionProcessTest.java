package io.laurel.selection;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.notice.ObjectionRequest;
import io.laurel.notice.ObjectionService;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.Employee;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The company campaign service-star-2025 from launch to ceremony, on the real application context,
 * with the engine clock moving through the campaign's 2026 timeline.
 */
@LaurelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AwardSelectionProcessTest {

    /** Share of award-selection's flow nodes the scenarios of this class must pass through. */
    static final double REQUIRED_FLOW_NODE_COVERAGE = 0.95;

    /** The flow nodes only association campaigns pass through (the company scenarios cannot reach them). */
    public static final java.util.function.Function<ProcessEngine, Set<String>> ASSOCIATION_BRANCH = e ->
            io.laurel.support.FlowNodeCoverage.branch(e, "award-selection", "associationEvaluation", "prepareListVote");

    private final List<String> startedInstances = new ArrayList<>();

    @Autowired
    ProcessEngine engine;

    @Autowired
    SelectionDriver driver;

    @Autowired
    NominationRepository nominations;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    DepartmentHeadRepository heads;

    @Autowired
    ObjectionService objections;

    @Autowired
    HistoryService history;

    @Autowired
    ManagementService management;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @LocalServerPort
    int port;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /**
     * Flow-node coverage measured from Camunda's own history of the instances these scenarios ran
     * (the HTML report of process-test-coverage is written to target/process-test-coverage as well).
     */
    @AfterAll
    void everyPathOfTheModelWasDriven() {
        assertThat(startedInstances).isNotEmpty();
        String definitionId = history.createHistoricProcessInstanceQuery().processInstanceId(startedInstances.get(0))
                .singleResult().getProcessDefinitionId();
        Set<String> flowNodes = engine.getRepositoryService().getBpmnModelInstance(definitionId)
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
        // The association branch is driven by judging.AssociationJudgingProcessTest, which checks its own coverage.
        flowNodes.removeAll(ASSOCIATION_BRANCH.apply(engine));
        Set<String> passed = new HashSet<>();
        for (String id : startedInstances) {
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list()
                    .forEach(a -> passed.add(a.getActivityId().replace("#multiInstanceBody", "")));
        }
        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(passed);
        double coverage = 1.0 - (double) missed.size() / flowNodes.size();
        assertThat(coverage).as("flow nodes never passed: " + missed).isGreaterThanOrEqualTo(REQUIRED_FLOW_NODE_COVERAGE);
    }

    @Test
    void happy_path_with_every_branch_from_launch_to_ceremony() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        startedInstances.add(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt("nominateTask", "reminderDue");
        assertThat(campaigns.findById(campaign.getId()).orElseThrow().getStatus()).isEqualTo(CampaignStatus.RUNNING);
        List<Task> nominateTasks = driver.tasks(instance, "nominateTask");
        assertThat(nominateTasks).hasSize(6);

        // A second launch of the same campaign is refused.
        assertThatThrownBy(() -> driver.launch(campaign)).hasMessageContaining("已启动");

        // Five heads nominate three of their best staff for 年度服务之星; the sixth (国际业务部) nominates one
        // probation employee (ineligible), one who HR will overrule, and one who never sends materials.
        Map<String, Long> nominated = new HashMap<>();
        for (Task task : nominateTasks) {
            String department = heads.findByUserId(task.getAssignee()).orElseThrow().getDepartment();
            Map<String, Object> form = new HashMap<>();
            if (department.equals("国际业务部")) {
                Employee probation = driver.probationStaff(campaign.getId(), department).get(0);
                List<Employee> best = driver.eligibleStaff(campaign.getId(), department);
                form.putAll(vars("nominee1", probation.getEmployeeNumber(), "award1", "innovation", "reason1", "新人表现突出",
                        "nominee2", best.get(0).getEmployeeNumber(), "award2", "innovation", "reason2", "创新方案被采纳",
                        "nominee3", best.get(1).getEmployeeNumber(), "award3", "progress", "reason3", "进步明显"));
                nominated.put("probation", probation.getId());
                nominated.put("noMaterials", best.get(1).getId());
            } else {
                List<Employee> best = driver.eligibleStaff(campaign.getId(), department);
                for (int i = 1; i <= 3; i++) {
                    form.putAll(vars("nominee" + i, best.get(i - 1).getEmployeeNumber(), "award" + i, "service-star",
                            "reason" + i, department + "的服务标杆"));
                }
            }
            driver.complete(task, form);
        }
        List<Nomination> all = nominations.findByCampaignIdOrderById(campaign.getId());
        assertThat(all).hasSize(18);
        Long overruled = all.stream().filter(n -> n.getAwardCode().equals("innovation")
                && !n.getEmployeeId().equals(nominated.get("probation"))).findFirst().orElseThrow().getId();
        Long probationNomination = all.stream().filter(n -> n.getEmployeeId().equals(nominated.get("probation")))
                .findFirst().orElseThrow().getId();
        Long noMaterialsNomination = all.stream().filter(n -> n.getEmployeeId().equals(nominated.get("noMaterials")))
                .findFirst().orElseThrow().getId();
        // One service-star nomination's materials arrive only during the supplement window.
        Long lateMaterialsNomination = all.stream().filter(n -> n.getAwardCode().equals("service-star"))
                .reduce((a, b) -> b).orElseThrow().getId();
        all.stream().filter(n -> !n.getId().equals(noMaterialsNomination) && !n.getId().equals(lateMaterialsNomination))
                .forEach(n -> driver.attachAllMaterials(campaign.getId(), n.getId()));

        // Every head has nominated: the process waits for the deadline, 2026-03-15 18:00 Shanghai.
        BpmnAwareTests.assertThat(instance).isWaitingAt("awaitNominationDeadline");
        clockAt("2026-03-15T18:01");
        driver.runDueJobs(instance);
        List<Task> reviews = driver.tasks(instance, "reviewEligibility");
        assertThat(reviews).hasSize(18);

        // HR: confirm the rules' verdicts, overrule one "eligible" with a written reason, keep one with missing materials.
        for (Task review : reviews) {
            Long nominationId = ((Number) engine.getTaskService().getVariable(review.getId(), "nominationId")).longValue();
            boolean ruleEligible = (Boolean) engine.getTaskService().getVariableLocal(review.getId(), "ruleEligible");
            boolean complete = (Boolean) engine.getTaskService().getVariableLocal(review.getId(),
                    "materialsConfirmedComplete");
            if (nominationId.equals(probationNomination)) {
                assertThat(ruleEligible).isFalse();
                assertThat((String) engine.getTaskService().getVariableLocal(review.getId(), "ruleVerdict"))
                        .contains("非正式员工");
            }
            if (nominationId.equals(overruled)) {
                assertThat(ruleEligible).isTrue();
                assertThatThrownBy(() -> driver.complete(review, vars("hrEligible", false)))
                        .hasMessageContaining("必须填写推翻理由");
                driver.complete(review, vars("hrEligible", false, "overrideReason", "近期有未结案的客户投诉,待核实"));
                continue;
            }
            if (nominationId.equals(noMaterialsNomination) || nominationId.equals(lateMaterialsNomination)) {
                assertThat(complete).isFalse();
            }
            driver.complete(review, vars("hrEligible", ruleEligible, "materialsConfirmedComplete", complete));
        }
        driver.runDueJobs(instance);
        assertThat(status(probationNomination)).isEqualTo(NominationStatus.INELIGIBLE);
        assertThat(nominations.findById(overruled).orElseThrow().getOverrideReason()).contains("客户投诉");
        assertThat(status(noMaterialsNomination)).isEqualTo(NominationStatus.AWAITING_SUPPLEMENT);
        driver.attachAllMaterials(campaign.getId(), lateMaterialsNomination);
        assertThat(history.createHistoricVariableInstanceQuery().variableName("overrideReason").list())
                .anySatisfy(v -> assertThat(v.getValue()).isEqualTo("近期有未结案的客户投诉,待核实"));

        // The supplement window: 3 working days from Sunday 2026-03-15 18:01 -> Wednesday 03-18 18:01.
        List<Job> supplementTimers = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("supplementWindow").list();
        assertThat(supplementTimers).hasSize(2).allSatisfy(timer ->
                assertThat(timer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-03-18T10:01:00Z")));
        clockAt("2026-03-18T18:02");
        driver.runDueJobs(instance);
        assertThat(status(noMaterialsNomination)).isEqualTo(NominationStatus.DROPPED);
        assertThat(status(lateMaterialsNomination)).isIn(NominationStatus.ADVANCED, NominationStatus.ELIMINATED,
                NominationStatus.ELIGIBLE);

        // Initial review: HR confirms the ranking it may not change; the top half of each group advances.
        List<Task> confirm = driver.tasks(instance, "confirmInitialList");
        assertThat(confirm).hasSize(1);
        assertThat((String) engine.getTaskService().getVariableLocal(confirm.get(0).getId(), "initialRanking"))
                .contains("进入复评");
        assertThatThrownBy(() -> driver.complete(confirm.get(0), vars("listConfirmed", false)))
                .hasMessageContaining("确认初评名单");
        driver.complete(confirm.get(0), vars("listConfirmed", true));
        driver.runDueJobs(instance);
        List<Nomination> advanced = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ADVANCED));
        int eligibleCount = 15;
        assertThat(advanced.size()).isBetween(eligibleCount / 2, eligibleCount / 2 + 6);

        // Re-review: declarations first. 马骏 declares a conflict with the first finalist.
        List<Task> declarations = driver.tasks(instance, "signDeclaration");
        assertThat(declarations).hasSize(15);
        Long conflicted = advanced.get(0).getId();
        for (Task declaration : declarations) {
            boolean majun = declaration.getAssignee().equals("majun");
            assertThatThrownBy(() -> driver.complete(declaration, vars("confidentialityAgreed", false)))
                    .hasMessageContaining("保密协议");
            driver.complete(declaration, vars("confidentialityAgreed", true, "recusals",
                    majun ? List.of(conflicted.toString()) : List.of()));
        }
        List<Task> scoring = driver.tasks(instance, "scoreCandidates");
        assertThat(scoring).noneSatisfy(t -> {
            assertThat(t.getAssignee()).isEqualTo("majun");
            assertThat(engine.getTaskService().getVariable(t.getId(), "reviewNominationId")).isEqualTo(conflicted);
        });
        // Department heads on the committee never score their own department's candidates.
        for (Task t : scoring) {
            var department = jdbc.queryForList("select department from user_department where user_id = ?", String.class,
                    t.getAssignee());
            Long nominationId = ((Number) engine.getTaskService().getVariable(t.getId(), "reviewNominationId")).longValue();
            String candidateDepartment = jdbc.queryForObject("select e.department from nomination n join employee e "
                    + "on e.id = n.employee_id where n.id = ?", String.class, nominationId);
            assertThat(department).doesNotContain(candidateDepartment);
        }
        // Everyone scores; the overruled-then-eligible... all cases found authentic; scores differ by candidate.
        for (Task t : scoring) {
            long nominationId = ((Number) engine.getTaskService().getVariable(t.getId(), "reviewNominationId")).longValue();
            int score = (int) (60 + nominationId % 40);
            assertThatThrownBy(() -> driver.complete(t, vars("interviewScore", 101, "caseScore", 80,
                    "casesAuthentic", "true"))).hasMessageContaining("0–100");
            driver.complete(t, vars("interviewScore", score, "caseScore", score, "casesAuthentic", "true"));
        }
        driver.runDueJobs(instance);

        // Final vote: everyone approves everyone except one finalist, who gets only 9 of 15 (below two thirds).
        List<Task> ballots = driver.tasks(instance, "castBallot");
        assertThat(ballots).hasSize(15);
        List<Nomination> finalists = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.FINALIST));
        Long rejected = finalists.get(finalists.size() - 1).getId();
        int voter = 0;
        for (Task ballot : ballots) {
            List<String> approve = finalists.stream().map(n -> n.getId().toString())
                    .filter(id -> !(id.equals(conflicted.toString()) && ballot.getAssignee().equals("majun")))
                    .collect(Collectors.toCollection(ArrayList::new));
            if (voter++ >= 9) {
                approve.remove(rejected.toString());
            }
            driver.complete(ballot, vars("secretBallot", approve));
        }
        clockAt("2026-04-30T10:00");
        driver.runDueJobs(instance);
        var outcome = jdbc.queryForMap("select winners_quota, winners, short_of_quota from award_outcome where "
                + "campaign_id = ? and award_code = 'service-star'", campaign.getId());
        assertThat(((Number) outcome.get("WINNERS")).intValue()).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from award_result where campaign_id = ? and status = "
                + "'OVER_QUOTA'", Integer.class, campaign.getId())).isPositive();
        assertThat(jdbc.queryForObject("select status from award_result where nomination_id = ?", String.class,
                rejected)).isEqualTo("NOT_APPROVED");
        // 马骏 was not entitled to vote on the conflicted finalist: 14 entitled, all 14 approved.
        assertThat(jdbc.queryForMap("select approvals, entitled_voters from award_result where nomination_id = ?",
                conflicted)).containsEntry("APPROVALS", 14).containsEntry("ENTITLED_VOTERS", 14);

        // Public notice: published Thursday 2026-04-30 10:00; 劳动节 5/1-5/5, 调休 Saturday 5/9 is a working day:
        // 5/6, 5/7, 5/8, 5/9, 5/11 -> ends 2026-05-11 23:59:59 Shanghai.
        BpmnAwareTests.assertThat(instance).isWaitingAt("noticePeriod");
        Job noticeTimer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("noticePeriod").singleResult();
        assertThat(noticeTimer.getDuedate().toInstant()).isEqualTo(Instant.parse("2026-05-11T15:59:59Z"));

        // Two objections: one upheld, one dismissed.
        List<Long> winners = jdbc.queryForList("select nomination_id from award_result where campaign_id = ? and "
                + "status = 'WINNER' order by nomination_id", Long.class, campaign.getId());
        objections.raise(campaign.getId(), new ObjectionRequest("王某", "wang@example.com", winners.get(0), "服务案例存在夸大"));
        objections.raise(campaign.getId(), new ObjectionRequest("李某", "13800000000", winners.get(1), "对评选结果有疑问"));
        List<Task> investigations = driver.tasks(instance, "investigateObjection");
        assertThat(investigations).hasSize(2);
        assertThat(engine.getTaskService().getIdentityLinksForTask(investigations.get(0).getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("hr"))
                .anySatisfy(link -> assertThat(link.getUserId()).isEqualTo("huangjianguo"));
        for (Task investigation : investigations) {
            boolean upheld = ((String) engine.getTaskService().getVariableLocal(investigation.getId(),
                    "objectionSummary")).contains("王某");
            driver.complete(investigation, vars("objectionUpheld", upheld, "decisionReason",
                    upheld ? "经核实案例数据有误" : "评选程序合规,异议不成立"));
        }
        driver.runDueJobs(instance);
        assertThat(status(winners.get(0))).isEqualTo(NominationStatus.REVOKED);
        assertThat(status(winners.get(1))).isEqualTo(NominationStatus.WINNER);
        assertThat(mailServer.greenMail().getReceivedMessagesForDomain("wang@example.com")).isNotEmpty();

        // The notice ends when its window has passed and every objection is decided; then the ceremony.
        clockAt("2026-05-12T00:00");
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt("ceremonyDate");
        clockAt("2026-05-30T00:01");
        driver.runDueJobs(instance);
        Task ceremony = driver.tasks(instance, "confirmCeremony").get(0);
        driver.complete(ceremony, vars("ceremonyHeld", true));
        driver.runDueJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded();
        BpmnAwareTests.assertThat(instance).hasPassed("closeCampaign", "ineligibleNotice", "dropNomination",
                "supplementedEnd",
                "removeWinner", "recordDismissal", "sendKeyDateReminder", "awaitNominationDeadline");
        assertThat(campaigns.findById(campaign.getId()).orElseThrow().getStatus()).isEqualTo(CampaignStatus.CLOSED);

        // Final results: over HTTP as JSON and as a spreadsheet.
        Http hr = Http.to(port).as("zhangmin", "demo");
        Http.Answer results = hr.get("/api/campaigns/" + campaign.getId() + "/results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("\"awardCode\":\"service-star\"", "\"shortOfQuota\":true",
                "REVOKED");
        Http.Answer export = hr.get("/api/campaigns/" + campaign.getId() + "/exports/results.xlsx");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().getContentType().toString()).contains("spreadsheetml");

        // Reminders: 3 days before each key date after launch, to the people concerned, with Chinese subjects.
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
            subjects.add(message.getSubject());
        }
        assertThat(subjects).anySatisfy(s -> assertThat(s).contains(campaign.getName()).contains("提醒:表彰大会"));
        assertThat(subjects).anySatisfy(s -> assertThat(s).contains("提醒:复评将于 2026-04-25 23:59 截止"));
        assertThat(subjects).anySatisfy(s -> assertThat(s).contains("3个工作日内补充参选材料"));
    }

    @Test
    void late_committee_members_are_escalated_and_the_phase_ends_on_a_two_thirds_quorum() {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        startedInstances.add(instance.getId());
        // Two heads nominate two each; the others let the deadline close their task.
        int nominating = 0;
        for (Task task : driver.tasks(instance, "nominateTask")) {
            if (nominating++ >= 2) {
                continue;
            }
            String department = heads.findByUserId(task.getAssignee()).orElseThrow().getDepartment();
            List<Employee> best = driver.eligibleStaff(campaign.getId(), department);
            driver.complete(task, vars("nominee1", best.get(0).getEmployeeNumber(), "award1", "service-star",
                    "reason1", "理由", "nominee2", best.get(1).getEmployeeNumber(), "award2", "service-star",
                    "reason2", "理由"));
        }
        nominations.findByCampaignIdOrderById(campaign.getId())
                .forEach(n -> driver.attachAllMaterials(campaign.getId(), n.getId()));
        clockAt("2026-03-15T18:01");
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).hasPassed("nominationDeadline");
        assertThat(driver.tasks(instance, "nominateTask")).isEmpty();
        driver.tasks(instance, "reviewEligibility").forEach(t -> driver.complete(t, vars("hrEligible", true,
                "materialsConfirmedComplete", true)));
        driver.runDueJobs(instance);
        driver.complete(driver.tasks(instance, "confirmInitialList").get(0), vars("listConfirmed", true));
        driver.runDueJobs(instance);
        driver.tasks(instance, "signDeclaration").forEach(t -> driver.complete(t, vars("confidentialityAgreed", true)));

        // Only some members score before the deadline: fewer than two thirds.
        List<Task> scoring = driver.tasks(instance, "scoreCandidates");
        int assigned = scoring.size();
        int lateBefore = assigned / 2;
        for (Task t : scoring.subList(0, lateBefore)) {
            driver.complete(t, vars("interviewScore", 80, "caseScore", 80, "casesAuthentic", "true"));
        }
        clockAt("2026-04-26T00:00");
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).hasPassed("escalateLateMembers");
        BpmnAwareTests.assertThat(instance).isWaitingAt("scoreCandidates");
        assertThat(subjectsTo("zhangmin@laurel.local")).anySatisfy(s -> assertThat(s).contains("逾期评委名单"));

        // Late scores trickle in; when two thirds are in, the remaining reviews are cancelled.
        List<Task> remaining = driver.tasks(instance, "scoreCandidates");
        int needed = (int) Math.ceil(assigned * 2 / 3.0) - lateBefore;
        for (int i = 0; i < needed; i++) {
            driver.complete(remaining.get(i), vars("interviewScore", 70, "caseScore", 75, "casesAuthentic", "true"));
        }
        assertThat(driver.tasks(instance, "scoreCandidates")).isEmpty();
        BpmnAwareTests.assertThat(instance).hasPassed("reReviewQuorum");
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt("castBallot");
        runtimeCleanup(instance);
    }

    private List<String> subjectsTo(String address) {
        return Arrays.stream(mailServer.greenMail().getReceivedMessagesForDomain(address)).map(m -> {
            try {
                return m.getSubject();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void runtimeCleanup(ProcessInstance instance) {
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test finished");
    }

    private NominationStatus status(Long nominationId) {
        return nominations.findById(nominationId).orElseThrow().getStatus();
    }
}
