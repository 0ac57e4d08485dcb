package io.laurel.review;

import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Mails about one nomination go to the candidate and, when it gave an email address, the nominator. */
@Component
public class NominationMail {

    private final MailService mail;

    NominationMail(MailService mail) {
        this.mail = mail;
    }

    public void toCandidateAndNominator(NominationContext.Loaded loaded, Notice notice) {
        Set<String> recipients = new LinkedHashSet<>();
        if (loaded.candidate() != null && loaded.candidate().getEmail() != null) {
            recipients.add(loaded.candidate().getEmail());
        }
        String contact = loaded.nomination().getNominatorContact();
        if (contact != null && contact.contains("@")) {
            recipients.add(contact.trim());
        }
        recipients.forEach(to -> mail.sendNow(to, notice));
    }

    public void toCandidate(NominationContext.Loaded loaded, Notice notice) {
        if (loaded.candidate() != null && loaded.candidate().getEmail() != null) {
            mail.sendNow(loaded.candidate().getEmail(), notice);
        }
    }
}
