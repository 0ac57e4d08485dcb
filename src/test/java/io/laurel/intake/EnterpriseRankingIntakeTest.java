package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.LaurelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 003 (中国最具影响力呼叫中心企业): organisations apply by mail during 报名 with 1、企业报名表；2、中英文企业简介各一份，
 * 每份简介内容不超过1000字；3、企业LOGO电子版，企业图片3张；4、成功案例介绍（1-3个案例）— in no prescribed folder layout.
 */
@LaurelTest
class EnterpriseRankingIntakeTest extends IntakeTestSupport {

    /** The seed's limits, read from its text. */
    static final int PROFILE_MAX = 1000;
    static final int PICTURES = 3;
    static final int CASES_MAX = 3;

    static final String ORG = "云启客服中心";

    @Autowired
    NominationRepository nominations;
    @Autowired
    MaterialRepository materials;

    static byte[] application(int profileChars, int englishWords, int pictures, int cases) {
        PackageZip zip = PackageZip.utf8()
                .put("企业报名表（盖章）.pdf", TestMedia.pdf())
                .put("中文企业简介.docx", ChineseArticles.docx(profileChars))
                .put("英文企业简介.docx", TestMedia.docx("service ".repeat(englishWords).strip()))
                .put("企业LOGO.png", TestMedia.jpeg(50 * 1024));
        for (int i = 1; i <= pictures; i++) {
            zip.put("企业图片" + i + ".jpg", TestMedia.jpeg(400 * 1024 + i));
        }
        for (int i = 1; i <= cases; i++) {
            zip.put("2019年度成功案例" + i + ".docx", TestMedia.docx("案例 " + i));
        }
        return zip.bytes();
    }

    @Test
    void an_application_with_exactly_the_seeds_materials_and_no_folders_is_registered() throws Exception {
        Campaign campaign = openCampaign("influential-cc-2020");
        String from = sender();
        String id = send(from, "中国最具影响力呼叫中心企业评选报名：" + ORG, "附件为申报资料，已加盖公章",
                ORG + "+中国最具影响力呼叫中心企业申报资料.zip", application(PROFILE_MAX, PROFILE_MAX, PICTURES, 2));
        poll();
        IntakePackage pkg = packageOf(id);
        assertThat(pkg.getCampaignId()).isEqualTo(campaign.getId());
        runJobs(pkg);

        assertThat(content(mailsTo(from, 1).get(0))).contains(ORG + " — 中国最具影响力呼叫中心企业");
        Nomination entry = nominations.findByCampaignIdOrderById(campaign.getId()).get(0);
        assertThat(entry.getCandidateName()).isEqualTo(ORG);
        assertThat(entry.getAwardCode()).isEqualTo("influential-cc");
        assertThat(materials.findByNominationIdOrderById(entry.getId())).extracting(m -> m.getKind())
                .contains("registration-form", "profile-zh", "profile-en", "logo", "pictures", "cases");
    }

    @Test
    void a_long_profile_four_cases_and_two_pictures_are_answered_with_the_problems() throws Exception {
        Campaign campaign = openCampaign("influential-cc-2020");
        String from = sender();
        String id = send(from, "中国最具影响力呼叫中心企业评选报名", "请查收", ORG + "+申报资料.zip",
                application(PROFILE_MAX + 200, 300, PICTURES - 1, CASES_MAX + 1));
        poll();
        IntakePackage pkg = packageOf(id);
        assertThat(pkg.getCampaignId()).isEqualTo(campaign.getId());
        runJobs(pkg);

        assertThat(content(mailsTo(from, 1).get(0)))
                .contains("中文企业简介“中文企业简介.docx”共 " + (PROFILE_MAX + 200) + " 字，超过 " + PROFILE_MAX + " 字的上限")
                .contains("企业图片只有 " + (PICTURES - 1) + " 个，要求 " + PICTURES + " 个")
                .contains("呼叫中心领域成功案例介绍有 " + (CASES_MAX + 1) + " 个，超过 " + CASES_MAX + " 个的上限");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).isEmpty();
    }
}
