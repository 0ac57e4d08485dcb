package io.laurel.review;

import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.nomination.TeamMembers;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The eligible nominations of a campaign with their candidates, grouped by position group (分组评比):
 * what the initial review scores, shows HR and publishes. Teams (优秀服务团队) form a group of their own,
 * {@value #TEAM_GROUP}: a team is compared with teams, not with the people of its contact's position.
 */
@Component
class PositionGroups {

    static final String TEAM_GROUP = "服务团队";

    private final NominationRepository nominations;
    private final EmployeeRepository employees;
    private final TeamMembers teams;

    PositionGroups(NominationRepository nominations, EmployeeRepository employees, TeamMembers teams) {
        this.nominations = nominations;
        this.employees = employees;
        this.teams = teams;
    }

    /** @param members the members of each team nomination (none for a nomination of one person) */
    record Eligible(List<Nomination> nominations, Map<Long, Employee> candidates, Map<Long, List<Employee>> members) {

        Employee candidate(Nomination n) {
            return candidates.get(n.getEmployeeId());
        }

        List<Employee> members(Nomination n) {
            return members.getOrDefault(n.getId(), List.of());
        }

        String group(Nomination n) {
            return members(n).isEmpty() ? candidate(n).getPositionGroup() : TEAM_GROUP;
        }

        Map<String, List<Nomination>> byGroup() {
            return nominations.stream().collect(Collectors.groupingBy(this::group));
        }

        int groupSize(Nomination n) {
            String group = group(n);
            return (int) nominations.stream().filter(o -> group(o).equals(group)).count();
        }
    }

    Eligible of(Long campaignId) {
        List<Nomination> eligible = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.ELIGIBLE));
        Map<Long, Employee> candidates = employees.findAllById(eligible.stream().map(Nomination::getEmployeeId)
                .toList()).stream().collect(Collectors.toMap(Employee::getId, Function.identity()));
        Map<Long, List<Employee>> members = new java.util.HashMap<>();
        eligible.forEach(n -> {
            List<Employee> team = teams.of(n.getId());
            if (!team.isEmpty()) {
                members.put(n.getId(), team);
            }
        });
        return new Eligible(eligible, candidates, members);
    }
}
