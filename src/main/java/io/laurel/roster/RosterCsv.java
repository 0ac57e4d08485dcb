package io.laurel.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a roster as CSV with the Chinese headers, in the form {@link RosterImporter} reads back. */
public final class RosterCsv {

    private RosterCsv() {
    }

    /**
     * The CSV text; encode it as UTF-8. (For a file opened by double-click in Excel on Chinese Windows,
     * prefix a BOM, or Excel reads it as GBK.)
     */
    public static String toCsv(List<Employee> employees) {
        StringBuilder out = new StringBuilder(employees.size() * 160);
        String[] headers = Arrays.stream(RosterColumn.values()).map(RosterColumn::chineseName).toArray(String[]::new);
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(headers).get())) {
            for (Employee e : employees) {
                printer.printRecord(e.getEmployeeNumber(), e.getName(), e.getDepartment(), e.getPositionGroup(),
                        e.getHireDate(), e.getEmploymentType() == null ? null : e.getEmploymentType().label(),
                        plain(e.getSatisfactionScore()), e.getMajorComplaints12m(), e.getViolations(), e.getEmail(),
                        e.getMobile(), e.getServiceVolume(), plain(e.getResolutionRate()),
                        plain(e.getAvgResponseMinutes()), plain(e.getSkillsTestScore()), pastWins(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros().toPlainString();
    }

    private static String pastWins(Employee employee) {
        return employee.getPastWins().stream()
                .sorted(Comparator.comparing(AwardWin::getAwardCode).thenComparing(AwardWin::getYear))
                .map(w -> w.getAwardCode() + ":" + w.getYear())
                .collect(Collectors.joining(";"));
    }
}
