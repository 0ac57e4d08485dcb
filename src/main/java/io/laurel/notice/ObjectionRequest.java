package io.laurel.notice;

/** An objection as submitted: who raises it, how to reach them, against which winner, and why. */
public record ObjectionRequest(String objectorName, String objectorContact, Long nominationId, String reason) {
}
