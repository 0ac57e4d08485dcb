package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.mail.MailService;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import io.laurel.process.AwardSelection;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records the entry check of an entry: the confirmed 规范性 (one nonconformity per non-blank line of the form, 10
 * points minus one per nonconformity, never below 0) and the 入门审核. An entry not admitted (不予入围, seed 003:
 * only 入围企业 go to the experts) is recorded with its reason, its nomination becomes INELIGIBLE (no judges, no
 * rank) and the organisation is told why by mail.
 */
@Component("conformityRecorder")
class ConformityRecorder implements TaskListener {

    static final String ADMITTED = "ADMITTED";
    static final String NOT_ADMITTED = "NOT_ADMITTED";

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingPlan plan;
    private final JudgingRecords records;
    private final IdentityService identity;
    private final Clock clock;
    private final NominationRepository nominations;
    private final MailService mail;

    ConformityRecorder(NominationContext context, EntryFacts facts, JudgingPlan plan, JudgingRecords records,
            IdentityService identity, Clock clock, NominationRepository nominations, MailService mail) {
        this.context = context;
        this.facts = facts;
        this.plan = plan;
        this.records = records;
        this.identity = identity;
        this.clock = clock;
        this.nominations = nominations;
        this.mail = mail;
    }

    @Override
    public void notify(DelegateTask task) {
        Campaign campaign = context.campaign(task);
        Nomination entry = facts.nomination(AwardSelection.campaignId(task.getVariable("entryId")));
        Object text = task.getVariable("nonconformities");
        List<String> items = text == null ? List.of() : text.toString().lines().map(String::strip)
                .filter(l -> !l.isEmpty()).toList();
        String confirmedBy = task.getAssignee() != null ? task.getAssignee()
                : identity.getCurrentAuthentication() != null ? identity.getCurrentAuthentication().getUserId() : null;
        if (confirmedBy == null) {
            throw new ProcessEngineException("请先认领该任务再确认规范性");
        }
        boolean admitted = !NOT_ADMITTED.equals(task.getVariable("admission"));
        Object reasonValue = task.getVariable("admissionReason");
        String reason = reasonValue == null ? "" : reasonValue.toString().strip();
        if (!admitted && reason.isEmpty()) {
            throw new ProcessEngineException("请填写不予入围的原因(将通知申报者)");
        }
        records.confirmConformity(entry.getId(), items.isEmpty() ? null : String.join("\n", items), items.size(),
                points(plan, campaign, items.size()), confirmedBy, clock.instant());
        boolean wasAdmitted = records.admission(entry.getId()).admitted();
        records.recordAdmission(entry.getId(), admitted, admitted ? null : reason);
        if (!admitted) {
            entry.changeStatus(NominationStatus.INELIGIBLE);
            nominations.save(entry);
            if (wasAdmitted) {
                tellNotAdmitted(campaign, entry, reason);
            }
        } else if (entry.getStatus() == NominationStatus.INELIGIBLE && !wasAdmitted) {
            entry.changeStatus(NominationStatus.SUBMITTED);
            nominations.save(entry);
        }
    }

    /** The organisation's contact (the address its package came from) learns that it is not admitted, and why. */
    private void tellNotAdmitted(Campaign campaign, Nomination entry, String reason) {
        String contact = entry.getNominatorContact();
        if (contact == null || !contact.contains("@")) {
            return;
        }
        String award = campaign.award(entry.getAwardCode()).map(a -> a.getName()).orElse(campaign.getName());
        mail.queue(contact.strip(), "entry-not-admitted", Map.of("campaignName", campaign.getName(),
                "campaignId", campaign.getId(), "awardName", award, "candidateName", entry.getCandidateName(),
                "nominationId", entry.getId(), "reason", reason));
    }

    /** 规范性 points: the rubric item's maximum (10) minus the deduction per nonconformity, floor 0. */
    static BigDecimal points(JudgingPlan plan, Campaign campaign, int nonconformities) {
        int max = plan.conformityCriterion(campaign).map(c -> c.maxPoints()).orElse(10);
        return BigDecimal.valueOf(Math.max(0, max - nonconformities * plan.deductionPerIssue(campaign)));
    }
}
