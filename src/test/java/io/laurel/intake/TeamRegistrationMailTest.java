package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.support.LaurelTest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.junit.jupiter.api.Test;

/**
 * Teams of the skills contest register by email (seed 004: 介绍视频 + 报名表 to the organisers, subject
 * 【卓越服务之星参赛报名 + 企业名称】) through {@code package-intake}, checked against the preset: a video of at most
 * 5 minutes and a registration form with exactly 3 members.
 */
@LaurelTest
class TeamRegistrationMailTest extends IntakeTestSupport {

    @Autowired
    JdbcTemplate jdbc;

    static final String ORG = "云启客服中心";

    static byte[] teamZip(int videoSeconds, int members) {
        String[][] rows = new String[members][];
        for (int i = 0; i < members; i++) {
            rows[i] = new String[] {"云启队员" + (i + 1), "客服代表", "1390000000" + i, "m" + i + "@yunqi.example", ""};
        }
        return PackageZip.utf8().put(ORG + "/队伍介绍.mp4", TestMedia.mp4(1280, 720, videoSeconds, 2048))
                .put(ORG + "/参赛报名表.xlsx", TestMedia.summaryXlsx(ORG, "王队长", "010-82794120", "lead@yunqi.example",
                        rows)).bytes();
    }

    @Test
    void a_team_mail_with_video_and_form_registers_the_team_for_screening() throws Exception {
        Campaign campaign = openCampaign("service-skills-cup-2022");
        String from = sender();
        String messageId = send(from, "【卓越服务之星参赛报名 + " + ORG + "】", "附件为介绍视频与报名表", ORG + ".zip",
                teamZip(280, 3));
        assertThat(poll().dispatched()).isEqualTo(1);
        IntakePackage pkg = packageOf(messageId);
        assertThat(pkg.getCampaignId()).isEqualTo(campaign.getId());
        runJobs(pkg);

        List<Map<String, Object>> teams = jdbc.queryForList("select * from contest_team where campaign_id = ?",
                campaign.getId());
        assertThat(teams).singleElement().satisfies(team -> {
            assertThat(team.get("NAME")).isEqualTo(ORG);
            assertThat(team.get("ORGANISATION")).isEqualTo(ORG);
            assertThat(team.get("SOURCE")).isEqualTo("MAIL");
            assertThat(team.get("STATUS")).isEqualTo("REGISTERED");
            assertThat(team.get("CONTACT_EMAIL")).isEqualTo("lead@yunqi.example");
        });
        assertThat(jdbc.queryForList("select m.name from contest_member m join contest_team t on t.id = m.team_id "
                + "where t.campaign_id = ? order by m.position_no", String.class, campaign.getId()))
                .containsExactly("云启队员1", "云启队员2", "云启队员3");
        assertThat(jdbc.queryForList("select kind from material where campaign_id = ? order by id", String.class,
                campaign.getId())).containsExactly("team-intro-video", "team-registration-form");
        assertThat(content(mailsTo(from, 1).get(0))).contains("参赛队员 云启队员1").contains("待组委会初步筛选");
    }

    @Test
    void a_too_long_video_and_two_members_are_answered_with_the_problems() throws Exception {
        Campaign campaign = openCampaign("service-skills-cup-2022");
        String from = sender();
        String messageId = send(from, "【卓越服务之星参赛报名 + " + ORG + "】", "报名", ORG + ".zip", teamZip(360, 2));
        assertThat(poll().dispatched()).isEqualTo(1);
        IntakePackage pkg = packageOf(messageId);
        assertThat(pkg.getCampaignId()).isEqualTo(campaign.getId());
        runJobs(pkg);

        String problems = content(mailsTo(from, 1).get(0));
        assertThat(problems).contains("时长为 6 分 0 秒，要求 不超过 5 分钟").contains("报名表中有 2 名队员").contains("3 名成员");
        assertThat(jdbc.queryForObject("select count(*) from contest_team where campaign_id = ?", Integer.class,
                campaign.getId())).isZero();
    }
}
