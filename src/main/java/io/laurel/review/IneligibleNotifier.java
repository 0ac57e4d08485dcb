package io.laurel.review;

import io.laurel.mail.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells candidate and nominator that the nomination does not meet the conditions, and why. */
@Component("ineligibleNotifier")
class IneligibleNotifier implements JavaDelegate {

    private final NominationContext context;
    private final NominationMail mail;

    IneligibleNotifier(NominationContext context, NominationMail mail) {
        this.context = context;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NominationContext.Loaded loaded = context.load(execution, "nominationId");
        var nomination = loaded.nomination();
        String reason = nomination.getOverrideReason() != null ? nomination.getOverrideReason()
                : nomination.getRuleReason();
        mail.toCandidateAndNominator(loaded, Notice.of(
                "【" + loaded.campaign().getName() + "】资格审核结果",
                nomination.getCandidateName() + " 及推荐人,您好:",
                "经人力资源部资格审核,您参评「" + loaded.awardName() + "」的提名不符合参选条件,本次未能进入初评。",
                "原因:" + reason,
                "感谢您的参与,欢迎下届继续参评。"));
    }
}
