package io.laurel.intake.validation;

import io.laurel.intake.archive.UnpackedEntry;
import java.util.List;

/**
 * The result of reading and checking a package against the campaign's rules.
 *
 * @param problems  what the unit must fix before anything is registered (mailed to it)
 * @param decisions what the rules cannot decide (a task for association staff)
 * @param applicants every applicant folder; {@link Applicant#valid()} tells which may be registered
 */
public record Assessment(String unitName, SummaryTable summary, List<ClassifiedFile> unitFiles,
        List<Applicant> applicants, List<Finding> problems, List<Finding> decisions) {

    public List<Applicant> validApplicants() {
        return applicants.stream().filter(Applicant::valid).toList();
    }

    public record ClassifiedFile(UnpackedEntry entry, FileKind kind, String materialCode) {

        public String fileName() {
            return entry.fileName();
        }

        public String extension() {
            return entry.extension();
        }

        public long sizeBytes() {
            return entry.sizeBytes();
        }
    }

    /**
     * One applicant folder. {@code awardCode} is null when the award name matched none of the campaign's;
     * {@code row} is the applicant's summary-table row, null when there is none. {@code nonconformities} are
     * registered with the entry and cost points in the conformity review (seed 001 规范性) instead of refusing it.
     */
    public record Applicant(String folder, String name, String unitPart, String awardCode, String awardName,
            SummaryTable.Row row, List<ClassifiedFile> files, boolean valid, List<Finding> nonconformities) {

        public Applicant(String folder, String name, String unitPart, String awardCode, String awardName,
                SummaryTable.Row row, List<ClassifiedFile> files, boolean valid) {
            this(folder, name, unitPart, awardCode, awardName, row, files, valid, List.of());
        }
    }
}
