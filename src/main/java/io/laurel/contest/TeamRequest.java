package io.laurel.contest;

import java.util.List;

/** A team registration by API: the team, its organisation, a contact mailbox and exactly three members. */
record TeamRequest(String name, String organisation, String contactEmail, List<MemberRequest> members) {

    /** {@code organisation} may be left out; when given it must be the team's. */
    record MemberRequest(String name, String email, String mobile, String organisation) {
    }
}
