package io.laurel.nomination;

public enum NominationStatus {
    SUBMITTED,
    AWAITING_SUPPLEMENT,
    ELIGIBLE,
    INELIGIBLE,
    WITHDRAWN,
    ADVANCED,
    ELIMINATED,
    WINNER
}
