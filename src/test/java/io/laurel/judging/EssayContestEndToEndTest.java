package io.laurel.judging;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.intake.EssayPackages;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.intake.MailboxPoller;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.process.FormOptions;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * cs-essay-2018 from the units' mails to the published list on the real application: 8 units mail 30 entries
 * through SMTP/IMAP into package intake, online votes come in as a CSV, association staff confirm 规范性, the demo
 * judges (5 experts, 3 professional-audience judges) declare and score every assigned entry in the rubric form,
 * the scoring module ranks, staff confirm the list, the committee votes, the list is published and the ceremony
 * closes the campaign.
 */
@LaurelTest
class EssayContestEndToEndTest {

    /** Eight units with 5, 5, 4, 4, 3, 3, 3, 3 entries; the first three employ demo judges. */
    static final Map<String, Integer> UNITS = new java.util.LinkedHashMap<>();

    static {
        UNITS.put("华信银行信用卡中心", 5);
        UNITS.put("东方航空客服中心", 5);
        UNITS.put("远景通信客户服务部", 4);
        UNITS.put("星河电商客服中心", 4);
        UNITS.put("南方电网客户服务中心", 3);
        UNITS.put("长城保险客户服务部", 3);
        UNITS.put("蓝海物流客服中心", 3);
        UNITS.put("金穗证券客户服务中心", 3);
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    SelectionDriver driver;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignRepository campaignRepository;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    MailboxPoller poller;
    @Autowired
    IntakePackageRepository packages;
    @Autowired
    NominationRepository nominations;
    @Autowired
    ManagementService management;
    @Autowired
    JudgingRecords records;
    @Autowired
    JudgingTimeline timeline;
    @Autowired
    JdbcTemplate jdbc;
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

    @Test
    void thirty_entries_of_eight_units_from_the_mailbox_to_the_published_list() throws Exception {
        // The intake window is open for another 60 days; the lifecycle is launched and waits for its end.
        Campaign campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.now().minusDays(10), "test");
        ProcessInstance instance = driver.launch(campaign);
        BpmnAwareTests.assertThat(instance).isWaitingAt("associationEvaluation");
        BpmnAwareTests.assertThat(driver.evaluation(instance)).isWaitingAt("awaitIntakeClose");

        int entryNo = 0;
        for (Map.Entry<String, Integer> unit : UNITS.entrySet()) {
            List<String[]> entries = new ArrayList<>();
            for (int i = 0; i < unit.getValue(); i++) {
                entryNo++;
                entries.add(new String[] {"有你世界变更美之" + entryNo, "作者" + entryNo});
            }
            EssayPackages.send(mailServer, "contact" + Math.abs(unit.getKey().hashCode()) + "@unit.example",
                    unit.getKey(), EssayPackages.zip(unit.getKey(), entries));
        }
        assertThat(poller.pollOnce().dispatched()).isGreaterThanOrEqualTo(8);
        List<IntakePackage> received = packages.findByCampaignIdOrderById(campaign.getId());
        assertThat(received).hasSize(8);
        for (IntakePackage pkg : received) {
            driver.runJobsOf(pkg.getProcessInstanceId());
        }
        assertThat(packages.findByCampaignIdOrderById(campaign.getId())).extracting(IntakePackage::getStatus)
                .containsOnly(IntakePackage.Status.REGISTERED);
        List<Nomination> entries = nominations.findByCampaignIdOrderById(campaign.getId());
        assertThat(entries).hasSize(30).allSatisfy(n -> assertThat(n.getStatus()).isEqualTo(NominationStatus.SUBMITTED));

        // The WeChat vote's export: 作者30 has the most votes, then 作者29 ...
        StringBuilder csv = new StringBuilder("参赛人员,参赛单位,票数\n");
        for (Nomination n : entries) {
            int no = Integer.parseInt(n.getCandidateName().substring(2));
            csv.append(n.getCandidateName()).append(',').append(n.getNominator()).append(',').append(100 * no)
                    .append('\n');
        }
        Http.Answer imported = Http.to(port).as("chenjing", "demo").upload("/api/campaigns/" + campaign.getId()
                + "/votes/import", "votes.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);

        // Intake closes: 规范性 review of every entry by association staff.
        clockAt(new Date(timeline.intakeClosesAt(campaign.getId()).getTime() + 3_600_000L));
        driver.runDueJobs(instance);
        List<Task> reviews = driver.tasks(instance, "reviewConformity");
        assertThat(reviews).hasSize(30);
        for (Task task : reviews) {
            engine.getTaskService().claim(task.getId(), "chenjing");
            driver.complete(task, vars("nonconformities", ""));
        }

        // Assignment: 90 expert and 60 audience scores, 18 per expert and 20 per audience judge, never their unit.
        driver.runDueJobs(instance);
        List<JudgingRecords.Assignment> assignments = records.assignments(campaign.getId());
        assertThat(assignments).hasSize(150);
        Map<String, Integer> loads = new HashMap<>();
        assignments.forEach(a -> loads.merge(a.judgeId(), 1, Integer::sum));
        assertThat(loads).containsOnlyKeys(concat());
        AssociationJudgingProcessTest.EXPERTS.forEach(j -> assertThat(loads.get(j)).as(j).isEqualTo(18));
        AssociationJudgingProcessTest.AUDIENCE.forEach(j -> assertThat(loads.get(j)).as(j).isEqualTo(20));
        Map<Long, String> unitOf = new HashMap<>();
        entries.forEach(n -> unitOf.put(n.getId(), n.getNominator()));
        assertThat(assignments).allSatisfy(a -> assertThat(records.unitOf(a.judgeId()))
                .isNotEqualTo(java.util.Optional.of(unitOf.get(a.nominationId()))));

        for (Task declaration : driver.tasks(instance, "signJudgeDeclaration")) {
            driver.complete(declaration, vars("confidentialityAgreed", true));
        }
        // Better-numbered entries are better written: 作者30 scores highest with every judge.
        List<Task> scoring = driver.tasks(instance, "scoreEntries");
        assertThat(scoring).hasSize(150);
        for (Task task : scoring) {
            long id = ((Number) engine.getTaskService().getVariable(task.getId(), "judgeEntryId")).longValue();
            int no = Integer.parseInt(nominations.findById(id).orElseThrow().getCandidateName().substring(2));
            driver.complete(task, vars("content", 10 + (no * 20) / 30, "thought", 20 + no, "innovation",
                    4 + (no * 6) / 30));
        }

        // Ranking, then staff confirm the list and the unit prizes.
        driver.runDueJobs(instance);
        Task confirm = driver.tasks(instance, "confirmPrizeList").get(0);
        engine.getTaskService().claim(confirm.getId(), "chenjing");
        Object proposals = engine.getTaskService().getVariable(confirm.getId(), "confirmedUnitPrizes");
        driver.complete(confirm, vars("listConfirmed", true, "confirmedUnitPrizes", FormOptions.checked(proposals)));

        // The committee's vote: everyone approves the list.
        driver.runDueJobs(instance);
        List<Long> listed = jdbc.queryForList("select distinct nomination_id from list_vote_award where campaign_id = ?",
                Long.class, campaign.getId());
        for (Task ballot : driver.tasks(instance, "castBallot")) {
            driver.complete(ballot, vars("secretBallot", listed.stream().map(String::valueOf).toList()));
        }
        driver.runDueJobs(instance);
        Map<String, Integer> winners = new HashMap<>();
        jdbc.query("select award_code, count(*) from award_result where campaign_id = ? and status = 'WINNER' "
                + "group by award_code", rs -> {
                    winners.put(rs.getString(1), rs.getInt(2));
                }, campaign.getId());
        assertThat(winners).containsEntry("first-prize", 2).containsEntry("second-prize", 6)
                .containsEntry("third-prize", 12);
        // The two best entries (作者30, 作者29) won the first prizes.
        assertThat(jdbc.queryForList("select n.candidate_name from award_result r join nomination n on n.id = "
                + "r.nomination_id where r.campaign_id = ? and r.award_code = 'first-prize'", String.class,
                campaign.getId())).containsExactlyInAnyOrder("作者30", "作者29");

        // Published: association staff get the list, each winning entry's unit contact is congratulated.
        assertThat(jdbc.queryForObject("select body from mail_outbox where recipient = 'chenjing@laurel.local' and "
                + "subject = ?", String.class, "【" + campaign.getName() + "】获奖名单已发布公示"))
                .contains("协会秘书处", "【“最美客服人”一等奖】作者30(");
        assertThat(jdbc.queryForObject("select count(*) from mail_outbox where subject = ? and recipient like "
                + "'contact@%.example'", Integer.class, "【" + campaign.getName() + "】获奖名单公示")).isPositive();

        // 5 working days of notice, then the ceremony; the campaign closes.
        BpmnAwareTests.assertThat(instance).isWaitingAt("noticePeriod");
        Date noticeEnds = (Date) engine.getRuntimeService().getVariable(instance.getId(), "noticeEndsAt");
        clockAt(new Date(noticeEnds.getTime() + 1000));
        driver.runDueJobs(instance);
        Job ceremonyTimer = management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("ceremonyDate").singleResult();
        if (ceremonyTimer != null) {
            clockAt(new Date(ceremonyTimer.getDuedate().getTime() + 60_000L));
            driver.runDueJobs(instance);
        }
        Task ceremony = driver.tasks(instance, "confirmCeremony").get(0);
        driver.complete(ceremony, vars("ceremonyHeld", true));
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(campaignRepository.findById(campaign.getId()).orElseThrow().getStatus())
                .isEqualTo(CampaignStatus.CLOSED);

        Http.Answer results = Http.to(port).as("chenjing", "demo").get("/api/campaigns/" + campaign.getId()
                + "/results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("first-prize", "作者30");
    }

    private static List<String> concat() {
        List<String> all = new ArrayList<>(AssociationJudgingProcessTest.EXPERTS);
        all.addAll(AssociationJudgingProcessTest.AUDIENCE);
        return all;
    }
}
