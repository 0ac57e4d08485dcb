package io.laurel.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.files.FileStore;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.staff.DashboardStats.Count;
import io.laurel.staff.DashboardStats.JudgeProgress;
import io.laurel.staff.DashboardStats.Package;
import io.laurel.support.LaurelTest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The dashboard's figures over seeded rows of the owning modules' tables: exact labels, values and order, so that
 * reading them through each module's API (instead of SQL across modules) shows the same page. Chinese names are
 * chosen so that their order does not depend on the database's collation (no ASCII letters of different case).
 */
@LaurelTest
class DashboardStatsTest {

    static final LocalDateTime AT = LocalDateTime.of(2026, 3, 1, 10, 0, 30);

    @Autowired
    DashboardStats stats;
    @Autowired
    StaffCampaignController controller;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FileStore files;
    @Autowired
    CampaignOrganisation organisation;

    final List<Long> created = new ArrayList<>();

    @AfterEach
    void removeCampaigns() {
        for (long id : created) {
            jdbc.update("delete from award_result where campaign_id = ?", id);
            jdbc.update("delete from ballot_receipt where campaign_id = ?", id);
            jdbc.update("delete from judge_assignment where campaign_id = ?", id);
            jdbc.update("delete from intake_message where package_id in (select id from intake_package "
                    + "where campaign_id = ?)", id);
            jdbc.update("delete from intake_package where campaign_id = ?", id);
            jdbc.update("delete from nomination where campaign_id = ?", id);
            jdbc.update("delete from employee where campaign_id = ?", id);
            jdbc.update("delete from member_unit where campaign_id = ?", id);
            jdbc.update("delete from campaign_award_quota where campaign_id = ?", id);
            jdbc.update("delete from award_category where campaign_id = ?", id);
            jdbc.update("delete from campaign_milestone where campaign_id = ?", id);
            jdbc.update("delete from campaign where id = ?", id);
        }
    }

    @Test
    void companyFiguresByDepartmentChannelAwardStatusAndTheVote() {
        Campaign campaign = create("service-star-2025");
        long id = campaign.getId();
        String star = awardName(id, "service-star");
        String innovation = awardName(id, "innovation");
        long kefu1 = employee(id, "E1", "客服中心");
        long kefu2 = employee(id, "E2", "客服中心");
        long shouhou = employee(id, "E3", "售后服务部");
        employee(id, "E4", "技术支持部"); // nobody nominated: no row
        long a = nomination(id, "service-star", kefu1, null, "王五", "DEPARTMENT", "SUBMITTED");
        long b = nomination(id, "service-star", kefu2, null, "李四", "PEER", "WINNER");
        long c = nomination(id, "service-star", shouhou, null, "张三", "DEPARTMENT", "SUBMITTED");
        long d = nomination(id, "innovation", kefu1, null, "王五", "SELF", "ELIGIBLE");
        nomination(id, "no-such-award", shouhou, null, "赵六", "CUSTOMER", "ODD_STATUS");
        jdbc.update("insert into ballot_receipt (campaign_id, member_id) values (?, 'linfeng'), (?, 'heyun')", id, id);

        DashboardStats.Stats before = stats.of(id);

        assertThat(before.byDepartment()).containsExactly(new Count("售后服务部", 2), new Count("客服中心", 3));
        assertThat(before.byChannel()).containsExactly(new Count("客户推荐", 1), new Count("部门推荐", 2),
                new Count("同事互评", 1), new Count("自荐", 1));
        assertThat(before.byAward()).containsExactly(new Count(innovation, 1), new Count("no-such-award", 1),
                new Count(star, 3));
        assertThat(before.byStatus()).containsExactly(new Count("待审核", 2), new Count("资格通过", 1),
                new Count("获奖", 1), new Count("ODD_STATUS", 1));
        assertThat(before.ballotsCast()).isEqualTo(2);
        assertThat(before.committeeSize()).as("the committee group, as no organisation file names one")
                .isEqualTo(organisation.committee(id).size()).isPositive();
        assertThat(before.voteTotals()).as("no totals before the count after the window").isEmpty();
        assertThat(before.intakeByStatus()).isEmpty();
        assertThat(before.packages()).isEmpty();
        assertThat(before.judges()).isEmpty();

        // The count (after the voting window) writes the results: per award, most approvals first, ties by name.
        result(id, "service-star", a, 5);
        result(id, "service-star", b, 7);
        result(id, "service-star", c, 5);
        result(id, "innovation", d, 3);

        assertThat(stats.of(id).voteTotals()).containsExactly(new Count(innovation + " · 王五", 3),
                new Count(star + " · 李四", 7), new Count(star + " · 张三", 5), new Count(star + " · 王五", 5));
    }

    @Test
    void associationFiguresByUnitIntakeAndJudges() throws Exception {
        long id = create("cs-essay-2018").getId();
        long other = create("cs-essay-2018").getId();
        long beijing = unit(id, "北京会员单位");
        long shanghai = unit(id, "上海会员单位");
        unit(id, "广州会员单位"); // no entry: no row
        long e1 = nomination(id, "entry", null, beijing, "文章一", "UNIT", "SUBMITTED");
        long e2 = nomination(id, "entry", null, shanghai, "文章二", "UNIT", "ADVANCED");
        nomination(id, "entry", null, shanghai, "文章三", "UNIT", "ADVANCED");
        long registered = intakePackage(id, "北京会员单位", "REGISTERED", null);
        long waiting = intakePackage(id, "上海会员单位", "AWAITING_SUPPLEMENT", "缺少报名表");
        long late = intakePackage(id, "上海会员单位", "LATE", null);
        intakePackage(other, "北京会员单位", "REGISTERED", null);
        long m1 = message(registered, "first");
        long m2 = message(registered, "second");
        long m3 = message(waiting, "third");
        judge(id, e1, "judge.b", "SCORED");
        judge(id, e2, "judge.b", "RECUSED");
        judge(id, e1, "judge.a", "ASSIGNED");
        judge(id, e2, "judge.a", "SCORED");

        DashboardStats.Stats s = stats.of(id);

        assertThat(s.byDepartment()).containsExactly(new Count("上海会员单位", 2), new Count("北京会员单位", 1));
        assertThat(s.byChannel()).containsExactly(new Count("单位推荐", 3));
        assertThat(s.byStatus()).containsExactly(new Count("待审核", 1), new Count("进入复评", 2));
        assertThat(s.intakeByStatus()).containsExactly(new Count("有问题,等待补充", 1), new Count("已登记", 1),
                new Count("逾期送达", 1));
        assertThat(s.packages()).containsExactly(
                new Package(waiting, "上海会员单位", "unit@example.com", "有问题,等待补充", "缺少报名表",
                        "2026-03-01 10:00:30", List.of(m3)),
                new Package(late, "上海会员单位", "unit@example.com", "逾期送达", null, "2026-03-01 10:00:30",
                        List.of()),
                new Package(registered, "北京会员单位", "unit@example.com", "已登记", null, "2026-03-01 10:00:30",
                        List.of(m1, m2)));
        assertThat(s.judges()).containsExactly(new JudgeProgress("judge.a", 2, 1, 0),
                new JudgeProgress("judge.b", 2, 1, 1));
        assertThat(s.ballotsCast()).isZero();
        assertThat(s.committeeSize()).as("associations have no committee here").isZero();
        assertThat(s.voteTotals()).isEmpty();

        // The original of an emailed package opens from its own campaign's dashboard only.
        MockHttpServletResponse own = new MockHttpServletResponse();
        controller.original(id, m2, own);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentType()).isEqualTo("message/rfc822");
        assertThat(own.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("Subject: second\r\n\r\nbody");
        MockHttpServletResponse foreign = new MockHttpServletResponse();
        controller.original(other, m2, foreign);
        assertThat(foreign.getStatus()).isEqualTo(404);
    }

    private Campaign create(String preset) {
        Campaign campaign = campaigns.createFromPreset(preset, LocalDate.of(2026, 1, 5), "test");
        created.add(campaign.getId());
        return campaign;
    }

    private String awardName(long campaignId, String code) {
        return jdbc.queryForObject("select name from award_category where campaign_id = ? and code = ?", String.class,
                campaignId, code);
    }

    private long employee(long campaignId, String number, String department) {
        return insert("insert into employee (campaign_id, employee_number, name, department, position_group, "
                + "hire_date, employment_type, major_complaints_12m, violations) values (?, ?, ?, ?, '客服', ?, "
                + "'FORMAL', 0, 0)", campaignId, number, "员工" + number, department, java.sql.Date.valueOf(
                LocalDate.of(2020, 1, 1)));
    }

    private long unit(long campaignId, String name) {
        return insert("insert into member_unit (campaign_id, name) values (?, ?)", campaignId, name);
    }

    private long nomination(long campaignId, String award, Long employeeId, Long unitId, String name, String channel,
            String status) {
        return insert("insert into nomination (campaign_id, award_code, employee_id, unit_id, candidate_name, channel, "
                + "nominator, status, submitted_at) values (?, ?, ?, ?, ?, ?, 'test', ?, ?)", campaignId, award,
                employeeId, unitId, name, channel, status, Timestamp.valueOf(AT));
    }

    private void result(long campaignId, String award, long nominationId, int approvals) {
        jdbc.update("insert into award_result (campaign_id, award_code, nomination_id, approvals, entitled_voters, "
                + "status) values (?, ?, ?, ?, 15, 'NOT_SELECTED')", campaignId, award, nominationId, approvals);
    }

    private long intakePackage(long campaignId, String unitName, String status, String problems) {
        return insert("insert into intake_package (campaign_id, unit_name, sender, status, problems, created_at, "
                + "updated_at) values (?, ?, 'unit@example.com', ?, ?, ?, ?)", campaignId, unitName, status, problems,
                Timestamp.valueOf(AT), Timestamp.valueOf(AT));
    }

    private long message(long packageId, String subject) {
        var eml = files.store(("Subject: " + subject + "\r\n\r\nbody").getBytes(StandardCharsets.UTF_8));
        return insert("insert into intake_message (message_id, package_id, sender, subject, received_at, eml_sha256, "
                + "eml_location, eml_size, status) values (?, ?, 'unit@example.com', ?, ?, ?, ?, ?, 'DISPATCHED')",
                "<" + System.nanoTime() + "." + subject + "@dashboard.test>", packageId, subject,
                Timestamp.valueOf(AT), eml.sha256(), eml.location(), eml.sizeBytes());
    }

    private void judge(long campaignId, long nominationId, String judge, String status) {
        jdbc.update("insert into judge_assignment (campaign_id, nomination_id, judge_id, panel, status) "
                + "values (?, ?, ?, 'EXPERT', ?)", campaignId, nominationId, judge, status);
    }

    private long insert(String sql, Object... args) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var statement = con.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        return keys.getKey().longValue();
    }
}
