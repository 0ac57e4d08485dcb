package io.laurel.organisation;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.identity.LaurelGroups;
import io.laurel.roster.EmployeeRepository;
import io.laurel.roster.RosterFileException;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks every row of an organisation file (or one entry typed in the console) against the campaign, its roster
 * and Camunda's users, and stores all or nothing: one bad row refuses the whole file with each row's reason.
 * A file replaces the campaign's entries of the kinds it contains (units are updated by name, never deleted,
 * because nominations point at them). People without a Camunda user get one and an invitation mail.
 */
@Service
public class OrganisationImporter {

    private static final Logger log = LoggerFactory.getLogger(OrganisationImporter.class);

    private final CampaignRepository campaigns;
    private final OrganisationStore store;
    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final IdentityService identity;
    private final Invitations invitations;
    private final Environment environment;
    private final ApplicationEventPublisher events;

    OrganisationImporter(CampaignRepository campaigns, OrganisationStore store, EmployeeRepository employees,
            UnitRepository units, IdentityService identity, Invitations invitations, Environment environment,
            ApplicationEventPublisher events) {
        this.campaigns = campaigns;
        this.store = store;
        this.employees = employees;
        this.units = units;
        this.identity = identity;
        this.invitations = invitations;
        this.environment = environment;
        this.events = events;
    }

    /**
     * @param problems  per-row reasons; when not empty nothing was stored
     * @param created   user ids created and invited
     * @param fatal     why the file as a whole was refused, or null
     */
    public record Report(int rowsRead, int stored, List<Problem> problems, List<String> created, String fatal) {

        public boolean ok() {
            return fatal == null && problems.isEmpty();
        }
    }

    public record Problem(int row, String subject, String reason) {
    }

    @Transactional
    public Report importFile(long campaignId, String fileName, byte[] content, String baseUrl) {
        OrganisationFile.Parsed parsed;
        try {
            parsed = OrganisationFile.read(fileName, content);
        } catch (RosterFileException e) {
            log.info("Organisation file {} for campaign {} refused: {}", fileName, campaignId, e.getMessage());
            return new Report(0, 0, List.of(), List.of(), e.getMessage());
        }
        List<Problem> problems = new ArrayList<>();
        parsed.problems().forEach(p -> problems.add(new Problem(p.row(), p.subject(), p.reason())));
        return apply(campaignId, parsed.rows(), problems, parsed.rows().size() + parsed.problems().size(), true,
                baseUrl);
    }

    /** One entry typed in the console, added to what the campaign has. */
    @Transactional
    public Report add(long campaignId, OrgRow row, String baseUrl) {
        return apply(campaignId, List.of(row), new ArrayList<>(), 1, false, baseUrl);
    }

    /** Makes a committee member the committee's chair (and no one else); false when they are not on the committee. */
    @Transactional
    public boolean setChair(long campaignId, String userId) {
        boolean set = store.setChair(campaignId, userId) > 0;
        if (set) {
            log.info("Campaign {}: committee chair set to {}", campaignId, userId);
            events.publishEvent(new CommitteeChairChanged(campaignId, userId));
        }
        return set;
    }

    @Transactional
    public void remove(long campaignId, OrgRow.Kind kind, String key) {
        store.remove(campaignId, kind, key);
    }

    private Report apply(long campaignId, List<OrgRow> rows, List<Problem> problems, int rowsRead, boolean replace,
            String baseUrl) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        check(campaign, rows, replace, problems);
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(Problem::row));
            log.info("Organisation for campaign {} refused: {} of {} rows have problems", campaignId, problems.size(),
                    rowsRead);
            return new Report(rowsRead, 0, problems, List.of(), null);
        }
        List<String> created = ensureUsers(campaign, rows, baseUrl);
        Set<OrgRow.Kind> kinds = EnumSet.noneOf(OrgRow.Kind.class);
        rows.forEach(r -> kinds.add(r.kind()));
        List<OrganisationStore.Head> heads = rows.stream().filter(r -> r.kind() == OrgRow.Kind.HEAD)
                .map(r -> new OrganisationStore.Head(r.department(), r.userId())).toList();
        List<OrganisationStore.Member> members = rows.stream().filter(r -> r.kind() == OrgRow.Kind.COMMITTEE)
                .map(r -> new OrganisationStore.Member(r.userId(), r.role(), r.chair())).toList();
        List<OrganisationStore.Judge> judges = rows.stream().filter(r -> r.kind() == OrgRow.Kind.JUDGE)
                .map(r -> new OrganisationStore.Judge(r.userId(), r.panel(), r.unit())).toList();
        if (replace) {
            if (kinds.contains(OrgRow.Kind.HEAD)) {
                store.replaceHeads(campaignId, heads);
            }
            if (kinds.contains(OrgRow.Kind.COMMITTEE)) {
                store.replaceCommittee(campaignId, members);
                events.publishEvent(new CommitteeChairChanged(campaignId, members.stream()
                        .filter(OrganisationStore.Member::chair).map(OrganisationStore.Member::userId).findFirst()
                        .orElse(null)));
            }
            if (kinds.contains(OrgRow.Kind.JUDGE)) {
                store.replaceJudges(campaignId, judges);
            }
        } else {
            heads.forEach(h -> store.addHead(campaignId, h));
            members.forEach(m -> store.addMember(campaignId, m));
            judges.forEach(j -> store.addJudge(campaignId, j));
        }
        rows.stream().filter(r -> r.kind() == OrgRow.Kind.UNIT).forEach(r -> units
                .findByCampaignIdAndName(campaignId, r.unit())
                .ifPresentOrElse(u -> u.updateContact(r.name(), r.phone(), r.email()),
                        () -> units.save(new Unit(campaignId, r.unit(), r.name(), r.phone(), r.email()))));
        log.info("Organisation for campaign {}: {} rows stored, {} users created", campaignId, rows.size(),
                created.size());
        return new Report(rowsRead, rows.size(), List.of(), created, null);
    }

    private void check(Campaign campaign, List<OrgRow> rows, boolean replace, List<Problem> problems) {
        long id = campaign.getId();
        Set<String> rosterDepartments = new LinkedHashSet<>(employees.findDepartments(id));
        Map<String, String> headByDepartment = new HashMap<>();
        Map<String, String> departmentByHead = new HashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        if (!replace) {
            store.heads(id).forEach(h -> {
                headByDepartment.put(h.department(), h.userId());
                departmentByHead.put(h.userId(), h.department());
            });
            store.committee(id).forEach(m -> firstRow.put("C:" + m.userId(), 0));
            store.judges(id).forEach(j -> firstRow.put("J:" + j.userId(), 0));
        }
        int firstChairRow = -1;
        for (OrgRow r : rows) {
            List<String> reasons = new ArrayList<>();
            if (r.chair()) {
                if (firstChairRow >= 0) {
                    reasons.add("委员会主任只能有一位(第 " + firstChairRow + " 行已填)");
                } else {
                    firstChairRow = r.row();
                }
            }
            boolean company = campaign.getKind() == CampaignKind.COMPANY;
            if (company && (r.kind() == OrgRow.Kind.JUDGE || r.kind() == OrgRow.Kind.UNIT)) {
                reasons.add("企业活动没有" + r.kind().label() + ",请删除此行(评委与会员单位只用于协会活动)");
            }
            if (!company && r.kind() == OrgRow.Kind.HEAD) {
                reasons.add("协会活动没有部门主管,请删除此行");
            }
            if (r.isPerson() && identity.createUserQuery().userId(r.userId()).count() == 0
                    && (r.name() == null || r.email() == null)) {
                reasons.add("用户「" + r.userId() + "」不存在:新用户请填写姓名和邮箱,系统会创建账号并发送设置密码的邀请邮件");
            }
            switch (r.kind()) {
                case HEAD -> {
                    if (!rosterDepartments.isEmpty() && !rosterDepartments.contains(r.department())) {
                        reasons.add("部门「" + r.department() + "」不在本活动的花名册中(花名册的部门:"
                                + String.join("、", rosterDepartments) + ")");
                    }
                    String other = headByDepartment.putIfAbsent(r.department(), r.userId());
                    if (other != null) {
                        reasons.add("部门「" + r.department() + "」重复:已由 " + other + " 担任主管,每个部门只能有一位主管");
                    }
                    String otherDepartment = departmentByHead.putIfAbsent(r.userId(), r.department());
                    if (otherDepartment != null && !otherDepartment.equals(r.department())) {
                        reasons.add("用户 " + r.userId() + " 已是「" + otherDepartment + "」的主管,一人只能负责一个部门");
                    }
                }
                case COMMITTEE -> duplicate(firstRow, "C:" + r.userId(), r, "评选委员", reasons);
                case JUDGE -> duplicate(firstRow, "J:" + r.userId(), r, "评委", reasons);
                case UNIT -> duplicate(firstRow, "U:" + r.unit(), r, "会员单位「" + r.unit() + "」", reasons);
            }
            if (!reasons.isEmpty()) {
                problems.add(new Problem(r.row(), r.isPerson() ? r.userId() : r.unit(), String.join(";", reasons)));
            }
        }
    }

    private static void duplicate(Map<String, Integer> firstRow, String key, OrgRow r, String what,
            List<String> reasons) {
        Integer first = firstRow.putIfAbsent(key, r.row());
        if (first != null) {
            reasons.add(what + (r.isPerson() ? " " + r.userId() : "") + " 重复"
                    + (first > 0 ? "(与第 " + first + " 行相同)" : "(已在名单中)"));
        }
    }

    /** Creates missing users (with an invitation) and adds everyone to the group their part needs. */
    private List<String> ensureUsers(Campaign campaign, List<OrgRow> rows, String baseUrl) {
        List<String> created = new ArrayList<>();
        for (OrgRow r : rows) {
            if (!r.isPerson()) {
                continue;
            }
            String group = switch (r.kind()) {
                case HEAD -> LaurelGroups.DEPARTMENT_HEADS;
                case COMMITTEE -> LaurelGroups.COMMITTEE;
                default -> judgeGroup(r.panel());
            };
            User user = identity.createUserQuery().userId(r.userId()).singleResult();
            if (user == null && !created.contains(r.userId())) {
                invitations.createAndInvite(r.userId(), r.name(), r.email(), List.of(group), baseUrl,
                        "您已被列为「" + campaign.getName() + "」的" + r.kind().label() + "。");
                created.add(r.userId());
            } else if (identity.createUserQuery().userId(r.userId()).memberOfGroup(group).count() == 0) {
                identity.createMembership(r.userId(), group);
            }
        }
        return created;
    }

    private String judgeGroup(JudgePanel panel) {
        String fallback = panel == JudgePanel.AUDIENCE ? "judges-audience" : "judges-expert";
        return environment.getProperty("laurel.judging.panels." + panel.code() + ".group", fallback);
    }

    /** The rows of the downloadable template: the header and one example of each kind. */
    static List<List<String>> templateRows() {
        return List.of(OrganisationFile.TEMPLATE_HEADER,
                List.of("部门主管", "wanglei", "王磊", "wanglei@example.com", "", "客服中心", "", "", "", ""),
                List.of("评选委员", "linfeng", "林峰", "linfeng@example.com", "", "", "高管", "", "", "是"),
                List.of("评委", "chenjing", "陈静", "chenjing@example.com", "", "", "", "专家评委", "某某客服协会", ""),
                List.of("会员单位", "", "赵敏", "zhaomin@unit.example.com", "13800000000", "", "", "", "某某科技有限公司", ""));
    }
}
