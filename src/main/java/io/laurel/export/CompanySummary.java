package io.laurel.export;

import io.laurel.campaign.Campaign;
import io.laurel.workbook.StyledWorkbook;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * summary.xlsx of a company campaign for HR's files: 提名明细 (every nomination with department, award, channel,
 * the eligibility verdict and the review scores) and 提名统计 (counts by department, award and channel).
 */
@Component
class CompanySummary {

    private final NominationRepository nominations;
    private final EmployeeRepository employees;

    CompanySummary(NominationRepository nominations, EmployeeRepository employees) {
        this.nominations = nominations;
        this.employees = employees;
    }

    byte[] write(Campaign campaign) throws java.io.IOException {
        Map<Long, Employee> staff = employees.findByCampaignIdOrderByEmployeeNumber(campaign.getId()).stream()
                .collect(Collectors.toMap(Employee::getId, Function.identity()));
        List<Nomination> all = nominations.findByCampaignIdOrderById(campaign.getId());
        try (StyledWorkbook book = new StyledWorkbook(campaign.zoneId())) {
            StyledWorkbook.Table details = book.table("提名明细", List.of("提名编号", "部门", "奖项", "提名渠道", "候选人",
                    "工号", "推荐人", "提交时间", "资格审核", "审核说明", "初评得分", "岗位组排名", "复评得分", "当前状态"));
            Map<String, int[]> counts = new TreeMap<>();
            for (Nomination n : all) {
                Employee e = n.getEmployeeId() == null ? null : staff.get(n.getEmployeeId());
                String department = e == null ? "（花名册外）" : e.getDepartment();
                String award = campaign.award(n.getAwardCode()).map(a -> a.getName()).orElse(n.getAwardCode());
                String channel = channel(n.getChannel());
                details.add(Arrays.asList(n.getId(), department, award, channel, n.getCandidateName(),
                        e == null ? null : e.getEmployeeNumber(), n.getNominator(), n.getSubmittedAt(),
                        verdict(n), explanation(n), n.getInitialScore(), n.getGroupRank(), n.getReReviewScore(),
                        status(n.getStatus())));
                int[] c = counts.computeIfAbsent(department + "\u0000" + award + "\u0000" + channel, k -> new int[3]);
                c[0]++;
                if (passedEligibility(n.getStatus())) {
                    c[1]++;
                }
                if (n.getReReviewScore() != null) {
                    c[2]++;
                }
            }
            StyledWorkbook.Table byDepartment = book.table("提名统计", List.of("部门", "奖项", "提名渠道", "提名数",
                    "通过资格审核", "已有复评得分"));
            counts.forEach((key, c) -> {
                String[] k = key.split("\u0000");
                byDepartment.add(Arrays.asList(k[0], k[1], k[2], c[0], c[1], c[2]));
            });
            return book.toBytes();
        }
    }

    static String channel(NominationChannel channel) {
        return switch (channel) {
            case DEPARTMENT -> "部门推荐";
            case SELF -> "自荐";
            case CUSTOMER -> "客户推荐";
            case PEER -> "同事提名";
            case UNIT -> "单位推荐";
            case TEAM -> "团队报名";
        };
    }

    private static String verdict(Nomination n) {
        if (n.getOverrideReason() != null && !n.getOverrideReason().isBlank()) {
            return passedEligibility(n.getStatus()) ? "人力资源部认定符合" : "人力资源部认定不符合";
        }
        if (n.getRuleVerdict() == null) {
            return "尚未审核";
        }
        return "ELIGIBLE".equals(n.getRuleVerdict()) ? "符合参选条件" : "不符合参选条件";
    }

    private static String explanation(Nomination n) {
        if (n.getOverrideReason() != null && !n.getOverrideReason().isBlank()) {
            return n.getOverrideReason();
        }
        if (n.getMissingMaterials() != null && !n.getMissingMaterials().isBlank()) {
            return "缺少材料：" + n.getMissingMaterials().replace("\n", "、");
        }
        return n.getRuleReason();
    }

    static boolean passedEligibility(NominationStatus status) {
        return switch (status) {
            case ELIGIBLE, AWAITING_SUPPLEMENT, ADVANCED, ELIMINATED, FINALIST, WINNER, REVOKED, NOT_SELECTED -> true;
            default -> false;
        };
    }

    static String status(NominationStatus status) {
        return switch (status) {
            case SUBMITTED -> "已提交";
            case AWAITING_SUPPLEMENT -> "待补充材料";
            case ELIGIBLE -> "符合资格";
            case INELIGIBLE -> "不符合资格";
            case DROPPED -> "材料不全已取消";
            case WITHDRAWN -> "已撤回";
            case ADVANCED -> "进入复评";
            case ELIMINATED -> "初评未通过";
            case FINALIST -> "进入终评";
            case WINNER -> "获奖";
            case REVOKED -> "获奖资格已取消";
            case NOT_SELECTED -> "未当选";
        };
    }
}
