package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.FlowNodeCoverage;
import io.laurel.support.LaurelTest;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code package-intake} and {@code intake-deadlines}, step by step on the shared application
 * context: real mail in, each asynchronous continuation and timer executed explicitly (timers only once the
 * engine clock has reached them), every instance driven to its end. {@link #everyPathOfTheModelWasDriven}
 * measures flow-node coverage from Camunda's history of the instances this class started.
 */
@LaurelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageIntakeProcessTest extends IntakeTestSupport {

    static final double REQUIRED_FLOW_NODE_COVERAGE = 0.95;

    private final List<String> startedInstances = new ArrayList<>();

    @Autowired
    ProcessEngine engine;
    @Autowired
    NominationRepository nominations;
    @Autowired
    IntakeCampaigns intakeCampaigns;
    @Autowired
    IntakeDeadlines deadlines;
    @Autowired
    UnitRepository units;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterAll
    void everyPathOfTheModelWasDriven() {
        for (String key : List.of(IntakeService.PROCESS_KEY, IntakeDeadlines.PROCESS_KEY)) {
            FlowNodeCoverage coverage = FlowNodeCoverage.of(engine, key, startedInstances);
            assertThat(coverage.ratio()).as(key + ": flow nodes never passed: " + coverage.missed())
                    .isGreaterThanOrEqualTo(REQUIRED_FLOW_NODE_COVERAGE);
        }
    }

    static final String[][] ONE_ROW = {{"张三", "客服专员", "13800000001", "zs@yunqu.example", "2019年度精英客服奖"}};

    static byte[] completePackage() {
        return PackageZip.gbk().applicant("精英客服奖", "张三").unitFiles(ONE_ROW).bytes();
    }

    /** The applicant's video is a renamed text file: a problem the unit must fix. */
    static byte[] brokenPackage() {
        String folder = PackageZip.ARCHIVE + "/2019年度精英客服奖+" + PackageZip.UNIT + "+张三/";
        return PackageZip.gbk().unitFiles(ONE_ROW).put(folder + "视频.mp4", "不是视频".getBytes())
                .put(folder + "职业照.jpg", TestMedia.jpeg(3 * 1024 * 1024)).put(folder + "申报表.pdf", TestMedia.pdf())
                .put(folder + "申报表.docx", TestMedia.docx("申报表")).bytes();
    }

    @Test
    void complete_package_is_registered_and_answered_with_a_receipt() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        ProcessInstance instance = receive(from, "申报资料", completePackage());

        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).hasPassed("verdictGateway", "registerMergeGateway")
                .variables().containsEntry("verdict", IntakeService.COMPLETE);
        continueAt(instance, "registerNominationsTask");
        continueAt(instance, "sendReceiptTask");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("packageRegisteredEndEvent")
                .hasNotPassed("reviewPackageTask", "sendProblemsTask", "sendLateNoticeTask");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(1);
        assertThat(subject(mailsTo(from, 1).get(0))).contains("回执");
    }

    @Test
    void late_package_is_answered_too_late_and_kept() throws Exception {
        Campaign campaign = openCampaign();
        ClockUtil.setCurrentTime(new Date(intakeCampaigns.deadline(campaign).getTime() + 60_000));
        String from = sender();
        ProcessInstance instance = receive(from, "申报资料", completePackage());

        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).variables().containsEntry("verdict", IntakeService.LATE);
        continueAt(instance, "sendLateNoticeTask");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("packageLateEndEvent")
                .hasNotPassed("registerNominationsTask");
        assertThat(subject(mailsTo(from, 1).get(0))).contains("逾期");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }

    @Test
    void problems_then_a_resubmission_that_is_complete() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        ProcessInstance instance = receive(from, "申报资料", brokenPackage());

        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).variables().containsEntry("verdict", IntakeService.PROBLEMS);
        continueAt(instance, "sendProblemsTask");
        BpmnAwareTests.assertThat(instance).isWaitingAt("awaitSupplementGateway");
        assertThat(content(mailsTo(from, 1).get(0))).contains("不是有效的视频文件");

        send(from, "补充材料", "已修改", PackageZip.ARCHIVE + ".zip", completePackage());
        assertThat(poll().dispatched()).isEqualTo(1);
        BpmnAwareTests.assertThat(instance).hasPassed("resubmissionReceivedEvent")
                .hasNotPassed("supplementWindowClosedEvent");
        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).variables().containsEntry("verdict", IntakeService.COMPLETE);
        continueAt(instance, "registerNominationsTask");
        continueAt(instance, "sendReceiptTask");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("packageRegisteredEndEvent");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(1);
        assertThat(management.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void problems_left_unanswered_until_the_supplement_window_closes() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        ProcessInstance instance = receive(from, "申报资料", brokenPackage());
        continueAt(instance, "checkPackageTask");
        continueAt(instance, "sendProblemsTask");
        BpmnAwareTests.assertThat(instance).isWaitingAt("awaitSupplementGateway");

        Date window = (Date) runtime.getVariable(instance.getId(), "supplementDeadline");
        assertThat(window).isBefore(intakeCampaigns.deadline(campaign));
        fireTimer(instance, "awaitSupplementGateway", "supplementWindowClosedEvent", window);
        continueAt(instance, "closeAsIsTask");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("packageClosedEndEvent")
                .hasNotPassed("resubmissionReceivedEvent");
        assertThat(packages.findById(packageOf(lastMessageId).getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.CLOSED_AS_IS);
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
        // Both mails leave after their commits; under load a retried first one may arrive second.
        assertThat(mailsTo(from, 2)).extracting(IntakeTestSupport::subject)
                .anySatisfy(subject -> assertThat(subject).contains("已按现有材料结案"));
    }

    @Test
    void over_the_limit_with_an_exception_request_is_accepted_by_staff() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        ProcessInstance instance = receive(from, "申报资料（申请例外）",
                PackageIntakeRulesTest.packageOf("精英客服奖", "甲一", "乙二", "丙三", "丁四"));

        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPackageTask").task()
                .hasCandidateGroup("association-staff");
        complete(task(instance), Map.of("staffDecision", "accept"));
        BpmnAwareTests.assertThat(instance).hasPassed("staffDecisionGateway", "registerMergeGateway");
        continueAt(instance, "registerNominationsTask");
        continueAt(instance, "sendReceiptTask");

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("packageRegisteredEndEvent")
                .hasNotPassed("sendProblemsTask");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(4);
    }

    @Test
    void an_unknown_award_sent_back_by_staff_then_corrected_by_the_unit() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        byte[] wrongAward = PackageZip.gbk().applicant("最佳歌手奖", "张三")
                .unitFiles(PackageIntakeRulesTest.rows("最佳歌手奖", "张三")).bytes();
        ProcessInstance instance = receive(from, "申报资料", wrongAward);

        continueAt(instance, "checkPackageTask");
        BpmnAwareTests.assertThat(instance).variables().containsEntry("verdict", IntakeService.NEEDS_DECISION);
        complete(task("reviewPackageTask", instance), Map.of("staffDecision", "supplement",
                "staffComment", "请改为本次评选的奖项名称"));
        BpmnAwareTests.assertThat(instance).hasPassed("staffDecisionGateway", "problemsMergeGateway");
        continueAt(instance, "sendProblemsTask");
        BpmnAwareTests.assertThat(instance).isWaitingAt("awaitSupplementGateway");
        assertThat(content(mailsTo(from, 1).get(0))).contains("请改为本次评选的奖项名称");

        send(from, "补充材料", "", PackageZip.ARCHIVE + ".zip", completePackage());
        poll();
        continueAt(instance, "checkPackageTask");
        continueAt(instance, "registerNominationsTask");
        continueAt(instance, "sendReceiptTask");
        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("resubmissionReceivedEvent",
                "packageRegisteredEndEvent");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).extracting(n -> n.getAwardCode())
                .containsExactly("elite-cs");
    }

    @Test
    void intake_deadlines_reminds_silent_units_then_hands_staff_the_summary() throws Exception {
        Campaign campaign = openCampaign();
        String silent = sender();
        units.save(new Unit(campaign.getId(), "沉默科技有限公司", "王静", "020-1", silent));
        deadlines.ensureStarted(campaign.getId());
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(IntakeDeadlines.businessKey(campaign.getId())).singleResult();
        startedInstances.add(instance.getId());
        assertThat(deadlines.ensureStarted(campaign.getId())).as("one instance per campaign").isFalse();

        Date deadline = intakeCampaigns.deadline(campaign);
        BpmnAwareTests.assertThat(instance).isWaitingAt("reminderDueEvent");
        fireTimer(instance, "reminderDueEvent", new Date(deadline.getTime() - 3 * 86_400_000L));
        continueAt(instance, "sendRemindersTask");
        BpmnAwareTests.assertThat(instance).variables().containsEntry("remindedUnits", 1);
        assertThat(subject(mailsTo(silent, 1).get(0))).contains("申报截止提醒");

        fireTimer(instance, "intakeDeadlineEvent", deadline);
        continueAt(instance, "prepareSummaryTask");
        BpmnAwareTests.assertThat(instance).isWaitingAt("reviewIntakeSummaryTask").task()
                .hasCandidateGroup("association-staff");
        assertThat((String) runtime.getVariable(instance.getId(), "intakeSummary")).contains("沉默科技有限公司");
        complete(task(instance));

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("deadlinesEndEvent");
    }

    // ------------------------------------------------------------------ driving

    private String lastMessageId;

    /** Sends the package by mail, polls once, and answers the instance the poll started. */
    private ProcessInstance receive(String from, String subject, byte[] zip) throws Exception {
        lastMessageId = send(from, subject, "请查收", PackageZip.ARCHIVE + ".zip", zip);
        MailboxPoller.PollReport report = poll();
        assertThat(report.stored()).isEqualTo(1);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(packageOf(lastMessageId).getProcessInstanceId()).singleResult();
        startedInstances.add(instance.getId());
        BpmnAwareTests.assertThat(instance).isStarted().hasBusinessKey(lastMessageId)
                .hasPassed("packageReceivedStartEvent", "checkMergeGateway");
        return instance;
    }

    /** The instance waits at the asynchronous continuation of {@code activityId}; runs it. */
    private void continueAt(ProcessInstance instance, String activityId) {
        BpmnAwareTests.assertThat(instance).isWaitingAt(activityId);
        execute(job(activityId, instance));
        BpmnAwareTests.assertThat(instance).hasPassed(activityId);
    }

    /** A timer that is not due before {@code due}: moves the engine clock there and fires it. */
    private void fireTimer(ProcessInstance instance, String activityId, Date due) {
        fireTimer(instance, activityId, activityId, due);
    }

    /** As above, for a timer behind an event-based gateway (the instance waits at {@code waitingAt}). */
    private void fireTimer(ProcessInstance instance, String waitingAt, String activityId, Date due) {
        BpmnAwareTests.assertThat(instance).isWaitingAt(waitingAt);
        Job timer = job(activityId, instance);
        assertThat(timer.getDuedate()).isEqualTo(due);
        ClockUtil.setCurrentTime(new Date(due.getTime() - 1000));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).as("not due yet").isZero();
        ClockUtil.setCurrentTime(new Date(due.getTime() + 1000));
        assertThat(management.createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
        execute(timer);
    }
}
