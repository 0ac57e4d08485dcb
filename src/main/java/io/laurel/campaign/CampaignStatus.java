package io.laurel.campaign;

public enum CampaignStatus {
    /** Created from a preset; roster and settings may still change. */
    DRAFT,
    /** Its award-selection process instance is running. */
    RUNNING,
    /** The process has ended (ceremony held or campaign cancelled). */
    CLOSED
}
