package io.laurel.review;

import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The eligible nominations of a campaign with their candidates, grouped by position group (分组评比):
 * what the initial review scores, shows HR and publishes.
 */
@Component
class PositionGroups {

    private final NominationRepository nominations;
    private final EmployeeRepository employees;

    PositionGroups(NominationRepository nominations, EmployeeRepository employees) {
        this.nominations = nominations;
        this.employees = employees;
    }

    record Eligible(List<Nomination> nominations, Map<Long, Employee> candidates) {

        Employee candidate(Nomination n) {
            return candidates.get(n.getEmployeeId());
        }

        Map<String, List<Nomination>> byGroup() {
            return nominations.stream().collect(Collectors.groupingBy(n -> candidate(n).getPositionGroup()));
        }

        int groupSize(Nomination n) {
            String group = candidate(n).getPositionGroup();
            return (int) nominations.stream().filter(o -> candidate(o).getPositionGroup().equals(group)).count();
        }
    }

    Eligible of(Long campaignId) {
        List<Nomination> eligible = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.ELIGIBLE));
        Map<Long, Employee> candidates = employees.findAllById(eligible.stream().map(Nomination::getEmployeeId)
                .toList()).stream().collect(Collectors.toMap(Employee::getId, Function.identity()));
        return new Eligible(eligible, candidates);
    }
}
