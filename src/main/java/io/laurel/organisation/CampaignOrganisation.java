package io.laurel.organisation;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.identity.LaurelGroups;
import io.laurel.identity.UserNames;
import io.laurel.roster.DepartmentHead;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.EmployeeRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who takes part in a campaign, as the processes ask it: the campaign's own organisation when staff set one up,
 * else the installation-wide fallback (the global department_head table and the Camunda groups — the demo data).
 */
@Service
public class CampaignOrganisation {

    private final OrganisationStore store;
    private final DepartmentHeadRepository globalHeads;
    private final EmployeeRepository employees;
    private final IdentityService identity;
    private final UserNames names;

    CampaignOrganisation(OrganisationStore store, DepartmentHeadRepository globalHeads, EmployeeRepository employees,
            IdentityService identity, UserNames names) {
        this.store = store;
        this.globalHeads = globalHeads;
        this.employees = employees;
        this.identity = identity;
        this.names = names;
    }

    /** Department → head user id. */
    @Transactional(readOnly = true)
    public Map<String, String> departmentHeads(long campaignId) {
        List<OrganisationStore.Head> own = store.heads(campaignId);
        if (!own.isEmpty()) {
            return own.stream().collect(Collectors.toMap(OrganisationStore.Head::department,
                    OrganisationStore.Head::userId, (a, b) -> a, java.util.TreeMap::new));
        }
        return globalHeads.findAll().stream().collect(Collectors.toMap(DepartmentHead::getDepartment,
                DepartmentHead::getUserId, (a, b) -> a, java.util.TreeMap::new));
    }

    public Optional<String> departmentOf(long campaignId, String userId) {
        return departmentHeads(campaignId).entrySet().stream().filter(e -> e.getValue().equals(userId))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The committee's user ids, sorted: the campaign's own, else the members of the committee group. */
    @Transactional(readOnly = true)
    public List<String> committee(long campaignId) {
        List<OrganisationStore.Member> own = store.committee(campaignId);
        if (!own.isEmpty()) {
            return own.stream().map(OrganisationStore.Member::userId).sorted().toList();
        }
        return identity.createUserQuery().memberOfGroup(LaurelGroups.COMMITTEE).orderByUserId().asc().list().stream()
                .map(User::getId).toList();
    }

    /** The member who chairs the campaign's own committee, when the organisation names one. */
    @Transactional(readOnly = true)
    public Optional<String> committeeChair(long campaignId) {
        return store.committee(campaignId).stream().filter(OrganisationStore.Member::chair)
                .map(OrganisationStore.Member::userId).findFirst();
    }

    /** The campaign's own judges of a panel (code), or empty when the campaign has none of its own. */
    @Transactional(readOnly = true)
    public Optional<List<String>> judges(long campaignId, String panelCode) {
        List<OrganisationStore.Judge> own = store.judges(campaignId);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(own.stream().filter(j -> j.panel().code().equals(panelCode))
                .map(OrganisationStore.Judge::userId).sorted().toList());
    }

    /** The unit a judge of this campaign works for, when the campaign's own organisation says. */
    public Optional<String> judgeUnit(long campaignId, String userId) {
        return store.judges(campaignId).stream().filter(j -> j.userId().equals(userId))
                .map(OrganisationStore.Judge::unit).filter(u -> u != null && !u.isBlank()).findFirst();
    }

    /**
     * Why the campaign cannot be launched yet, in Chinese; empty when it can. Company campaigns need a head for
     * every department on the roster and the committee of seed 002; association campaigns need judges.
     */
    @Transactional(readOnly = true)
    public List<String> launchProblems(Campaign campaign) {
        List<String> problems = new ArrayList<>();
        long id = campaign.getId();
        if (campaign.getKind() == CampaignKind.COMPANY) {
            Map<String, String> heads = departmentHeads(id);
            List<String> departments = employees.findDepartments(id);
            if (departments.isEmpty()) {
                problems.add("尚未导入花名册:请先上传本活动的员工花名册");
            }
            if (heads.isEmpty()) {
                problems.add("没有任何部门主管:请上传组织机构文件(类别「部门主管」)");
            } else if (!store.heads(id).isEmpty()) {
                List<String> headless = departments.stream().filter(d -> !heads.containsKey(d)).toList();
                if (!headless.isEmpty()) {
                    problems.add("以下部门有参评员工但没有部门主管:" + String.join("、", headless));
                }
            }
            List<OrganisationStore.Member> own = store.committee(id);
            if (own.isEmpty()) {
                if (committee(id).isEmpty()) {
                    problems.add("评选委员会为空:请在组织机构文件中填写评选委员(共 " + CommitteeRole.totalSeats() + " 人)");
                }
            } else {
                Map<CommitteeRole, Long> counts = own.stream().collect(Collectors.groupingBy(
                        OrganisationStore.Member::role, Collectors.counting()));
                List<String> wrong = new ArrayList<>();
                for (CommitteeRole role : CommitteeRole.values()) {
                    long have = counts.getOrDefault(role, 0L);
                    if (have != role.seats()) {
                        wrong.add(role.label() + "应 " + role.seats() + " 人,现 " + have + " 人");
                    }
                }
                if (!wrong.isEmpty()) {
                    problems.add("评选委员会不完整(共应 " + CommitteeRole.totalSeats() + " 人):" + String.join(";", wrong));
                }
            }
        } else if (store.judges(id).isEmpty() && !anyJudgeInGroups()) {
            problems.add("协会活动没有评委:请在组织机构文件中填写评委(类别「评委」,含评审组和所在单位)");
        }
        return problems;
    }

    private boolean anyJudgeInGroups() {
        return identity.createGroupQuery().groupIdIn("judges-expert", "judges-audience").list().stream()
                .anyMatch(g -> identity.createUserQuery().memberOfGroup(g.getId()).count() > 0);
    }

    /**
     * The organisation as the console shows it: the lists the processes will use. A list the campaign has not set
     * up itself is the installation's (the global heads table, the committee group — the demo data), marked so.
     */
    @Transactional(readOnly = true)
    public Overview overview(long campaignId) {
        Function<String, String> name = this::displayName;
        List<Person> heads = store.heads(campaignId).stream()
                .map(h -> new Person(h.userId(), name.apply(h.userId()), h.department())).toList();
        boolean installationHeads = heads.isEmpty();
        if (installationHeads) {
            heads = departmentHeads(campaignId).entrySet().stream()
                    .map(e -> new Person(e.getValue(), name.apply(e.getValue()), e.getKey())).toList();
        }
        List<Person> committee = store.committee(campaignId).stream().map(m -> new Person(m.userId(),
                name.apply(m.userId()), m.role().label() + (m.chair() ? " · 委员会主任" : ""))).toList();
        boolean installationCommittee = committee.isEmpty();
        if (installationCommittee) {
            committee = committee(campaignId).stream().map(u -> new Person(u, name.apply(u), "评选委员用户组(committee)"))
                    .toList();
        }
        return new Overview(heads, committee, store.judges(campaignId).stream().map(j -> new Person(j.userId(),
                name.apply(j.userId()), j.panel().label() + (j.unit() == null ? "" : " · " + j.unit()))).toList(),
                installationHeads && !heads.isEmpty(), installationCommittee && !committee.isEmpty());
    }

    String displayName(String userId) {
        String name = names.nameOf(userId);
        return name == null ? userId + "(账号不存在)" : name;
    }

    /** @param detail the department, the committee role, or the judge's panel and unit */
    public record Person(String userId, String name, String detail) {
    }

    /**
     * @param installationHeads     the heads shown are the installation's, not the campaign's own
     * @param installationCommittee the committee shown is the committee group's, not the campaign's own
     */
    public record Overview(List<Person> heads, List<Person> committee, List<Person> judges,
            boolean installationHeads, boolean installationCommittee) {
    }
}
