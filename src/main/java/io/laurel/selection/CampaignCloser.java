package io.laurel.selection;

import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.review.NominationContext;
import io.laurel.vote.AwardResults;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the ceremony: the results are final and the campaign closes; the committee gets the final list. */
@Component("campaignCloser")
class CampaignCloser implements JavaDelegate {

    private final NominationContext context;
    private final AwardResults results;
    private final MailService mail;
    private final GroupRecipients recipients;

    CampaignCloser(NominationContext context, AwardResults results, MailService mail, GroupRecipients recipients) {
        this.context = context;
        this.results = results;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<String> winners = results.winners(campaign.getId()).stream()
                .map(r -> context.load(campaign.getId(), r.nominationId()).label()).toList();
        campaign.markClosed();
        Map<String, Object> model = Map.of("campaignName", campaign.getName(), "winners", winners);
        recipients.of("committee").forEach(to -> mail.sendNow(to, "campaign-closed", model));
    }
}
