package io.laurel.staff;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.web.ApiException;
import io.laurel.organisation.CampaignOrganisation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, read-only counts over the campaign's tables (a report, so plain SQL across
 * modules rather than one repository call per row). Ballots: who voted (receipts) never what; vote totals only
 * once the count has run, which happens after the voting window closes.
 */
@Component
class DashboardStats {

    static final Map<String, String> CHANNELS = Map.of("DEPARTMENT", "部门推荐", "SELF", "自荐", "CUSTOMER", "客户推荐",
            "PEER", "同事互评", "UNIT", "单位推荐", "TEAM", "团队报名");
    static final Map<String, String> STATUSES = new LinkedHashMap<>();
    static final Map<String, String> INTAKE = new LinkedHashMap<>();

    static {
        STATUSES.put("SUBMITTED", "待审核");
        STATUSES.put("AWAITING_SUPPLEMENT", "待补充材料");
        STATUSES.put("ELIGIBLE", "资格通过");
        STATUSES.put("INELIGIBLE", "资格不符");
        STATUSES.put("DROPPED", "逾期未补充");
        STATUSES.put("WITHDRAWN", "已撤回");
        STATUSES.put("ADVANCED", "进入复评");
        STATUSES.put("ELIMINATED", "初评未通过");
        STATUSES.put("FINALIST", "终选候选");
        STATUSES.put("WINNER", "获奖");
        STATUSES.put("REVOKED", "异议成立已撤销");
        STATUSES.put("NOT_SELECTED", "未当选");
        INTAKE.put("RECEIVED", "已收到(检查中)");
        INTAKE.put("AWAITING_SUPPLEMENT", "有问题,等待补充");
        INTAKE.put("IN_REVIEW", "待秘书处审核");
        INTAKE.put("REGISTERED", "已登记");
        INTAKE.put("CLOSED_AS_IS", "补充期满按现状登记");
        INTAKE.put("LATE", "逾期送达");
        INTAKE.put("UNASSIGNED", "未归属活动");
    }

    record Count(String label, long value) {
    }

    record Package(long id, String unit, String sender, String status, String problems, String updatedAt,
            List<Long> messageIds) {
    }

    record JudgeProgress(String judge, long assigned, long scored, long recused) {
    }

    record Stats(List<Count> byDepartment, List<Count> byChannel, List<Count> byAward, List<Count> byStatus,
            List<Count> intakeByStatus, List<Package> packages, List<JudgeProgress> judges, long ballotsCast,
            long committeeSize, List<Count> voteTotals) {
    }

    private final JdbcTemplate jdbc;
    private final CampaignOrganisation organisation;
    private final CampaignRepository campaigns;

    DashboardStats(JdbcTemplate jdbc, CampaignOrganisation organisation, CampaignRepository campaigns) {
        this.jdbc = jdbc;
        this.organisation = organisation;
        this.campaigns = campaigns;
    }

    /** For the charts' JSON: loads the campaign in this transaction (its awards are read lazily). */
    @Transactional(readOnly = true)
    Stats of(long campaignId) {
        return of(campaigns.findById(campaignId).orElseThrow(() -> ApiException.notFound("活动不存在: " + campaignId)));
    }

    @Transactional(readOnly = true)
    Stats of(Campaign campaign) {
        long id = campaign.getId();
        Map<String, String> awardNames = new LinkedHashMap<>();
        campaign.getAwards().forEach(a -> awardNames.put(a.getCode(), a.getName()));
        List<Count> byDepartment = campaign.getKind() == CampaignKind.COMPANY
                ? counts("select e.department, count(*) from nomination n join employee e on e.id = n.employee_id "
                        + "where n.campaign_id = ? group by e.department order by e.department", id, Map.of())
                : counts("select u.name, count(*) from nomination n join member_unit u on u.id = n.unit_id "
                        + "where n.campaign_id = ? group by u.name order by u.name", id, Map.of());
        List<Count> byChannel = counts("select channel, count(*) from nomination where campaign_id = ? "
                + "group by channel order by channel", id, CHANNELS);
        List<Count> byAward = counts("select award_code, count(*) from nomination where campaign_id = ? "
                + "group by award_code order by award_code", id, awardNames);
        List<Count> byStatus = ordered(counts("select status, count(*) from nomination where campaign_id = ? "
                + "group by status", id, Map.of()), STATUSES);
        List<Count> intake = ordered(counts("select status, count(*) from intake_package where campaign_id = ? "
                + "group by status", id, Map.of()), INTAKE);
        List<Package> packages = jdbc.query("select id, unit_name, sender, status, problems, updated_at "
                        + "from intake_package where campaign_id = ? order by unit_name, id",
                (rs, i) -> new Package(rs.getLong(1), rs.getString(2), rs.getString(3),
                        INTAKE.getOrDefault(rs.getString(4), rs.getString(4)), rs.getString(5),
                        String.valueOf(rs.getTimestamp(6).toLocalDateTime()).replace('T', ' '), List.of()), id)
                .stream().map(p -> new Package(p.id(), p.unit(), p.sender(), p.status(), p.problems(), p.updatedAt(),
                        jdbc.queryForList("select id from intake_message where package_id = ? order by id",
                                Long.class, p.id())))
                .toList();
        List<JudgeProgress> judges = jdbc.query("select judge_id, count(*), "
                        + "sum(case when status = 'SCORED' then 1 else 0 end), "
                        + "sum(case when status = 'RECUSED' then 1 else 0 end) from judge_assignment "
                        + "where campaign_id = ? group by judge_id order by judge_id",
                (rs, i) -> new JudgeProgress(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), id);
        long ballots = jdbc.queryForObject("select count(*) from ballot_receipt where campaign_id = ?", Long.class, id);
        List<Count> totals = jdbc.query("select r.award_code, n.candidate_name, r.approvals from award_result r "
                        + "join nomination n on n.id = r.nomination_id where r.campaign_id = ? "
                        + "order by r.award_code, r.approvals desc, n.candidate_name",
                (rs, i) -> new Count(awardNames.getOrDefault(rs.getString(1), rs.getString(1)) + " · "
                        + rs.getString(2), rs.getLong(3)), id);
        long committee = campaign.getKind() == CampaignKind.COMPANY ? organisation.committee(id).size() : 0;
        return new Stats(byDepartment, byChannel, byAward, byStatus, intake, packages, judges, ballots, committee,
                totals);
    }

    private List<Count> counts(String sql, long campaignId, Map<String, String> labels) {
        return jdbc.query(sql, (rs, i) -> new Count(labels.getOrDefault(rs.getString(1), rs.getString(1)),
                rs.getLong(2)), campaignId);
    }

    /** The counts in the order of {@code labels} (the life of a nomination or a package), labelled in Chinese. */
    private static List<Count> ordered(List<Count> counts, Map<String, String> labels) {
        Map<String, Long> byCode = new LinkedHashMap<>();
        counts.forEach(c -> byCode.put(c.label(), c.value()));
        List<Count> result = new java.util.ArrayList<>();
        labels.forEach((code, label) -> {
            if (byCode.containsKey(code)) {
                result.add(new Count(label, byCode.remove(code)));
            }
        });
        byCode.forEach((code, value) -> result.add(new Count(code, value)));
        return result;
    }
}
