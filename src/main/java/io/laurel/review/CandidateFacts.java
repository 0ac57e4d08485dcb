package io.laurel.review;

import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Derives the eligibility inputs of design.md §3 from the roster: whole months of tenure at the
 * nomination deadline, and the candidate's satisfaction position within their department as a
 * percentage from the top (3rd of 10 = 30; equal scores share the better position).
 */
@Component
class CandidateFacts {

    private final EmployeeRepository employees;

    CandidateFacts(EmployeeRepository employees) {
        this.employees = employees;
    }

    /** The DMN inputs for one nomination; the department's scores are sorted once, as for a whole roster. */
    Map<String, Object> eligibilityInputs(Employee candidate, String awardCode, LocalDate deadline) {
        List<Employee> department = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(
                candidate.getCampaignId(), candidate.getDepartment());
        Double topPercent = new EligibilityScreening.DepartmentScores(department).topPercent(candidate);
        return EligibilityScreening.inputsOf(candidate, awardCode, deadline, topPercent).asMap();
    }

    static int tenureMonths(LocalDate hireDate, LocalDate deadline) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(hireDate, deadline));
    }

    static double percent(long position, long size) {
        return BigDecimal.valueOf(position * 100).divide(BigDecimal.valueOf(size), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
