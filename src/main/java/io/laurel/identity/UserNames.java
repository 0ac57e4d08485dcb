package io.laurel.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** A person's name as pages show it: first and last name from the engine's users, the user id when there is none. */
@Component
public class UserNames {

    private final IdentityService identity;

    UserNames(IdentityService identity) {
        this.identity = identity;
    }

    /** The full name, the user id when the user has no name, null when the user does not exist. */
    public String nameOf(String userId) {
        User user = userId == null ? null : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return null;
        }
        String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return full.isEmpty() ? userId : full;
    }
}
