package io.laurel.selection;

import java.util.Map;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.review.NominationContext;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** After the ceremony: the results are final and the campaign closes; the committee gets the final list. */
@Component("campaignCloser")
class CampaignCloser implements JavaDelegate {

    private final NominationContext context;
    private final JdbcTemplate jdbc;
    private final MailService mail;
    private final GroupRecipients recipients;

    CampaignCloser(NominationContext context, JdbcTemplate jdbc, MailService mail, GroupRecipients recipients) {
        this.context = context;
        this.jdbc = jdbc;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<String> winners = jdbc.queryForList("select nomination_id from award_result where campaign_id = ? and "
                + "status = 'WINNER' order by award_code, nomination_id", Long.class, campaign.getId()).stream()
                .map(id -> context.load(campaign.getId(), id).label()).toList();
        campaign.markClosed();
        Map<String, Object> model = Map.of("campaignName", campaign.getName(), "winners", winners);
        recipients.of("committee").forEach(to -> mail.sendNow(to, "campaign-closed", model));
    }
}
