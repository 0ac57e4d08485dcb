package io.laurel.review;

import java.util.Map;
import java.util.HashMap;
import io.laurel.mail.MailService;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Mails about one nomination go to the candidate and, when it gave an email address, the nominator. Every such
 * template gets campaignName, campaignId, awardName, candidateName and nominationId besides its own model.
 */
@Component
public class NominationMail {

    private final MailService mail;

    NominationMail(MailService mail) {
        this.mail = mail;
    }

    public void toCandidateAndNominator(NominationContext.Loaded loaded, String template, Map<String, Object> model) {
        Set<String> recipients = new LinkedHashSet<>();
        if (loaded.candidate() != null && loaded.candidate().getEmail() != null) {
            recipients.add(loaded.candidate().getEmail());
        }
        String contact = loaded.nomination().getNominatorContact();
        if (contact != null && contact.contains("@")) {
            recipients.add(contact.trim());
        }
        Map<String, Object> all = withNomination(loaded, model);
        recipients.forEach(to -> mail.sendNow(to, template, all));
    }

    public void toCandidate(NominationContext.Loaded loaded, String template, Map<String, Object> model) {
        if (loaded.candidate() != null && loaded.candidate().getEmail() != null) {
            mail.sendNow(loaded.candidate().getEmail(), template, withNomination(loaded, model));
        }
    }

    private static Map<String, Object> withNomination(NominationContext.Loaded loaded, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        all.put("campaignName", loaded.campaign().getName());
        all.put("campaignId", loaded.campaign().getId());
        all.put("awardName", loaded.awardName());
        all.put("candidateName", loaded.nomination().getCandidateName());
        all.put("nominationId", loaded.nomination().getId());
        return all;
    }
}
