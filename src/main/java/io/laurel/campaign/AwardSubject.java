package io.laurel.campaign;

/** What an award is given to. */
public enum AwardSubject {
    INDIVIDUAL,
    TEAM,
    ORGANISATION,
    ENTRY
}
