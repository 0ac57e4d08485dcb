package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 15.10, intake side: a 0-byte ZIP and a file name with a right-to-left override each get a specific
 * Chinese problem mail, and nothing is registered.
 */
@LaurelTest
class IntakeBadInputTest extends IntakeTestSupport {

    static final String[][] ONE_ROW = {{"张三", "客服专员", "13800000001", "zhangsan@yunqu.example", "2019年度精英客服奖"}};

    @Autowired
    NominationRepository nominations;

    @Test
    void a_zero_byte_zip_is_described_as_an_empty_archive_not_as_loose_files() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        String id = send(from, "申报资料", "请查收", PackageZip.ARCHIVE + ".zip", new byte[0]);
        poll();
        runJobs(packageOf(id));

        MimeMessage problems = mailsTo(from, 1).get(0);
        assertThat(content(problems)).contains("压缩包“" + PackageZip.ARCHIVE + ".zip”")
                .contains("是 0 字节的空文件").doesNotContain("散装文件");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }

    @Test
    void a_file_name_with_a_right_to_left_override_is_a_problem_and_nothing_is_registered() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        String folder = PackageZip.ARCHIVE + "/2019年度精英客服奖+" + PackageZip.UNIT + "+张三/";
        // Shown as "职业照exe.jpg" by most file managers; it is an .exe-ending name.
        byte[] zip = PackageZip.utf8().applicant("精英客服奖", "张三").unitFiles(ONE_ROW)
                .put(folder + "职业照\u202Egpj.exe", TestMedia.jpeg(3_200 * 1024)).bytes();
        String id = send(from, "申报资料", "请查收", PackageZip.ARCHIVE + ".zip", zip);
        poll();
        runJobs(packageOf(id));

        MimeMessage problems = mailsTo(from, 1).get(0);
        assertThat(content(problems)).contains("职业照[U+202E]gpj.exe").contains("文字方向控制字符 U+202E");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }
}
