package io.laurel.judging;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.intake.EssayPackages;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.intake.MailboxPoller;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 001 规范性: “具备推荐函，作品符合参赛要求，为图片+文章或图片+视频格式，且文章字数在800字-1200字，视频时长为4-6分钟。
 * 如有不符合要求的地方，发现一点扣1分，直至分数为0。” An entry with nonconformities is registered from the mail, flagged in
 * the receipt, and reaches the conformity review with its deductions pre-filled; the points follow from the seed's
 * 10 points minus 1 per nonconformity, computed here.
 */
@LaurelTest
class EssayNonconformityTest {

    static final String UNIT = "星河电商客服中心";
    static final int THREE_MB = 3 * 1024 * 1024;
    /** Seed 001: 规范性 分值 10, 发现一点扣1分，直至分数为0. */
    static final int CONFORMITY_MAX = 10;
    static final int DEDUCTION = 1;

    @Autowired
    ProcessEngine engine;
    @Autowired
    SelectionDriver driver;
    @Autowired
    CampaignService campaigns;
    @Autowired
    EmbeddedMailServer mailServer;
    @Autowired
    MailboxPoller poller;
    @Autowired
    IntakePackageRepository packages;
    @Autowired
    NominationRepository nominations;
    @Autowired
    JudgingRecords records;
    @Autowired
    JudgingTimeline timeline;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void entries_with_nonconformities_are_registered_flagged_and_reviewed_with_their_deductions() throws Exception {
        Campaign campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.now().minusDays(10), "test");
        ProcessInstance instance = driver.launch(campaign);

        // Four entries, no summary table (seed 001 asks for none); the nonconformities each entry has, by the seed
        String root = EssayPackages.archiveName(UNIT) + "/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        Map<String, Integer> nonconformities = new LinkedHashMap<>();
        String a = root + "有你真好+" + UNIT + "+甲/"; // photo + article, all as asked
        files.put(a + "工作照片.jpg", EssayPackages.photo(THREE_MB));
        files.put(a + "文章.docx", EssayPackages.articleDocx(1000));
        files.put(a + "文章.pdf", EssayPackages.articlePdf(1000));
        files.put(a + "单位推荐函.pdf", EssayPackages.letter());
        nonconformities.put("甲", 0);
        String b = root + "声音的温度+" + UNIT + "+乙/"; // photo + video; its 推荐函 is a PDF, not an article
        files.put(b + "工作照片.jpg", EssayPackages.photo(THREE_MB));
        files.put(b + "参赛视频.mp4", EssayPackages.video(300));
        files.put(b + "推荐函.pdf", EssayPackages.letter());
        nonconformities.put("乙", 0);
        String c = root + "深夜来电+" + UNIT + "+丙/"; // photo 1 MB, article 700 字 (Word and PDF), no 推荐函
        files.put(c + "工作照片.jpg", EssayPackages.photo(1024 * 1024));
        files.put(c + "文章.docx", EssayPackages.articleDocx(700));
        files.put(c + "文章.pdf", EssayPackages.articlePdf(700));
        nonconformities.put("丙", 3);
        String d = root + "一分钟+" + UNIT + "+丁/"; // video of 2½ minutes
        files.put(d + "工作照片.jpg", EssayPackages.photo(THREE_MB));
        files.put(d + "参赛视频.mp4", EssayPackages.video(150));
        files.put(d + "推荐函.pdf", EssayPackages.letter());
        nonconformities.put("丁", 1);
        String from = "contact@xinghe.example";
        EssayPackages.send(mailServer, from, UNIT, EssayPackages.zipOf(files));
        assertThat(poller.pollOnce().dispatched()).isGreaterThanOrEqualTo(1);
        List<IntakePackage> received = packages.findByCampaignIdOrderById(campaign.getId());
        assertThat(received).hasSize(1);
        driver.runJobsOf(received.get(0).getProcessInstanceId());

        // All four registered; the receipt lists them and flags 丙's three and 丁's one nonconformity
        assertThat(packages.findById(received.get(0).getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.REGISTERED);
        List<Nomination> entries = nominations.findByCampaignIdOrderById(campaign.getId());
        assertThat(entries).extracting(Nomination::getCandidateName).containsExactly("甲", "乙", "丙", "丁");
        String receipt = content(mailTo(from));
        assertThat(receipt).contains("甲 — 参赛作品《有你真好》").contains("乙 — 参赛作品《声音的温度》")
                .contains("丙（参赛作品《深夜来电》）：工作照片“工作照片.jpg”大小为 1 MB，要求不小于 3 MB")
                .contains("丙（参赛作品《深夜来电》）：缺少推荐函")
                .contains("“文章.docx”共 700 字").contains("丁（参赛作品《一分钟》）：参赛视频“参赛视频.mp4”时长为 2 分 30 秒")
                .contains("规范性一项每处扣 1 分");

        // Intake closes: the 规范性 review starts from what intake found; confirmed as found, the points follow
        clockAt(new Date(timeline.intakeClosesAt(campaign.getId()).getTime() + 3_600_000L));
        driver.runDueJobs(instance);
        List<Task> reviews = driver.tasks(instance, "reviewConformity");
        assertThat(reviews).hasSize(4);
        Map<String, Long> idOf = new HashMap<>();
        entries.forEach(n -> idOf.put(n.getCandidateName(), n.getId()));
        for (Task task : reviews) {
            String found = (String) engine.getTaskService().getVariableLocal(task.getId(), "nonconformities");
            String who = idOf.entrySet().stream().filter(e -> task.getName().contains(e.getKey() + "(")).findFirst()
                    .orElseThrow().getKey();
            assertThat(found.lines().filter(l -> !l.isBlank()).count()).as(who).isEqualTo((long) nonconformities.get(who));
            engine.getTaskService().claim(task.getId(), "chenjing");
            driver.complete(task, vars("nonconformities", found));
        }
        nonconformities.forEach((who, n) -> assertThat(records.conformity(idOf.get(who)).orElseThrow().points())
                .as(who).isEqualByComparingTo(BigDecimal.valueOf(Math.max(0, CONFORMITY_MAX - DEDUCTION * n))));
    }

    @Test
    void an_entry_without_any_work_cannot_be_judged_and_is_refused() throws Exception {
        Campaign campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.now().minusDays(10), "test");
        String unit = "蓝海物流客服中心";
        String root = EssayPackages.archiveName(unit) + "/";
        String folder = root + "空白+" + unit + "+戊/";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(folder + "工作照片.jpg", EssayPackages.photo(THREE_MB));
        files.put(folder + "推荐函.pdf", EssayPackages.letter());
        String from = "contact@lanhai.example";
        EssayPackages.send(mailServer, from, unit, EssayPackages.zipOf(files));
        poller.pollOnce();
        List<IntakePackage> received = packages.findByCampaignIdOrderById(campaign.getId());
        assertThat(received).hasSize(1);
        driver.runJobsOf(received.get(0).getProcessInstanceId());
        assertThat(content(mailTo(from))).contains("申报人 戊：没有参赛作品（既没有文章，也没有视频）");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }

    private MimeMessage mailTo(String address) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> received(address).size() >= 1);
        return received(address).get(0);
    }

    private List<MimeMessage> received(String address) {
        return Arrays.stream(mailServer.greenMail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    private static String content(MimeMessage mail) {
        try {
            return String.valueOf(mail.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
