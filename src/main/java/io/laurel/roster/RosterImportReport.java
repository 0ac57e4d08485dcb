package io.laurel.roster;

import java.util.List;

/**
 * The outcome of one roster upload, returned as JSON. When {@code fatal} is set nothing was stored;
 * {@code rejected} may then still explain why no row was usable.
 *
 * @param rowsRead       non-blank data rows below the header
 * @param imported       new employees stored
 * @param updated        employees already in the campaign, overwritten from the file
 * @param rejected       rows not imported, with the reason
 * @param ignoredColumns header cells that match no known column (a typo there would drop data silently)
 * @param fatal          why the whole file was refused, or null
 */
public record RosterImportReport(int rowsRead, int imported, int updated, List<Rejection> rejected,
        List<String> ignoredColumns, String fatal) {

    /**
     * @param row            the row number Excel shows (the header is usually row 1, so data starts at 2)
     * @param employeeNumber the row's 工号, or null when it has none
     * @param reason         Chinese, every problem of the row
     */
    public record Rejection(int row, String employeeNumber, String reason) {
    }

    static RosterImportReport fatal(String reason) {
        return new RosterImportReport(0, 0, 0, List.of(), List.of(), reason);
    }
}
