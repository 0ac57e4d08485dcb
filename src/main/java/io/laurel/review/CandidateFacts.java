package io.laurel.review;

import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.roster.EmploymentType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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

    Map<String, Object> eligibilityInputs(Employee candidate, String awardCode, LocalDate deadline) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("formalEmployee", candidate.getEmploymentType() == EmploymentType.FORMAL);
        inputs.put("tenureMonths", tenureMonths(candidate.getHireDate(), deadline));
        inputs.put("satisfactionTopPercent", satisfactionTopPercent(candidate));
        inputs.put("majorComplaints12m", candidate.getMajorComplaints12m());
        inputs.put("violations", candidate.getViolations());
        // "Years in a row, up to last year": the campaign year is the deadline's year.
        inputs.put("consecutiveWinsSameAward", candidate.consecutiveWins(awardCode, deadline.getYear() - 1));
        return inputs;
    }

    static int tenureMonths(LocalDate hireDate, LocalDate deadline) {
        return (int) Math.max(0, ChronoUnit.MONTHS.between(hireDate, deadline));
    }

    Double satisfactionTopPercent(Employee candidate) {
        if (candidate.getSatisfactionScore() == null) {
            return null;
        }
        List<Employee> department = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(
                candidate.getCampaignId(), candidate.getDepartment());
        long scored = department.stream().filter(e -> e.getSatisfactionScore() != null).count();
        long better = department.stream().filter(e -> e.getSatisfactionScore() != null)
                .filter(e -> e.getSatisfactionScore().compareTo(candidate.getSatisfactionScore()) > 0).count();
        return percent(better + 1, scored);
    }

    static double percent(long position, long size) {
        return BigDecimal.valueOf(position * 100).divide(BigDecimal.valueOf(size), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
