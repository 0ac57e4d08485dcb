package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** End to end over real SMTP/IMAP (GreenMail): a unit emails its package, Laurel registers it and answers. */
@LaurelTest
class PackageIntakeMailTest extends IntakeTestSupport {

    static final String[][] TWO_ROWS = {
            {"张三", "客服专员", "13800000001", "zhangsan@yunqu.example", "2019年度精英客服奖"},
            {"李四", "班组长", "13800000002", "lisi@yunqu.example", "2019年度优秀班组长"}};

    @Autowired
    NominationRepository nominations;
    @Autowired
    MaterialRepository materials;
    @Autowired
    IntakeApplicantRepository applicants;

    @Test
    void a_complete_package_with_gbk_names_is_registered_and_answered_with_a_receipt() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        byte[] zip = PackageZip.gbk().applicant("精英客服奖", "张三").applicant("优秀班组长", "李四").unitFiles(TWO_ROWS)
                .bytes();
        String id = send(from, "广州云趣信息科技有限公司+2019年度最美客服人申报资料", "请查收。", PackageZip.ARCHIVE + ".zip", zip);

        MailboxPoller.PollReport report = poll();
        assertThat(report.stored()).isEqualTo(1);
        IntakePackage pkg = packageOf(id);
        assertThat(pkg.getCampaignId()).isEqualTo(campaign.getId());
        runJobs(pkg);

        pkg = packages.findById(pkg.getId()).orElseThrow();
        assertThat(pkg.getStatus()).isEqualTo(IntakePackage.Status.REGISTERED);
        List<Nomination> registered = nominations.findByCampaignIdOrderById(campaign.getId());
        assertThat(registered).extracting(Nomination::getCandidateName, Nomination::getAwardCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("张三", "elite-cs"),
                        org.assertj.core.groups.Tuple.tuple("李四", "team-leader"));
        assertThat(registered).allSatisfy(n -> {
            assertThat(n.getChannel()).isEqualTo(NominationChannel.UNIT);
            assertThat(n.getStatus()).isEqualTo(NominationStatus.SUBMITTED);
            assertThat(n.getUnitId()).isEqualTo(packages.findById(packageOf(id).getId()).orElseThrow().getUnitId());
        });
        assertThat(applicants.findByPackageIdOrderByPositionNo(pkg.getId())).extracting(IntakeApplicant::getMobile)
                .containsExactly("13800000001", "13800000002");

        MimeMessage receipt = mailsTo(from, 1).get(0);
        assertThat(subject(receipt)).contains("回执").contains(PackageZip.UNIT);
        assertThat(content(receipt)).contains("张三 — 精英客服奖").contains("李四 — 优秀班组长");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pkg.getProcessInstanceId()).count()).isZero();
    }

    @Test
    void problems_are_listed_in_one_chinese_mail_and_a_resubmission_from_the_same_unit_closes_them() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        String base = PackageZip.ARCHIVE + "/2019年度精英客服奖+" + PackageZip.UNIT + "+张三/";
        byte[] broken = PackageZip.utf8().unitFiles(TWO_ROWS).applicant("优秀班组长", "李四")
                .put(base + "视频.mp4", "这不是视频，只是改了扩展名".getBytes())
                .put(base + "职业照.jpg", TestMedia.jpeg(2_900 * 1024))
                .put(base + "申报表.pdf", TestMedia.pdf())
                .bytes();
        String first = send(from, "申报资料", "请查收", PackageZip.ARCHIVE + ".zip", broken);
        poll();
        IntakePackage pkg = packageOf(first);
        runJobs(pkg);

        assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.AWAITING_SUPPLEMENT);
        MimeMessage problems = mailsTo(from, 1).get(0);
        assertThat(subject(problems)).contains("需要补充");
        assertThat(content(problems))
                .contains("申报人 张三：参选视频“视频.mp4”不是有效的视频文件")
                .contains("职业照“职业照.jpg”大小为 2.8 MB，要求不小于 3 MB")
                .contains("申报人 张三：缺少活动申报表（Word版）")
                .doesNotContain("申报人 李四");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();

        // the unit fixes everything and sends again from another address, same unit name in the archive
        byte[] fixed = PackageZip.gbk().applicant("精英客服奖", "张三").applicant("优秀班组长", "李四")
                .unitFiles(TWO_ROWS).bytes();
        String second = send("other-" + from, "补充材料", "已修改", PackageZip.ARCHIVE + ".zip", fixed);
        poll();
        assertThat(packageOf(second).getId()).isEqualTo(pkg.getId());
        runJobs(pkg);

        assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.REGISTERED);
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(2);
        assertThat(subject(mailsTo("other-" + from, 1).get(0))).contains("回执");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(second).count()).isZero();
    }

    @Test
    void the_same_message_id_is_processed_once_even_when_polled_again_and_sent_twice() throws Exception {
        openCampaign();
        String from = sender();
        byte[] zip = PackageZip.gbk().applicant("精英客服奖", "王五").unitFiles(
                new String[][] {{"王五", "客服专员", "13800000003", "w@x.example", "2019年度精英客服奖"}}).bytes();
        String id = send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip", zip);
        send(from, "申报资料（重发）", "", PackageZip.ARCHIVE + ".zip", zip, id);

        MailboxPoller.PollReport first = poll();
        MailboxPoller.PollReport second = poll();

        assertThat(first.stored()).isEqualTo(1);
        assertThat(first.dispatched()).isEqualTo(1);
        assertThat(second.stored()).isZero();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(id).count()).isEqualTo(1);
    }
}
