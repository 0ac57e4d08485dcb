package io.laurel.roster;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * A believable roster for the demo and for tests: 300 employees, 50 in each of the six departments of
 * the service-star seed, with the cases the eligibility rules must tell apart (new hires, probation,
 * complaints, violations, three service-star wins in a row). The same reference date always gives
 * the same roster.
 */
@Component
public class DemoRosterGenerator {

    static final long SEED = 2025;
    static final int PER_DEPARTMENT = 50;
    static final String SERVICE_STAR = "service-star";
    static final List<String> DEPARTMENTS = List.of("客服中心", "售后服务部", "技术支持部", "销售顾问部", "前台接待部", "国际业务部");
    static final String TEAM_LEADER = "班组长";
    private static final Map<String, String> FRONT_LINE_GROUP = Map.of(
            "客服中心", "一线客服", "售后服务部", "一线客服", "技术支持部", "技术支持",
            "销售顾问部", "销售顾问", "前台接待部", "前台接待", "国际业务部", "一线客服");

    private static final String[] SURNAMES = ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 林 高 罗 郑 梁 谢 宋 唐 许 韩 冯 "
            + "邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 "
            + "韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤").split(" ");
    private static final String[] COMPOUND_SURNAMES = {"欧阳", "司马", "上官", "诸葛"};
    private static final String[] GIVEN = ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 "
            + "鹏 辉 玲 建 飞 宁 晨 欣 怡 雪 琳 晓 婷 浩 宇 轩 子 涵 思 雨 佳 嘉 博 文 昊 然 梓 诗 梦 瑶 俊 凯 峰 斌 亮 "
            + "慧 颖 倩 琪 莉 璐 瑞 泽 航 旭 阳 宏 志 彤 悦 晴 薇 岚 蕾 萱 一 心 可 乐 安 沁 逸 舟 远 清 和").split(" ");

    /** The roster of campaign {@code campaignId} as of {@code referenceDate}, sorted by employee number. */
    public List<Employee> generate(Long campaignId, LocalDate referenceDate) {
        Random random = new Random(SEED);
        Set<String> names = new HashSet<>();
        Set<String> mobiles = new HashSet<>();
        List<Employee> roster = new ArrayList<>();
        for (String department : DEPARTMENTS) {
            for (int i = 0; i < PER_DEPARTMENT; i++) {
                int n = roster.size() + 1;
                Employee e = new Employee(campaignId, String.format("E%04d", n));
                e.setName(uniqueName(random, names));
                e.setDepartment(department);
                e.setPositionGroup(i % 10 == 0 ? TEAM_LEADER : FRONT_LINE_GROUP.get(department));
                hire(e, random, referenceDate);
                e.setSatisfactionScore(oneDecimal(Math.min(99.9, Math.max(70.0, 88 + random.nextGaussian() * 6))));
                double complaint = random.nextDouble();
                e.setMajorComplaints12m(complaint < 0.01 ? 2 : complaint < 0.05 ? 1 : 0);
                e.setViolations(random.nextDouble() < 0.03 ? 1 : 0);
                e.setEmail(e.getEmployeeNumber().toLowerCase(Locale.ROOT) + "@staff.laurel.local");
                e.setMobile(uniqueMobile(random, mobiles));
                serviceData(e, random);
                if (random.nextDouble() < 0.03) {
                    e.getPastWins().add(new AwardWin(SERVICE_STAR, referenceDate.getYear() - 1 - random.nextInt(5)));
                }
                roster.add(e);
            }
        }
        plantEdgeCases(roster, referenceDate);
        return roster;
    }

    /**
     * About 10% joined in the last six months, most of them still on probation; a few are past six
     * months but not yet confirmed (转正 pending), so tenure alone does not make anyone eligible.
     */
    private static void hire(Employee e, Random random, LocalDate referenceDate) {
        double draw = random.nextDouble();
        if (draw < 0.10) {
            e.setHireDate(referenceDate.minusDays(random.nextInt(180)));
            e.setEmploymentType(random.nextDouble() < 0.85 ? EmploymentType.PROBATION : EmploymentType.FORMAL);
        } else if (draw < 0.12) {
            e.setHireDate(referenceDate.minusDays(190 + random.nextInt(60)));
            e.setEmploymentType(EmploymentType.PROBATION);
        } else {
            e.setHireDate(referenceDate.minusDays(190 + random.nextInt(3650 - 190)));
            e.setEmploymentType(EmploymentType.FORMAL);
        }
    }

    /** Yearly service volume and average response time differ a lot between a hotline and a support desk. */
    private record Workload(int minVolume, int maxVolume, double minMinutes, double maxMinutes) {
    }

    private static void serviceData(Employee e, Random random) {
        Workload w = switch (e.getPositionGroup()) {
            case "技术支持" -> new Workload(400, 1200, 5, 60);
            case "销售顾问" -> new Workload(300, 900, 2, 30);
            case "前台接待" -> new Workload(2000, 5000, 0.5, 3);
            case TEAM_LEADER -> new Workload(500, 1500, 1, 10);
            default -> new Workload(1500, 3500, 0.5, 5);
        };
        e.setServiceVolume(w.minVolume() + random.nextInt(w.maxVolume() - w.minVolume() + 1));
        e.setResolutionRate(oneDecimal(80 + random.nextDouble() * 19.5));
        e.setAvgResponseMinutes(oneDecimal(w.minMinutes() + random.nextDouble() * (w.maxMinutes() - w.minMinutes())));
        e.setSkillsTestScore(oneDecimal(60 + random.nextDouble() * 40));
    }

    /**
     * Fixed employees for the cases a demo and the tests must see whatever the random draws: the
     * "three wins in a row, sit out a year" rule, its near misses, the six-month tenure boundary,
     * a department tie in satisfaction and a same-name pair in two departments.
     */
    private static void plantEdgeCases(List<Employee> roster, LocalDate referenceDate) {
        int lastYear = referenceDate.getYear() - 1;
        // Three in a row up to last year: must sit out. Otherwise strong candidates, so the rule decides.
        wins(strongCandidate(roster.get(7), referenceDate, "99.6"), lastYear, lastYear - 1, lastYear - 2);
        wins(strongCandidate(roster.get(111), referenceDate, "98.9"), lastYear, lastYear - 1, lastYear - 2);
        // Two in a row: may still run.
        wins(strongCandidate(roster.get(55), referenceDate, "99.2"), lastYear, lastYear - 1);
        wins(strongCandidate(roster.get(159), referenceDate, "98.7"), lastYear, lastYear - 1);
        wins(strongCandidate(roster.get(203), referenceDate, "99.4"), lastYear, lastYear - 1);
        // Three wins, but the streak broke or ended before last year: may run.
        wins(strongCandidate(roster.get(258), referenceDate, "99.0"), lastYear, lastYear - 2, lastYear - 3);
        wins(strongCandidate(roster.get(21), referenceDate, "98.8"), lastYear - 1, lastYear - 2, lastYear - 3);
        // Exactly six months of tenure on the reference date.
        Employee boundary = roster.get(12);
        boundary.setHireDate(referenceDate.minusMonths(6));
        boundary.setEmploymentType(EmploymentType.FORMAL);
        // Top satisfaction, yet a major complaint or a violation rules them out.
        strongCandidate(roster.get(80), referenceDate, "99.8").setMajorComplaints12m(1);
        strongCandidate(roster.get(230), referenceDate, "99.7").setViolations(1);
        // Two colleagues of 客服中心 with the same high score: the top-30% cut must not depend on row order.
        strongCandidate(roster.get(30), referenceDate, "99.5");
        strongCandidate(roster.get(31), referenceDate, "99.5");
        // Same name, different departments (a real roster has them; 工号 tells them apart).
        roster.get(163).setName(roster.get(3).getName());
    }

    private static Employee strongCandidate(Employee e, LocalDate referenceDate, String satisfaction) {
        e.setEmploymentType(EmploymentType.FORMAL);
        if (e.getHireDate().isAfter(referenceDate.minusYears(3))) {
            e.setHireDate(referenceDate.minusYears(3).minusDays(Integer.parseInt(e.getEmployeeNumber().substring(1))));
        }
        e.setSatisfactionScore(new BigDecimal(satisfaction));
        e.setMajorComplaints12m(0);
        e.setViolations(0);
        return e;
    }

    private static void wins(Employee e, int... years) {
        List<AwardWin> wins = new ArrayList<>();
        for (int year : years) {
            wins.add(new AwardWin(SERVICE_STAR, year));
        }
        e.replacePastWins(wins);
    }

    private static String uniqueName(Random random, Set<String> taken) {
        while (true) {
            String surname = random.nextInt(40) == 0
                    ? COMPOUND_SURNAMES[random.nextInt(COMPOUND_SURNAMES.length)]
                    : SURNAMES[random.nextInt(SURNAMES.length)];
            String given = GIVEN[random.nextInt(GIVEN.length)];
            if (random.nextInt(3) > 0) {
                given += GIVEN[random.nextInt(GIVEN.length)];
            }
            if (taken.add(surname + given)) {
                return surname + given;
            }
        }
    }

    private static String uniqueMobile(Random random, Set<String> taken) {
        while (true) {
            String mobile = String.format("138%08d", random.nextInt(100_000_000));
            if (taken.add(mobile)) {
                return mobile;
            }
        }
    }

    private static BigDecimal oneDecimal(double value) {
        return BigDecimal.valueOf(Math.round(value * 10), 1);
    }
}
