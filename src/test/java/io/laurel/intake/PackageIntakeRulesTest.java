package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.LaurelTest;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Limits, staff decisions, late packages, the supplement window, reminders and the deadline summary, and the export. */
@LaurelTest
class PackageIntakeRulesTest extends IntakeTestSupport {

    @Autowired
    NominationRepository nominations;
    @Autowired
    TaskService tasks;
    @Autowired
    UnitRepository units;
    @Autowired
    IntakeCampaigns intakeCampaigns;
    @Autowired
    IntakeDeadlines deadlines;
    @LocalServerPort
    int port;

    static String[][] rows(String award, String... names) {
        String[][] rows = new String[names.length][];
        for (int i = 0; i < names.length; i++) {
            rows[i] = new String[] {names[i], "客服专员", "1390000000" + i, "p" + i + "@x.example", "2019年度" + award};
        }
        return rows;
    }

    static byte[] packageOf(String award, String... names) {
        PackageZip zip = PackageZip.gbk();
        for (String name : names) {
            zip.applicant(award, name);
        }
        return zip.unitFiles(rows(award, names)).bytes();
    }

    @Test
    void four_applicants_for_one_award_are_over_the_limit_of_three() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        String id = send(from, "申报资料", "请查收", PackageZip.ARCHIVE + ".zip",
                packageOf("精英客服奖", "甲一", "乙二", "丙三", "丁四"));
        poll();
        runJobs(packageOf(id));
        assertThat(content(mailsTo(from, 1).get(0))).contains("奖项“精英客服奖”：推荐 4 人，超过每家单位 3 人的上限");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }

    @Test
    void over_the_limit_with_an_exception_request_goes_to_association_staff_who_accept_it() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        String id = send(from, "申报资料（申请例外）", "本单位精英客服奖申请例外推荐4人", PackageZip.ARCHIVE + ".zip",
                packageOf("精英客服奖", "甲一", "乙二", "丙三", "丁四"));
        poll();
        IntakePackage pkg = packageOf(id);
        runJobs(pkg);

        Task review = tasks.createTaskQuery().processInstanceId(pkg.getProcessInstanceId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo("reviewPackageTask");
        assertThat(tasks.createTaskQuery().taskId(review.getId()).taskCandidateGroup("association-staff").count())
                .isEqualTo(1);
        assertThat((String) tasks.getVariable(review.getId(), "reviewDetails")).contains("申请例外").contains("原始邮件：")
                .doesNotContain("%PDF");
        tasks.complete(review.getId(), Map.of("staffDecision", "accept"));
        runJobs(pkg);

        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(4);
        assertThat(subject(mailsTo(from, 1).get(0))).contains("回执");
    }

    @Test
    void an_unknown_award_name_is_decided_by_staff_who_can_send_it_back() throws Exception {
        openCampaign();
        String from = sender();
        byte[] zip = PackageZip.gbk().applicant("最佳歌手奖", "张三")
                .unitFiles(rows("最佳歌手奖", "张三")).bytes();
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", zip);
        poll();
        IntakePackage pkg = packageOf(id);
        runJobs(pkg);
        Task review = tasks.createTaskQuery().processInstanceId(pkg.getProcessInstanceId()).singleResult();
        assertThat((String) tasks.getVariable(review.getId(), "reviewDetails")).contains("最佳歌手奖");
        tasks.complete(review.getId(), Map.of("staffDecision", "supplement", "staffComment", "请改为本次评选的奖项名称"));
        runJobs(pkg);
        String mail = content(mailsTo(from, 1).get(0));
        assertThat(mail).contains("奖项名称“2019年度最佳歌手奖”与本次评选的奖项均不匹配").contains("请改为本次评选的奖项名称");
    }

    @Test
    void a_package_after_the_deadline_is_answered_too_late_and_kept() throws Exception {
        Campaign campaign = openCampaign();
        Date deadline = intakeCampaigns.deadline(campaign);
        ClockUtil.setCurrentTime(new Date(deadline.getTime() + 60_000));
        String from = sender();
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", packageOf("精英客服奖", "迟到"));
        poll();
        IntakePackage pkg = packageOf(id);
        runJobs(pkg);
        assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus()).isEqualTo(IntakePackage.Status.LATE);
        assertThat(subject(mailsTo(from, 1).get(0))).contains("逾期");
        assertThat(messages.findByMessageId(id).orElseThrow().getEmlLocation()).isNotBlank();
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }

    @Test
    void when_the_supplement_window_passes_valid_applicants_are_kept_and_the_rest_listed() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        byte[] zip = PackageZip.gbk().applicant("精英客服奖", "合格")
                .put(PackageZip.ARCHIVE + "/2019年度优秀培训师+" + PackageZip.UNIT + "+缺件/照片.jpg",
                        TestMedia.jpeg(3 * 1024 * 1024))
                .unitFiles(new String[][] {{"合格", "客服", "1", "a@x", "2019年度精英客服奖"},
                        {"缺件", "培训师", "2", "b@x", "2019年度优秀培训师"}}).bytes();
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", zip);
        poll();
        IntakePackage pkg = packageOf(id);
        runJobs(pkg);
        assertThat(subject(mailsTo(from, 1).get(0))).contains("需要补充");

        Date window = (Date) runtime.getVariable(pkg.getProcessInstanceId(), "supplementDeadline");
        // three working days (weekends skipped), never after the campaign deadline
        assertThat(window).isBefore(intakeCampaigns.deadline(campaign));
        assertThat(window.getTime() - ClockUtil.getCurrentTime().getTime()).isBetween(3 * 86_400_000L - 60_000,
                5 * 86_400_000L + 60_000);
        ClockUtil.setCurrentTime(new Date(window.getTime() + 1000));
        runJobs(pkg);

        assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.CLOSED_AS_IS);
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).extracting(Nomination::getCandidateName)
                .containsExactly("合格");
        String closed = content(mailsTo(from, 2).get(1));
        assertThat(closed).contains("合格 — 精英客服奖").contains("申报人 缺件：缺少参选视频");
    }

    @Test
    void reminders_three_days_before_the_deadline_and_a_summary_task_at_it() throws Exception {
        Campaign campaign = openCampaign();
        String silent = sender();
        units.save(new Unit(campaign.getId(), "沉默科技有限公司", "王静", "020-1", silent));
        String active = sender();
        units.save(new Unit(campaign.getId(), PackageZip.UNIT, "李星云", "020-2", active));
        String id = send(active, "申报资料", "", PackageZip.ARCHIVE + ".zip", packageOf("精英客服奖", "按时"));
        poll();
        runJobs(packageOf(id));
        deadlines.ensureStarted(campaign.getId());
        String instance = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(IntakeDeadlines.businessKey(campaign.getId())).singleResult().getId();

        Date deadline = intakeCampaigns.deadline(campaign);
        ClockUtil.setCurrentTime(new Date(deadline.getTime() - 3 * 86_400_000L + 1000));
        runInstanceJobs(instance);
        assertThat(subject(mailsTo(silent, 1).get(0))).contains("申报截止提醒");
        assertThat(received(active)).noneMatch(m -> subject(m).contains("截止提醒"));

        ClockUtil.setCurrentTime(new Date(deadline.getTime() + 1000));
        runInstanceJobs(instance);
        Task summary = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(summary.getTaskDefinitionKey()).isEqualTo("reviewIntakeSummaryTask");
        assertThat((String) tasks.getVariable(summary.getId(), "intakeSummary"))
                .contains("未提交的单位（1）").contains("沉默科技有限公司").contains("精英客服奖：1");

        // the export lists the registered applicant in the seed's table
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/campaigns/" + campaign.getId() + "/exports/summary.xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("chenjing:demo".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            StringBuilder all = new StringBuilder();
            sheet.forEach(row -> row.forEach(cell -> all.append(f.formatCellValue(cell)).append('|')));
            assertThat(all).contains("单位名称|单位联系人|联系人电话|联系人邮箱|序号|选手姓名|岗位名称|手机|邮箱|参评奖项")
                    .contains(PackageZip.UNIT + "|")
                    .contains("1|按时|客服专员|13900000000|p0@x.example|精英客服奖");
        }
    }

    private void runInstanceJobs(String instance) {
        for (int i = 0; i < 20; i++) {
            var due = management.createJobQuery().processInstanceId(instance).executable().list();
            if (due.isEmpty()) {
                return;
            }
            for (Job job : due) {
                management.executeJob(job.getId());
            }
        }
    }
}
