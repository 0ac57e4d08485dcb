package io.laurel.staff;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.intake.IntakeStatusQuery;
import io.laurel.judging.JudgingProgress;
import io.laurel.nomination.CampaignEntries;
import io.laurel.nomination.NominationCounts;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.roster.EmployeeDepartments;
import io.laurel.unit.UnitNames;
import io.laurel.vote.AwardResults;
import io.laurel.vote.BallotTurnout;
import io.laurel.web.ApiException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The dashboard's figures, each read through the API of the module that owns its table (one grouped query per
 * figure there; names joined here). Ballots: who voted (receipts) never what; vote totals only once the count has
 * run, which happens after the voting window closes.
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

    private final NominationCounts nominations;
    private final CampaignEntries candidates;
    private final EmployeeDepartments departments;
    private final UnitNames units;
    private final IntakeStatusQuery intake;
    private final JudgingProgress judging;
    private final BallotTurnout turnout;
    private final AwardResults results;
    private final CampaignOrganisation organisation;
    private final CampaignRepository campaigns;

    DashboardStats(NominationCounts nominations, CampaignEntries candidates, EmployeeDepartments departments,
            UnitNames units, IntakeStatusQuery intake, JudgingProgress judging, BallotTurnout turnout,
            AwardResults results, CampaignOrganisation organisation, CampaignRepository campaigns) {
        this.nominations = nominations;
        this.candidates = candidates;
        this.departments = departments;
        this.units = units;
        this.intake = intake;
        this.judging = judging;
        this.turnout = turnout;
        this.results = results;
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
                ? byName(nominations.byEmployee(id), departments.of(id))
                : byName(nominations.byUnit(id), units.of(id));
        List<Count> byChannel = labelled(nominations.byChannel(id), CHANNELS);
        List<Count> byAward = labelled(nominations.byAward(id), awardNames);
        List<Count> byStatus = ordered(labelled(nominations.byStatus(id), Map.of()), STATUSES);
        List<Count> intakeByStatus = ordered(intake.countsByStatus(id).stream()
                .map(c -> new Count(c.status(), c.count())).toList(), INTAKE);
        List<Package> packages = intake.packages(id).stream()
                .map(p -> new Package(p.id(), p.unitName(), p.sender(), INTAKE.getOrDefault(p.status(), p.status()),
                        p.problems(), String.valueOf(p.updatedAt()).replace('T', ' '), p.messageIds()))
                .toList();
        List<JudgeProgress> judges = judging.byJudge(id).stream()
                .map(j -> new JudgeProgress(j.judgeId(), j.assigned(), j.scored(), j.recused())).toList();
        long ballots = turnout.ballotsCast(id);
        long committee = campaign.getKind() == CampaignKind.COMPANY ? organisation.committee(id).size() : 0;
        return new Stats(byDepartment, byChannel, byAward, byStatus, intakeByStatus, packages, judges, ballots,
                committee, voteTotals(id, awardNames));
    }

    /**
     * Counts per employee or unit summed per name (department or unit name), in the names' order as the owning
     * module's database query sorted them (its collation). Ids missing from the campaign's roster or units are left
     * out, as the inner join did (a nomination names an employee or unit of its own campaign).
     */
    private static List<Count> byName(List<NominationCounts.IdCount> counts, Map<Long, String> namesInOrder) {
        Map<Long, Long> byId = new HashMap<>();
        counts.forEach(c -> byId.put(c.id(), c.count()));
        Map<String, Long> byName = new LinkedHashMap<>();
        namesInOrder.forEach((rowId, name) -> {
            Long count = byId.get(rowId);
            if (count != null) {
                byName.merge(name, count, Long::sum);
            }
        });
        return byName.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }

    private static List<Count> labelled(List<NominationCounts.CodeCount> counts, Map<String, String> labels) {
        return counts.stream().map(c -> new Count(labels.getOrDefault(c.code(), c.code()), c.count())).toList();
    }

    /**
     * The counted approvals, which exist only once the vote has been counted after its window closed: per award
     * (in code order), most approvals first, ties by candidate name in the database's name order.
     */
    private List<Count> voteTotals(long campaignId, Map<String, String> awardNames) {
        List<AwardResults.Result> lines = results.results(campaignId);
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Integer> awardOrder = new HashMap<>();
        lines.forEach(r -> awardOrder.putIfAbsent(r.awardCode(), awardOrder.size()));
        Map<Long, String> names = candidates.candidateNamesInNameOrder(campaignId);
        Map<Long, Integer> nameOrder = new HashMap<>();
        names.keySet().forEach(n -> nameOrder.put(n, nameOrder.size()));
        return lines.stream().filter(r -> names.containsKey(r.nominationId()))
                .sorted(Comparator.comparing((AwardResults.Result r) -> awardOrder.get(r.awardCode()))
                        .thenComparing(AwardResults.Result::approvals, Comparator.reverseOrder())
                        .thenComparing(r -> nameOrder.get(r.nominationId())))
                .map(r -> new Count(awardNames.getOrDefault(r.awardCode(), r.awardCode()) + " · "
                        + names.get(r.nominationId()), r.approvals()))
                .toList();
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
