package io.laurel.review;

import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
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
        Notice notice = new Notice("【" + campaign.getName() + "】复评截止:逾期评委名单",
                "人力资源部,您好:", List.of("复评已到截止时间。已收到评分 " + in + " / " + assigned
                        + " 份;达到三分之二后复评自动结束,未完成的评审将被取消。以下评委逾期,请督促:"), items);
        recipients.of("hr").forEach(to -> mail.sendNow(to, notice));
        execution.setVariable("reReviewDeadlinePassed", true);
    }
}
