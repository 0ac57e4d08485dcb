package io.laurel.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoRosterGeneratorTest {

    private static final LocalDate REFERENCE = LocalDate.of(2025, 3, 15);
    private static final int LAST_YEAR = 2024;

    private final List<Employee> roster = new DemoRosterGenerator().generate(7L, REFERENCE);

    @Test
    void isDeterministic() {
        List<Employee> again = new DemoRosterGenerator().generate(7L, REFERENCE);

        assertThat(RosterCsv.toCsv(again)).isEqualTo(RosterCsv.toCsv(roster));
        assertThat(RosterCsv.toCsv(new DemoRosterGenerator().generate(7L, REFERENCE.plusYears(1))))
                .isNotEqualTo(RosterCsv.toCsv(roster));
    }

    @Test
    void hasFiftyEmployeesInEachOfTheSixDepartments() {
        Map<String, Long> perDepartment = roster.stream()
                .collect(Collectors.groupingBy(Employee::getDepartment, Collectors.counting()));

        assertThat(perDepartment).containsOnlyKeys("客服中心", "售后服务部", "技术支持部", "销售顾问部", "前台接待部", "国际业务部");
        assertThat(perDepartment.values()).containsOnly(50L);
        assertThat(roster).allSatisfy(e -> assertThat(e.getCampaignId()).isEqualTo(7L));
        assertThat(roster).extracting(Employee::getEmployeeNumber).doesNotHaveDuplicates()
                .startsWith("E0001", "E0002").endsWith("E0300");
        assertThat(roster).extracting(Employee::getPositionGroup)
                .contains("一线客服", "技术支持", "销售顾问", "前台接待", "班组长");
    }

    @Test
    void fieldsLookLikeARealRoster() {
        assertThat(roster).allSatisfy(e -> {
            assertThat(e.getName()).matches("\\p{IsHan}{2,4}");
            assertThat(e.getEmail()).isEqualTo(e.getEmployeeNumber().toLowerCase() + "@staff.laurel.local");
            assertThat(e.getMobile()).matches("138\\d{8}");
            assertThat(e.getHireDate()).isBetween(REFERENCE.minusYears(10), REFERENCE);
            assertThat(e.getSatisfactionScore()).isBetween(new BigDecimal("70.0"), new BigDecimal("99.9"));
            assertThat(e.getSatisfactionScore().scale()).isEqualTo(1);
            assertThat(e.getServiceVolume()).isPositive();
            assertThat(e.getResolutionRate()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
            assertThat(e.getAvgResponseMinutes()).isPositive();
            assertThat(e.getSkillsTestScore()).isBetween(BigDecimal.ZERO, BigDecimal.valueOf(100));
        });
        assertThat(roster).extracting(Employee::getMobile).doesNotHaveDuplicates();
    }

    @Test
    void containsTheCasesTheEligibilityRulesMustTellApart() {
        long probation = roster.stream().filter(e -> e.getEmploymentType() == EmploymentType.PROBATION).count();
        assertThat(probation).isBetween(20L, 40L);
        assertThat(roster).filteredOn(e -> e.getHireDate().isAfter(REFERENCE.minusMonths(6))).hasSizeGreaterThan(10);
        assertThat(roster).filteredOn(e -> e.getHireDate().isAfter(REFERENCE.minusMonths(6))
                && e.getEmploymentType() == EmploymentType.FORMAL).isNotEmpty();
        assertThat(roster).anySatisfy(e -> assertThat(e.getHireDate()).isEqualTo(REFERENCE.minusMonths(6)));
        assertThat(roster).filteredOn(e -> e.getMajorComplaints12m() > 0).hasSizeBetween(3, 30);
        assertThat(roster).filteredOn(e -> e.getViolations() > 0).hasSizeBetween(2, 30);
        assertThat(roster).filteredOn(e -> e.consecutiveWins("service-star", LAST_YEAR) == 3).hasSizeGreaterThanOrEqualTo(2);
        assertThat(roster).filteredOn(e -> e.consecutiveWins("service-star", LAST_YEAR) == 2).hasSizeGreaterThanOrEqualTo(2);
        assertThat(roster).extracting(Employee::getName).hasSizeGreaterThan(
                (int) roster.stream().map(Employee::getName).distinct().count());
    }

    @Test
    void threeInARowWinnersWouldOtherwiseBeEligible() {
        List<Employee> sitOut = roster.stream()
                .filter(e -> e.consecutiveWins("service-star", LAST_YEAR) >= 3)
                .toList();

        assertThat(sitOut).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getEmploymentType()).isEqualTo(EmploymentType.FORMAL);
            assertThat(e.getHireDate()).isBefore(REFERENCE.minusMonths(6));
            assertThat(e.getMajorComplaints12m()).isZero();
            assertThat(e.getViolations()).isZero();
            assertThat(e.getSatisfactionScore()).isGreaterThan(new BigDecimal("98"));
        });
    }

    @Test
    void toCsvWritesChineseHeadersAndOneLinePerEmployee() {
        String csv = RosterCsv.toCsv(roster);

        assertThat(csv).startsWith("工号,姓名,部门,岗位组,入职日期,用工性质,满意度,重大投诉(近12个月),违规违纪,邮箱,手机,服务量,解决率,"
                + "平均响应时长(分钟),技能测试成绩,历史获奖\r\n");
        assertThat(csv.split("\r\n")).hasSize(roster.size() + 1);
        assertThat(csv).contains("service-star:2022;service-star:2023;service-star:2024");
    }
}
