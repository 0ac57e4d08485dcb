package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.LaurelTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Intake read as the seeds say, through SMTP/IMAP: per-unit limits over all of a unit's mails (seed 000: 每个奖项的
 * 推荐名额不超过 3 个; seed 001: 每家单位推荐名额不超过5名), a package sent again, the campaign whose window is open,
 * and the skills contest's registrations (seed 004: 邮件标题注明【卓越服务之星参赛报名 + 企业名称】, teams of 3).
 */
@LaurelTest
class IntakeSeedRulesTest extends IntakeTestSupport {

    /** Seed 000: 每个奖项的推荐名额不超过 3 个. */
    static final int PER_AWARD = 3;
    /** Seed 001: 每家单位推荐名额不超过5名. */
    static final int PER_UNIT = 5;

    @Autowired
    NominationRepository nominations;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_fourth_applicant_for_one_award_in_a_later_mail_is_refused_naming_the_three_registered() throws Exception {
        Campaign campaign = openCampaign();
        String from = sender();
        List<String> first = List.of("甲一", "乙二", "丙三").subList(0, PER_AWARD);
        send(from, "申报资料", "", PackageZip.ARCHIVE + ".zip",
                PackageIntakeRulesTest.packageOf("精英客服奖", first.toArray(String[]::new)));
        poll();
        runJobs(packages.findByCampaignIdOrderById(campaign.getId()).get(0));
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(PER_AWARD);

        String second = send(from, "补充申报", "", PackageZip.ARCHIVE + ".zip",
                PackageIntakeRulesTest.packageOf("精英客服奖", "丁四"));
        poll();
        runJobs(packageOf(second));
        String answer = content(mailsTo(from, 2).get(1));
        assertThat(answer).contains("奖项“精英客服奖”：推荐 " + (PER_AWARD + 1) + " 人，超过每家单位 " + PER_AWARD + " 人的上限")
                .contains("此前的邮件已登记 " + PER_AWARD + " 个").contains("甲一").contains("乙二").contains("丙三");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(PER_AWARD);
    }

    @Test
    void a_sixth_essay_entry_in_a_later_mail_is_refused_and_the_window_closing_keeps_the_unit_at_five()
            throws Exception {
        Campaign campaign = openCampaign("cs-essay-2018");
        String unit = "南方电网客户服务中心";
        String from = sender();
        List<String[]> first = entries(1, 3);
        EssayPackages.send(server, from, unit, EssayPackages.zip(unit, first));
        poll();
        runJobs(packages.findByCampaignIdOrderById(campaign.getId()).get(0));
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(first.size());

        List<String[]> second = entries(4, 3);
        EssayPackages.send(server, from, unit, EssayPackages.zip(unit, second));
        poll();
        IntakePackage later = packages.findByCampaignIdOrderById(campaign.getId()).get(1);
        runJobs(later);
        int total = first.size() + second.size();
        String answer = content(mailsTo(from, 2).get(1));
        assertThat(answer).contains("本单位：推荐 " + total + " 个名额（团队参赛计为 1 个），超过每家单位 " + PER_UNIT)
                .contains("此前的邮件已登记 " + first.size() + " 个").contains("作者1").contains("作者3")
                .contains("本次最多还可推荐 " + (PER_UNIT - first.size()) + " 个");

        // The unit does not answer; when the supplement window closes, entries are kept in package order up to 5
        Date window = (Date) runtime.getVariable(later.getProcessInstanceId(), "supplementDeadline");
        ClockUtil.setCurrentTime(new Date(window.getTime() + 1000));
        runJobs(later);
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).extracting(Nomination::getCandidateName)
                .containsExactly("作者1", "作者2", "作者3", "作者4", "作者5");
    }

    @Test
    void a_package_sent_again_gets_a_receipt_saying_it_is_already_registered_and_when() throws Exception {
        Campaign campaign = openCampaign("cs-essay-2018");
        String unit = "长城保险客户服务部";
        String from = sender();
        byte[] zip = EssayPackages.zip(unit, entries(1, 2));
        EssayPackages.send(server, from, unit, zip);
        poll();
        IntakePackage first = packages.findByCampaignIdOrderById(campaign.getId()).get(0);
        runJobs(first);
        assertThat(content(mailsTo(from, 1).get(0))).contains("作者1 — 参赛作品《作品1》");

        EssayPackages.send(server, from, unit, zip); // the same content, a new Message-ID
        poll();
        IntakePackage again = packages.findByCampaignIdOrderById(campaign.getId()).get(1);
        runJobs(again);
        String receipt = content(mailsTo(from, 2).get(1));
        String when = IntakeService.CHINESE_TIME.format(nominations.findByCampaignIdOrderById(campaign.getId()).get(0)
                .getSubmittedAt().atZone(IntakeService.SHANGHAI));
        assertThat(receipt).contains("此前已经登记，未重复登记")
                .contains("作者1 — 参赛作品《作品1》：已于 " + when + " 登记")
                .contains("作者2 — 参赛作品《作品2》：已于 " + when + " 登记");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(2);
    }

    @Test
    void a_package_goes_to_the_campaign_whose_window_is_open_not_to_next_years_draft() throws Exception {
        Campaign open = openCampaign("cs-essay-2018");
        Campaign nextYear = campaigns.createFromPreset("cs-essay-2018", LocalDate.now().plusYears(1).minusDays(10),
                "test");
        assertThat(nextYear.getId()).isGreaterThan(open.getId());
        String unit = "金穗证券客户服务中心";
        String from = sender();
        EssayPackages.send(server, from, unit, EssayPackages.zip(unit, entries(1, 1)));
        poll();
        assertThat(packages.findByCampaignIdOrderById(open.getId())).hasSize(1);
        assertThat(packages.findByCampaignIdOrderById(nextYear.getId())).isEmpty();
    }

    @Test
    void a_mail_that_is_no_contest_registration_is_not_filed_under_the_open_contest() throws Exception {
        Campaign contest = openCampaign("service-skills-cup-2022");
        String from = sender();
        String id = send(from, "2019年度最美客服人申报资料", "请查收", PackageZip.ARCHIVE + ".zip",
                PackageIntakeRulesTest.packageOf("精英客服奖", "甲一"));
        poll();
        IntakePackage pkg = packageOf(id);
        assertThat(pkg.getCampaignId()).isNotEqualTo(contest.getId());
        assertThat(teams(contest)).isZero();
    }

    @Test
    void the_same_registration_mailed_twice_is_one_team_and_the_second_receipt_says_when() throws Exception {
        Campaign contest = openCampaign("service-skills-cup-2022");
        String from = sender();
        String subject = "【卓越服务之星参赛报名 + " + TeamRegistrationMailTest.ORG + "】";
        byte[] zip = TeamRegistrationMailTest.teamZip(280, 3);
        String first = send(from, subject, "报名", TeamRegistrationMailTest.ORG + ".zip", zip);
        poll();
        runJobs(packageOf(first));
        String again = send(from, subject, "报名（重发）", TeamRegistrationMailTest.ORG + ".zip", zip);
        poll();
        runJobs(packageOf(again));
        assertThat(teams(contest)).isEqualTo(1);
        String second = content(mailsTo(from, 2).get(1));
        assertThat(second).contains("队伍「" + TeamRegistrationMailTest.ORG + "」").contains("报名登记，本次邮件与之相同，未重复登记");
    }

    @Test
    void a_two_member_team_refused_at_intake_is_not_registered_when_its_supplement_window_closes() throws Exception {
        Campaign contest = openCampaign("service-skills-cup-2022");
        String from = sender();
        String id = send(from, "【卓越服务之星参赛报名 + " + TeamRegistrationMailTest.ORG + "】", "报名",
                TeamRegistrationMailTest.ORG + ".zip", TeamRegistrationMailTest.teamZip(280, 2));
        poll();
        IntakePackage pkg = packageOf(id);
        runJobs(pkg);
        assertThat(content(mailsTo(from, 1).get(0))).contains("报名表中有 2 名队员");
        Date window = (Date) runtime.getVariable(pkg.getProcessInstanceId(), "supplementDeadline");
        ClockUtil.setCurrentTime(new Date(window.getTime() + 1000));
        runJobs(pkg);
        assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.CLOSED_AS_IS);
        assertThat(teams(contest)).isZero();
        assertThat(content(mailsTo(from, 2).get(1))).contains("报名表中有 2 名队员");
    }

    private int teams(Campaign contest) {
        return jdbc.queryForObject("select count(*) from contest_team where campaign_id = ?", Integer.class,
                contest.getId());
    }

    /** {作品名称, 参赛人员} for entries from..from+count-1. */
    private static List<String[]> entries(int from, int count) {
        List<String[]> list = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            list.add(new String[] {"作品" + i, "作者" + i});
        }
        return list;
    }
}
