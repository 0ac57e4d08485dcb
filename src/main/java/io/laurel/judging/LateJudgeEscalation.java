package io.laurel.judging;

import io.laurel.identity.LaurelGroups;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import io.laurel.review.LateReviewers;
import io.laurel.review.NominationContext;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The judges' deadline has passed: association staff learn which judges are late with how many open tasks, and
 * the phase may now end as soon as the quorum of assigned scores is in.
 */
@Component("lateJudgeEscalation")
class LateJudgeEscalation implements JavaDelegate {

    private final NominationContext context;
    private final LateReviewers lateReviewers;
    private final MailService mail;
    private final GroupRecipients recipients;

    LateJudgeEscalation(NominationContext context, LateReviewers lateReviewers, MailService mail,
            GroupRecipients recipients) {
        this.context = context;
        this.lateReviewers = lateReviewers;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<String> items = lateReviewers.lines(execution.getProcessInstanceId(), "任务", "signJudgeDeclaration",
                "scoreEntries");
        int assigned = ((Number) execution.getVariable("scoresAssigned")).intValue();
        int in = ((Number) execution.getVariable("scoresIn")).intValue();
        int quorum = ((Number) execution.getVariable("quorumScores")).intValue();
        Notice notice = new Notice("【" + campaign.getName() + "】评分截止:逾期评委名单", "协会秘书处,您好:",
                List.of("评委评分已到截止时间。已收到评分 " + in + " / " + assigned + " 份;收到 " + quorum
                        + " 份后评分阶段自动结束,未完成的评分将被取消。以下评委逾期,请督促:"), items);
        recipients.of(LaurelGroups.ASSOCIATION_STAFF).forEach(to -> mail.sendNow(to, notice));
        execution.setVariable("judgingDeadlinePassed", true);
    }
}
