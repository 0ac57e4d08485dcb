package io.laurel.judging;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.campaign.Campaign;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.FlowNodeCoverage;
import io.laurel.support.LaurelTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The association branch of award-selection for cs-essay-2018 (moved to 2026): intake closes, staff confirm each
 * entry's 规范性, the demo judges (5 experts, 3 professional-audience judges) are assigned, declare and score in
 * the rubric forms; late judges are reported and the phase ends on the quorum; the ranking follows.
 */
@LaurelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssociationJudgingProcessTest {

    static final List<String> EXPERTS = List.of("fengjie", "hanxue", "qianhong", "yangfan", "zhuwei");
    static final List<String> AUDIENCE = List.of("luojing", "songtao", "zhengyu");

    private final List<String> startedInstances = new ArrayList<>();
    private final List<Long> campaignIds = new ArrayList<>();

    @Autowired
    io.laurel.campaign.CampaignRepository campaigns;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Autowired
    ProcessEngine engine;

    @Autowired
    SelectionDriver driver;

    @Autowired
    AssociationFixture fixture;

    @Autowired
    JudgingRecords records;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EmbeddedMailServer mailServer;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Every flow node of the association branch was passed by the scenarios of this class. */
    /**
     * The scenarios delete their instances midway; their campaigns are closed so that package intake (which takes
     * mail for every association campaign not closed) never files another test's package under them.
     */
    @AfterAll
    void closeCampaigns() {
        tx.executeWithoutResult(s -> campaignIds.forEach(id -> campaigns.findById(id).ifPresent(Campaign::markClosed)));
    }

    @AfterAll
    void everyNodeOfTheAssociationPathWasDriven() {
        Set<String> branch = new TreeSet<>(FlowNodeCoverage.branch(engine, "award-selection", "associationEvaluation",
                "prepareListVote", "identifyEvaluationPath", "evaluationPathGateway"));
        FlowNodeCoverage path = FlowNodeCoverage.of(engine, "award-selection", startedInstances).restrictedTo(branch);
        assertThat(path.ratio()).as("never passed in award-selection: " + path.missed()).isEqualTo(1.0);
        FlowNodeCoverage evaluation = FlowNodeCoverage.of(engine, "association-evaluation", startedInstances);
        assertThat(evaluation.ratio()).as("never passed in association-evaluation: " + evaluation.missed())
                .isGreaterThanOrEqualTo(0.95);
    }

    /** The association evaluation each campaign's instance called, kept for assertions after it ended. */
    private final Map<String, ProcessInstance> evaluations = new java.util.HashMap<>();

    private ProcessInstance ev(ProcessInstance instance) {
        return evaluations.computeIfAbsent(instance.getId(), id -> driver.evaluation(instance));
    }

    @Test
    void conformity_review_balanced_judging_rubric_scores_ranking_vote_and_ceremony() {
        clockAt("2026-10-01T10:00");
        Campaign campaign = fixture.essayCampaign();
        campaignIds.add(campaign.getId());
        List<Nomination> entries = fixture.entries(campaign, 2, Map.of(
                "华信作者1", List.of("文章（Word版）“文章.docx”共 650 字，要求 800–1200 字（请修改篇幅后重新提交）",
                        "缺少推荐函（请提交 pdf/doc/docx 格式的文件）")));
        ProcessInstance instance = driver.launch(campaign);
        startedInstances.add(instance.getId());
        BpmnAwareTests.assertThat(instance).hasPassed("identifyEvaluationPath").isWaitingAt("associationEvaluation");
        BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("awaitIntakeClose");
        assertThat(driver.runDueJobs(instance)).isZero();

        // Intake closes 2026-11-10 00:00 Shanghai: the entries are collected, 规范性 pre-filled from intake's findings.
        clockAt("2026-11-10T09:00");
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("reviewConformity");
        List<Task> reviews = driver.tasks(instance, "reviewConformity");
        assertThat(reviews).hasSize(8);
        Nomination flawed = entries.get(0);
        assertThat(records.conformity(flawed.getId()).orElseThrow().points()).isEqualByComparingTo("8");
        assertThat(records.conformity(entries.get(1).getId()).orElseThrow().points()).isEqualByComparingTo("10");

        Map<Long, Integer> expectedPoints = new HashMap<>();
        for (Task task : reviews) {
            long entryId = ((Number) engine.getTaskService().getVariable(task.getId(), "entryId")).longValue();
            engine.getTaskService().claim(task.getId(), "chenjing");
            Map<String, Object> form = new HashMap<>();
            engine.getFormService().getTaskFormVariables(task.getId())
                    .forEach((k, v) -> form.put(k, v == null ? "" : v));
            String nonconformities;
            if (entryId == flawed.getId()) {
                assertThat(form.get("nonconformities").toString()).isEqualTo(
                        "文章（Word版）“文章.docx”共 650 字，要求 800–1200 字\n缺少推荐函");
                assertThat(form.get("entrySummary").toString()).contains("华信作者1", "华信银行信用卡中心");
                // Staff add one the rules could not see.
                nonconformities = form.get("nonconformities") + "\n照片与主题不符";
                expectedPoints.put(entryId, 7);
            } else if (entryId == entries.get(2).getId()) {
                // Twelve faults: 规范性 stops at 0.
                nonconformities = "问题\n".repeat(12);
                expectedPoints.put(entryId, 0);
            } else {
                assertThat(form.get("nonconformities")).isEqualTo("");
                assertThat(form.get("intakeFindings")).isEqualTo("收件审核未发现问题");
                nonconformities = "";
                expectedPoints.put(entryId, 10);
            }
            driver.complete(task, vars("nonconformities", nonconformities));
        }
        expectedPoints.forEach((id, points) -> {
            JudgingRecords.Conformity c = records.conformity(id).orElseThrow();
            assertThat(c.points()).as("entry %s", id).isEqualByComparingTo(BigDecimal.valueOf(points));
            assertThat(c.confirmedBy()).isEqualTo("chenjing");
        });
        assertThat(records.conformity(flawed.getId()).orElseThrow().count()).isEqualTo(3);

        // Assignment: 3 experts and 2 audience judges per entry, balanced, never the judge's own unit.
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("signJudgeDeclaration");
        List<JudgingRecords.Assignment> assignments = records.assignments(campaign.getId());
        assertAssignmentRules(entries, assignments);
        assertThat(driver.tasks(instance, "signJudgeDeclaration")).extracting(Task::getAssignee)
                .containsExactlyInAnyOrderElementsOf(concat(EXPERTS, AUDIENCE));

        // Declarations: no agreement, no scoring; qianhong recuses one entry.
        Task qianhong = declarationOf(instance, "qianhong");
        assertThatThrownBy(() -> driver.complete(qianhong, vars("confidentialityAgreed", false)))
                .hasMessageContaining("请先阅读并同意保密协议");
        long recused = assignments.stream().filter(a -> a.judgeId().equals("qianhong")).findFirst().orElseThrow()
                .nominationId();
        driver.complete(qianhong, vars("confidentialityAgreed", true, "recusals", List.of(Long.toString(recused))));
        int assigned = assignments.size() - 1;
        assertThat(engine.getRuntimeService().getVariable(ev(instance).getId(), "scoresAssigned")).isEqualTo(assigned);
        for (String judge : concat(EXPERTS, AUDIENCE)) {
            if (!judge.equals("qianhong")) {
                driver.complete(declarationOf(instance, judge), vars("confidentialityAgreed", true));
            }
        }
        List<Task> scoring = driver.tasks(instance, "scoreEntries");
        assertThat(scoring).hasSize(assigned);
        // The form reference is an expression (${scoreFormKey}): the rubric form for a preset with a rubric.
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(ev(instance).getId())
                .taskDefinitionKey("scoreEntries").initializeFormKeys().list())
                .allSatisfy(t -> assertThat(t.getCamundaFormRef().getKey()).isEqualTo("rubric-score"));

        // Out-of-range or missing scores are refused in Chinese and change nothing.
        Task first = scoring.get(0);
        assertThatThrownBy(() -> driver.complete(first, vars("content", 35, "thought", 40, "innovation", 8)))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("内容性应为 10–30 的整数分,收到 35");
        assertThatThrownBy(() -> driver.complete(first, vars("content", 25, "thought", 40, "innovation", 3)))
                .hasMessageContaining("创新性应为 4–10 的整数分");
        assertThatThrownBy(() -> driver.complete(first, vars("content", 25, "innovation", 8)))
                .hasMessageContaining("请填写思想性(0–50 分)");
        assertThatThrownBy(() -> driver.complete(first, vars("content", 25.5, "thought", 40, "innovation", 8)))
                .hasMessageContaining("内容性应为 10–30 的整数分");
        assertThat(jdbc.queryForObject("select count(*) from judge_score where campaign_id = ?", Integer.class,
                campaign.getId())).isZero();

        for (Task task : scoring) {
            driver.complete(task, vars("content", 26, "thought", 45, "innovation", 7));
        }
        // Every judge scored: the phase ends without the deadline; the ranking is next.
        BpmnAwareTests.assertThat(ev(instance)).hasPassed("judgeDone").hasNotPassed("judgingQuorum")
                .isWaitingAt("rankEntries");
        Map<String, BigDecimal> flawedScores = records.scoresOf(flawed.getId(),
                assignments.stream().filter(a -> a.nominationId() == flawed.getId() && !a.judgeId().equals("qianhong"))
                        .findFirst().orElseThrow().judgeId());
        assertThat(flawedScores).containsOnlyKeys("content", "thought", "innovation", "conformity");
        assertThat(flawedScores.get("conformity")).isEqualByComparingTo("7");
        assertThat(jdbc.queryForObject("select count(*) from judge_score where campaign_id = ? and criterion = 'conformity'",
                Integer.class, campaign.getId())).isEqualTo(assigned);
        assertThat(jdbc.queryForObject("select count(*) from judge_assignment where campaign_id = ? and status = 'RECUSED'",
                Integer.class, campaign.getId())).isOne();
        assertThat(jdbc.queryForObject("select count(*) from judge_score where judge_id = 'qianhong' and nomination_id = ?",
                Integer.class, recused)).isZero();

        fromRankingToCeremony(instance, campaign, entries);
    }

    /**
     * Ranking, staff's confirmation of the list and unit prizes, the committee's two-thirds vote, public notice and
     * ceremony: the lifecycle's own steps, run by association staff.
     */
    private void fromRankingToCeremony(ProcessInstance instance, Campaign campaign, List<Nomination> entries) {
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(ev(instance)).hasPassed("rankEntries").isWaitingAt("confirmPrizeList");
        Task confirm = driver.tasks(instance, "confirmPrizeList").get(0);
        assertThat(engine.getTaskService().getIdentityLinksForTask(confirm.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("association-staff"));
        engine.getTaskService().claim(confirm.getId(), "chenjing");
        Map<String, Object> form = engine.getFormService().getTaskFormVariables(confirm.getId());
        assertThat(form.get("prizeList").toString()).contains("“最美客服人”一等奖(2)", "第 1 名", "最终得分");
        List<String> proposals = io.laurel.process.FormOptions.checked(form.get("confirmedUnitPrizes"));
        assertThat(proposals).isNotEmpty();
        assertThatThrownBy(() -> driver.complete(confirm, vars("listConfirmed", false,
                "confirmedUnitPrizes", proposals))).hasMessageContaining("请核对获奖名单");
        String rejectedProposal = proposals.get(0);
        driver.complete(confirm, vars("listConfirmed", true, "confirmedUnitPrizes",
                proposals.subList(1, proposals.size())));
        assertThat(jdbc.queryForList("select status from unit_prize where campaign_id = ?", String.class,
                campaign.getId())).containsOnly("CONFIRMED", "REJECTED").containsOnlyOnce("REJECTED");
        assertThat(jdbc.queryForObject("select decided_by from unit_prize where campaign_id = ? and award_code = ? "
                + "and unit_id = ?", String.class, campaign.getId(), rejectedProposal.split(":")[0],
                Long.valueOf(rejectedProposal.split(":")[1]))).isEqualTo("chenjing");

        // The committee's two-thirds vote on the list: the last-placed entry gets only 9 of 15 approvals.
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).hasPassed("prepareListVote", "ballotJoin").isWaitingAt("castBallot");
        List<Task> ballots = driver.tasks(instance, "castBallot");
        assertThat(ballots).hasSize(15);
        List<Long> listed = jdbc.queryForList("select nomination_id from entry_result where campaign_id = ? and prizes "
                + "is not null order by position", Long.class, campaign.getId());
        Long last = listed.get(listed.size() - 1);
        int voter = 0;
        for (Task ballot : ballots) {
            List<String> approve = listed.stream().map(String::valueOf).collect(Collectors.toCollection(ArrayList::new));
            if (voter++ >= 9) {
                approve.remove(last.toString());
            }
            driver.complete(ballot, vars("secretBallot", approve));
        }
        driver.runDueJobs(instance);
        assertThat(jdbc.queryForList("select status from award_result where campaign_id = ? and nomination_id = ?",
                String.class, campaign.getId(), last)).containsOnly("NOT_APPROVED");
        assertThat(jdbc.queryForObject("select count(*) from award_result where campaign_id = ? and award_code = "
                + "'first-prize' and status = 'WINNER'", Integer.class, campaign.getId())).isEqualTo(2);
        assertThat(jdbc.queryForObject("select winners from award_outcome where campaign_id = ? and award_code = "
                + "'first-prize'", Integer.class, campaign.getId())).isEqualTo(2);
        assertThat(entries).extracting(n -> status(n.getId()))
                .containsOnly(io.laurel.nomination.NominationStatus.WINNER,
                        io.laurel.nomination.NominationStatus.NOT_SELECTED);
        assertThat(status(last)).isEqualTo(io.laurel.nomination.NominationStatus.NOT_SELECTED);

        // Public notice (5 working days), then the ceremony of the preset's timeline, confirmed by staff.
        BpmnAwareTests.assertThat(instance).isWaitingAt("noticePeriod");
        java.util.Date noticeEnds = (java.util.Date) engine.getRuntimeService().getVariable(instance.getId(),
                "noticeEndsAt");
        clockAt(new java.util.Date(noticeEnds.getTime() + 1000));
        driver.runDueJobs(instance);
        clockAt("2026-11-21T00:01");
        driver.runDueJobs(instance);
        Task ceremony = driver.tasks(instance, "confirmCeremony").get(0);
        assertThat(engine.getTaskService().getIdentityLinksForTask(ceremony.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("association-staff"));
        driver.complete(ceremony, vars("ceremonyHeld", true));
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(ev(instance)).isEnded();
        BpmnAwareTests.assertThat(instance).hasPassed("associationEvaluation", "publishWinners", "closeCampaign")
                .hasNotPassed("nominationPhase", "reReview");
        BpmnAwareTests.assertThat(ev(instance)).isEnded().hasPassed("associationEvaluated");
    }

    private io.laurel.nomination.NominationStatus status(Long nominationId) {
        return io.laurel.nomination.NominationStatus.valueOf(jdbc.queryForObject(
                "select status from nomination where id = ?", String.class, nominationId));
    }

    @Test
    void late_judges_are_reported_and_the_phase_ends_on_the_quorum() throws Exception {
        clockAt("2026-10-01T10:00");
        Campaign campaign = fixture.essayCampaign();
        campaignIds.add(campaign.getId());
        fixture.entries(campaign, 2, Map.of());
        ProcessInstance instance = driver.launch(campaign);
        startedInstances.add(instance.getId());
        clockAt("2026-11-10T09:00");
        driver.runDueJobs(instance);
        for (Task task : driver.tasks(instance, "reviewConformity")) {
            engine.getTaskService().claim(task.getId(), "chenjing");
            driver.complete(task, vars("nonconformities", ""));
        }
        driver.runDueJobs(instance);
        int assigned = (Integer) engine.getRuntimeService().getVariable(ev(instance).getId(), "scoresAssigned");
        int quorum = (Integer) engine.getRuntimeService().getVariable(ev(instance).getId(), "quorumScores");
        assertThat(quorum).isEqualTo((assigned * 2 + 2) / 3);

        // zhengyu never signs; qianhong and yangfan sign but score nothing before the deadline.
        List<String> late = List.of("zhengyu", "qianhong", "yangfan");
        for (String judge : concat(EXPERTS, AUDIENCE)) {
            if (!judge.equals("zhengyu")) {
                driver.complete(declarationOf(instance, judge), vars("confidentialityAgreed", true));
            }
        }
        for (Task task : driver.tasks(instance, "scoreEntries")) {
            if (!late.contains(task.getAssignee())) {
                driver.complete(task, vars("content", 22, "thought", 40, "innovation", 5));
            }
        }
        int in = (Integer) engine.getRuntimeService().getVariable(ev(instance).getId(), "scoresIn");
        assertThat(in).as("the late judges keep the phase below its quorum").isLessThan(quorum);
        BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("signJudgeDeclaration", "scoreEntries");

        // The deadline (10 working days after the assignment) passes: staff get the late judges, the phase waits on.
        Job deadline = engine.getManagementService().createJobQuery().processInstanceId(ev(instance).getId()).timers()
                .activityId("judgingDeadline").singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(engine.getRuntimeService().getVariable(ev(instance).getId(),
                "judgingDeadline"));
        clockAt(new java.util.Date(deadline.getDuedate().getTime() + 3_600_000L));
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(ev(instance)).hasPassed("escalateLateJudges", "lateJudgesReported")
                .isWaitingAt("signJudgeDeclaration", "scoreEntries");
        Map<String, Object> mail = jdbc.queryForMap("select subject, body from mail_outbox where recipient = ? "
                + "and subject like ? order by id desc limit 1", "chenjing@laurel.local", "%" + campaign.getName() + "%评分截止%");
        assertThat(mail.get("BODY").toString()).contains("郑宇 (zhengyu)", "钱宏 (qianhong)", "杨帆 (yangfan)",
                "已收到评分 " + in + " / " + assigned).doesNotContain("(fengjie)");
        long qianhongOpen = driver.tasks(instance, "scoreEntries").stream()
                .filter(t -> t.getAssignee().equals("qianhong")).count();
        assertThat(mail.get("BODY").toString()).as("each late judge with the number of open tasks")
                .contains("钱宏 (qianhong):尚有 " + qianhongOpen + " 项任务未完成", "郑宇 (zhengyu):尚有 1 项任务未完成");

        // yangfan catches up; the moment the quorum is in, the phase ends and the rest is cancelled.
        for (Task task : driver.tasks(instance, "scoreEntries").stream().filter(t -> t.getAssignee().equals("yangfan"))
                .toList()) {
            driver.complete(task, vars("content", 24, "thought", 38, "innovation", 6));
            in++;
            if (in >= quorum) {
                break;
            }
            BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("scoreEntries");
        }
        assertThat(in).isEqualTo(quorum);
        BpmnAwareTests.assertThat(ev(instance)).hasPassed("judgingQuorum").isWaitingAt("rankEntries");
        assertThat(driver.tasks(instance, "scoreEntries")).isEmpty();
        assertThat(driver.tasks(instance, "signJudgeDeclaration")).isEmpty();

        rankAndHandToStaff(instance);
    }

    /**
     * The other two judged presets take the same branch with their own panels and forms: most-beautiful-cs-2019
     * one review panel scoring a 0–100 total, influential-cc-2020 experts scoring each indicator of its rubric.
     */
    @Test
    void the_review_panel_and_the_indicator_presets_take_the_same_branch_with_their_forms() {
        Map<String, Object> indicators = new HashMap<>();
        // Every indicator of the preset's rubric (KPI, qualification and subjective dimensions).
        new io.laurel.campaign.PresetCatalog().find("influential-cc-2020").orElseThrow().scoring().rubric()
                .forEach(criterion -> indicators.put(criterion.code(), 80));
        assertThat(indicators).containsKeys("seats", "revenue", "staff-kpi");
        record Case(String preset, LocalDate startsOn, String award, String form, String panel, int perEntry) {
        }
        for (Case c : List.of(
                new Case("most-beautiful-cs-2019", LocalDate.of(2026, 10, 1), "trainer", "panel-score", "panel", 3),
                new Case("influential-cc-2020", LocalDate.of(2026, 10, 1), "influential-cc", "indicator-score",
                        "expert", 3))) {
            clockAt("2026-10-02T10:00");
            Campaign campaign = fixture.campaign(c.preset(), c.startsOn());
            campaignIds.add(campaign.getId());
            List<Nomination> entries = fixture.entries(campaign, 1, Map.of(), c.award());
            ProcessInstance instance = driver.launch(campaign);
            startedInstances.add(instance.getId());
            BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("awaitIntakeClose");
            clockAt(new java.util.Date(engine.getManagementService().createJobQuery().processInstanceId(
                    ev(instance).getId()).timers().singleResult().getDuedate().getTime() + 60_000L));
            driver.runDueJobs(instance);
            for (Task task : driver.tasks(instance, "reviewConformity")) {
                engine.getTaskService().claim(task.getId(), "chenjing");
                driver.complete(task, vars("nonconformities", ""));
            }
            driver.runDueJobs(instance);
            List<JudgingRecords.Assignment> assignments = records.assignments(campaign.getId());
            assertThat(assignments).as(c.preset()).hasSize(entries.size() * c.perEntry())
                    .allSatisfy(a -> assertThat(a.panel()).isEqualTo(c.panel()))
                    .allSatisfy(a -> assertThat(EXPERTS).contains(a.judgeId()));
            driver.tasks(instance, "signJudgeDeclaration").forEach(t -> driver.complete(t, vars("confidentialityAgreed", true)));
            List<Task> scoring = engine.getTaskService().createTaskQuery().processInstanceId(ev(instance).getId())
                    .taskDefinitionKey("scoreEntries").initializeFormKeys().list();
            assertThat(scoring).isNotEmpty().allSatisfy(t -> assertThat(t.getCamundaFormRef().getKey())
                    .isEqualTo(c.form()));
            Task first = scoring.get(0);
            if (c.form().equals("panel-score")) {
                assertThatThrownBy(() -> driver.complete(first, vars("total", 101)))
                        .hasMessageContaining("总分应为 0–100 的整数分,收到 101");
                scoring.forEach(t -> driver.complete(t, vars("total", 88)));
            } else {
                Map<String, Object> tooHigh = new HashMap<>(indicators);
                tooHigh.put("seats", 120);
                assertThatThrownBy(() -> driver.complete(first, tooHigh))
                        .hasMessageContaining("公司坐席数量应为 0–100 的整数分,收到 120");
                scoring.forEach(t -> driver.complete(t, indicators));
            }
            Map<String, BigDecimal> rows = records.scoresOf(assignments.get(0).nominationId(), assignments.get(0).judgeId());
            assertThat(rows.keySet()).as(c.preset()).containsExactlyInAnyOrderElementsOf(
                    c.form().equals("panel-score") ? List.of("total") : indicators.keySet());
            BpmnAwareTests.assertThat(ev(instance)).hasPassed("judgeDone").isWaitingAt("rankEntries");
            rankAndHandToStaff(instance);
        }
    }

    @Test
    void judges_groups_may_use_tasklist_and_read_the_model_but_start_nothing() {
        var auth = engine.getAuthorizationService();
        for (String[] judge : new String[][] {{"qianhong", "judges-expert"}, {"zhengyu", "judges-audience"}}) {
            List<String> groups = List.of(judge[1]);
            assertThat(auth.isUserAuthorized(judge[0], groups, org.camunda.bpm.engine.authorization.Permissions.ACCESS,
                    org.camunda.bpm.engine.authorization.Resources.APPLICATION, "tasklist")).isTrue();
            assertThat(auth.isUserAuthorized(judge[0], groups, org.camunda.bpm.engine.authorization.Permissions.READ,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "award-selection")).isTrue();
            assertThat(auth.isUserAuthorized(judge[0], groups,
                    org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                    org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, "award-selection")).isFalse();
            assertThat(engine.getFilterService().createFilterQuery().filterName("我的待办").list())
                    .allSatisfy(f -> assertThat(auth.isUserAuthorized(judge[0], groups,
                            org.camunda.bpm.engine.authorization.Permissions.READ,
                            org.camunda.bpm.engine.authorization.Resources.FILTER, f.getId())).isTrue());
        }
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("judges-expert").count()).isEqualTo(5);
        assertThat(engine.getIdentityService().createUserQuery().memberOfGroup("judges-audience").count()).isEqualTo(3);
    }

    @Test
    void the_rubric_form_refuses_what_the_bands_of_seed_001_do_not_allow() throws Exception {
        var form = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                getClass().getResourceAsStream("/forms/rubric-score.form"));
        Map<String, int[]> limits = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (var c : form.get("components")) {
            if (c.has("validate") && c.get("validate").has("min")) {
                limits.put(c.get("key").asText(), new int[] {c.get("validate").get("min").asInt(),
                        c.get("validate").get("max").asInt()});
                assertThat(c.get("validate").get("required").asBoolean()).isTrue();
                assertThat(c.get("decimalDigits").asInt()).isZero();
            }
            if (c.get("type").asText().equals("text")) {
                texts.put(c.get("id").asText(), c.get("text").asText());
            }
        }
        assertThat(limits).containsOnlyKeys("content", "thought", "innovation");
        assertThat(limits.get("content")).containsExactly(10, 30);
        assertThat(limits.get("thought")).containsExactly(0, 50);
        assertThat(limits.get("innovation")).containsExactly(4, 10);
        String all = String.join("\n", texts.values());
        assertThat(all).contains("26–30 分", "21–25 分", "10–20 分", "46–50 分", "36–45 分", "21–35 分", "0–20 分",
                "7–10 分", "4–6 分", "紧扣征文主题“有你，世界变更美”");
    }

    /** The ranking step runs the scoring module and hands the list to staff; the rest is driven in the first scenario. */
    private void rankAndHandToStaff(ProcessInstance instance) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(ev(instance).getId())
                .activityId("rankEntries").singleResult();
        engine.getManagementService().executeJob(job.getId());
        BpmnAwareTests.assertThat(ev(instance)).isWaitingAt("confirmPrizeList");
        assertThat(jdbc.queryForObject("select count(*) from entry_result r join nomination n on n.id = r.nomination_id "
                + "where n.campaign_id = ?", Integer.class, campaignOf(instance))).isPositive();
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "ranking covered here; list vote elsewhere");
    }

    private long campaignOf(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), "campaignId")).longValue();
    }

    private Task declarationOf(ProcessInstance instance, String judge) {
        return driver.tasks(instance, "signJudgeDeclaration").stream().filter(t -> t.getAssignee().equals(judge))
                .findFirst().orElseThrow(() -> new AssertionError("no declaration task for " + judge));
    }

    /** k judges of each panel per entry, panel loads within one, and no judge of the entry's own unit. */
    void assertAssignmentRules(List<Nomination> entries, List<JudgingRecords.Assignment> assignments) {
        for (Nomination entry : entries) {
            List<JudgingRecords.Assignment> mine = assignments.stream().filter(a -> a.nominationId() == entry.getId())
                    .toList();
            assertThat(mine.stream().filter(a -> a.panel().equals("expert"))).hasSize(3)
                    .allSatisfy(a -> assertThat(EXPERTS).contains(a.judgeId()));
            assertThat(mine.stream().filter(a -> a.panel().equals("audience"))).hasSize(2)
                    .allSatisfy(a -> assertThat(AUDIENCE).contains(a.judgeId()));
            for (JudgingRecords.Assignment a : mine) {
                assertThat(records.unitOf(a.judgeId())).as("%s on %s", a.judgeId(), entry.getCandidateName())
                        .isNotEqualTo(java.util.Optional.of(entry.getNominator()));
            }
        }
        // The unit rule really bit: the demo judges of 华信银行信用卡中心 got none of its entries.
        assertThat(assignments.stream().filter(a -> a.judgeId().equals("fengjie") || a.judgeId().equals("songtao"))
                .map(a -> entries.stream().filter(e -> e.getId() == a.nominationId()).findFirst().orElseThrow()
                        .getNominator())).isNotEmpty().doesNotContain("华信银行信用卡中心");
        for (List<String> panel : List.of(EXPERTS, AUDIENCE)) {
            var loads = panel.stream().mapToLong(j -> assignments.stream().filter(a -> a.judgeId().equals(j)).count())
                    .summaryStatistics();
            assertThat(loads.getMax() - loads.getMin()).as("loads of %s", panel).isLessThanOrEqualTo(1);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
