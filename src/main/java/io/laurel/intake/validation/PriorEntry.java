package io.laurel.intake.validation;

import java.time.Instant;

/** An applicant or entry a unit registered from an earlier mail of the same campaign. */
public record PriorEntry(String name, String awardCode, String awardName, Instant registeredAt) {

    /** The same applicant for the same award (for an essay: the same author with the same work). */
    boolean sameAs(Assessment.Applicant applicant) {
        return name.equals(applicant.name()) && awardCode.equals(applicant.awardCode())
                && (awardName == null || awardName.equals(applicant.awardName()));
    }
}
