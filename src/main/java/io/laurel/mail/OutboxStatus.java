package io.laurel.mail;

public enum OutboxStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Claimed by a node that is sending it now; the claim expires if that node dies. */
    SENDING,
    SENT,
    /** Gave up after the configured number of attempts; staff see it in the outbox. */
    FAILED
}
