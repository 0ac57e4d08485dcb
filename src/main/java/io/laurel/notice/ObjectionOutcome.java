package io.laurel.notice;

import io.laurel.mail.MailService;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import io.laurel.review.NominationMail;
import io.laurel.vote.AwardResults;
import java.util.Map;
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
        nominationMail.toCandidate(loaded, "objection-upheld",
                Map.of("reason", String.valueOf(objection.getDecisionReason())));
        tellObjector(objection, loaded.campaign().getName(), true);
    }

    void recordDismissal(DelegateExecution execution) {
        Objection objection = objection(execution);
        var loaded = context.load(objection.getCampaignId(), objection.getNominationId());
        tellObjector(objection, loaded.campaign().getName(), false);
    }

    private void tellObjector(Objection objection, String campaignName, boolean upheld) {
        if (objection.getObjectorContact().contains("@")) {
            mail.sendNow(objection.getObjectorContact(), "objection-outcome", Map.of("campaignName", campaignName,
                    "objectorName", objection.getObjectorName(), "upheld", upheld,
                    "reason", String.valueOf(objection.getDecisionReason())));
        }
    }

    private Objection objection(DelegateExecution execution) {
        return objections.findById(((Number) execution.getVariable("objectionId")).longValue()).orElseThrow();
    }
}
