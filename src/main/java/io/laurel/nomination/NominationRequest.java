package io.laurel.nomination;

/**
 * A nomination from outside the department heads' tasks: self (自荐), peer (同事互评) or customer (客户推荐).
 * The candidate is named by employee number; the nominator by name and contact.
 */
public record NominationRequest(String channel, String awardCode, String employeeNumber, String nominatorName,
        String nominatorContact, String reason) {
}
