package io.laurel.nomination;

public enum NominationStatus {
    /** Received; eligibility not yet reviewed. */
    SUBMITTED,
    /** Eligible, waiting for missing materials within the supplement window. */
    AWAITING_SUPPLEMENT,
    ELIGIBLE,
    INELIGIBLE,
    /** Dropped after the supplement window passed without the missing materials. */
    DROPPED,
    WITHDRAWN,
    /** Passed the initial review (top 50% of the position group). */
    ADVANCED,
    ELIMINATED,
    /** On the final ballot. */
    FINALIST,
    WINNER,
    /** Won, then removed after an upheld objection. */
    REVOKED,
    NOT_SELECTED
}
