package io.laurel.mail;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The e-mail addresses of a Camunda group's members, e.g. everyone in {@code hr}. */
@Component
public class GroupRecipients {

    private final IdentityService identity;

    GroupRecipients(IdentityService identity) {
        this.identity = identity;
    }

    public Set<String> of(String groupId) {
        Set<String> emails = new LinkedHashSet<>();
        identity.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().list().stream().map(User::getEmail)
                .filter(Objects::nonNull).filter(e -> !e.isBlank()).forEach(emails::add);
        return emails;
    }
}
