package io.laurel.notice;

import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import io.laurel.review.NominationMail;
import io.laurel.vote.AwardResults;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What follows a decided objection: upheld removes the winner (the award may fall short of its quota)
 * and tells them; either way the objector hears the outcome when they left an email address.
 */
@Component
class ObjectionOutcome {

    private final ObjectionRepository objections;
    private final NominationContext context;
    private final NominationMail nominationMail;
    private final MailService mail;
    private final AwardResults results;

    ObjectionOutcome(ObjectionRepository objections, NominationContext context, NominationMail nominationMail,
            MailService mail, AwardResults results) {
        this.objections = objections;
        this.context = context;
        this.nominationMail = nominationMail;
        this.mail = mail;
        this.results = results;
    }

    void removeWinner(DelegateExecution execution) {
        Objection objection = objection(execution);
        var loaded = context.load(objection.getCampaignId(), objection.getNominationId());
        loaded.nomination().changeStatus(NominationStatus.REVOKED);
        results.revokeWinner(objection.getCampaignId(), objection.getNominationId(),
                "公示期异议成立,取消获奖资格 (异议 " + objection.getId() + ")");
        nominationMail.toCandidate(loaded, Notice.of("【" + loaded.campaign().getName() + "】公示异议调查结果",
                loaded.nomination().getCandidateName() + ",您好:",
                "公示期间收到针对您获得「" + loaded.awardName() + "」的异议,经评选委员会调查核实,异议成立,您的获奖资格已被取消。",
                "调查结论:" + objection.getDecisionReason()));
        tellObjector(objection, loaded.campaign().getName(), "经调查核实,您提出的异议成立,相关获奖资格已被取消。");
    }

    void recordDismissal(DelegateExecution execution) {
        Objection objection = objection(execution);
        var loaded = context.load(objection.getCampaignId(), objection.getNominationId());
        tellObjector(objection, loaded.campaign().getName(), "经调查核实,您提出的异议不成立,理由:"
                + objection.getDecisionReason());
    }

    private void tellObjector(Objection objection, String campaignName, String text) {
        if (objection.getObjectorContact().contains("@")) {
            mail.sendNow(objection.getObjectorContact(), Notice.of("【" + campaignName + "】异议处理结果",
                    objection.getObjectorName() + ",您好:", "感谢您在公示期内提出的异议。", text));
        }
    }

    private Objection objection(DelegateExecution execution) {
        return objections.findById(((Number) execution.getVariable("objectionId")).longValue()).orElseThrow();
    }

    @Component("winnerRemover")
    static class WinnerRemover implements org.camunda.bpm.engine.delegate.JavaDelegate {

        private final ObjectionOutcome outcome;

        WinnerRemover(ObjectionOutcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public void execute(DelegateExecution execution) {
            outcome.removeWinner(execution);
        }
    }

    @Component("dismissalRecorder")
    static class DismissalRecorder implements org.camunda.bpm.engine.delegate.JavaDelegate {

        private final ObjectionOutcome outcome;

        DismissalRecorder(ObjectionOutcome outcome) {
            this.outcome = outcome;
        }

        @Override
        public void execute(DelegateExecution execution) {
            outcome.recordDismissal(execution);
        }
    }
}
