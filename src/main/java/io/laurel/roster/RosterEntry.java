package io.laurel.roster;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of {@code GET /api/campaigns/{id}/roster}: the fields HR checks after an import. */
public record RosterEntry(String employeeNumber, String name, String department, String positionGroup,
        LocalDate hireDate, EmploymentType employmentType, BigDecimal satisfactionScore) {
}
