package io.laurel.review;

import java.util.Map;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The re-review deadline has passed: HR learns which members are late with how many reviews, and the
 * phase may now end as soon as two thirds of the assigned scores are in.
 */
@Component("lateMemberEscalation")
class LateMemberEscalation implements JavaDelegate {

    private final NominationContext context;
    private final LateReviewers lateReviewers;
    private final MailService mail;
    private final GroupRecipients recipients;

    LateMemberEscalation(NominationContext context, LateReviewers lateReviewers, MailService mail,
            GroupRecipients recipients) {
        this.context = context;
        this.lateReviewers = lateReviewers;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<String> items = lateReviewers.lines(execution.getProcessInstanceId(), "评审", "signDeclaration",
                "scoreCandidates");
        int assigned = ((Number) execution.getVariable("scoresAssigned")).intValue();
        int in = ((Number) execution.getVariable("scoresIn")).intValue();
        Map<String, Object> model = Map.of("campaignName", campaign.getName(), "campaignId", campaign.getId(),
                "scoresIn", in, "scoresAssigned", assigned, "late", items);
        recipients.of("hr").forEach(to -> mail.sendNow(to, "review-late-members", model));
        execution.setVariable("reReviewDeadlinePassed", true);
    }
}
