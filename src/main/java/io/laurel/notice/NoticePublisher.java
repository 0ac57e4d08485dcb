package io.laurel.notice;

import io.laurel.calendar.WorkCalendar;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.review.NominationContext;
import io.laurel.scoring.AssociationResults;
import io.laurel.vote.AwardResults;
import java.text.SimpleDateFormat;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the winners list (公示) for 5 working days — counted on the China working-day calendar —
 * and tells winners and HR. The end of the window is a process variable the notice timer waits for.
 */
@Component("noticePublisher")
class NoticePublisher implements JavaDelegate {

    static final int NOTICE_WORKING_DAYS = 5;

    private final NominationContext context;
    private final WorkCalendar calendar;
    private final AwardResults results;
    private final MailService mail;
    private final GroupRecipients recipients;
    private final Clock clock;
    private final AssociationResults associationResults;

    NoticePublisher(NominationContext context, WorkCalendar calendar, AwardResults results, MailService mail,
            GroupRecipients recipients, Clock clock, AssociationResults associationResults) {
        this.associationResults = associationResults;
        this.context = context;
        this.calendar = calendar;
        this.results = results;
        this.mail = mail;
        this.recipients = recipients;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        Date endsAt = calendar.endOfWorkingDays(Date.from(clock.instant()), NOTICE_WORKING_DAYS);
        execution.setVariable("noticeEndsAt", endsAt);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm");
        format.setTimeZone(TimeZone.getTimeZone(campaign.zoneId()));
        // award_code of the result, not of the nomination: an association entry wins a prize (一等奖 ...).
        List<AwardResults.Result> winners = results.winners(campaign.getId());
        List<String> lines = winners.stream().map(w -> label(campaign, w)).toList();
        for (AwardResults.Result winner : winners) {
            var loaded = context.load(campaign.getId(), winner.nominationId());
            String awardName = awardName(campaign, winner);
            String to = loaded.candidate() != null ? loaded.candidate().getEmail()
                    : loaded.nomination().getEmployeeId() == null && loaded.nomination().getNominatorContact() != null
                            && loaded.nomination().getNominatorContact().contains("@")
                                    ? loaded.nomination().getNominatorContact() : null;
            if (to != null) {
                String name = loaded.candidate() != null ? loaded.nomination().getCandidateName()
                        : loaded.nomination().getNominator() + "（" + loaded.nomination().getCandidateName() + "）";
                mail.sendNow(to, "notice-winner", Map.of("campaignName", campaign.getName(),
                        "campaignId", campaign.getId(), "name", name, "awardName", awardName,
                        "workingDays", NOTICE_WORKING_DAYS, "endsAt", format.format(endsAt)));
            }
        }
        // The group running the campaign: HR for company campaigns, association staff for association ones.
        String operators = execution.getVariable("operatorGroup") instanceof String g ? g : "hr";
        Map<String, Object> toOperators = new java.util.HashMap<>(Map.of("campaignName", campaign.getName(),
                "campaignId", campaign.getId(), "operatorsName", "hr".equals(operators) ? "人力资源部" : "协会秘书处",
                "endsAt", format.format(endsAt), "winners", lines));
        // Where the seed gives no weights (seed 003): whether the list was scored with Laurel's default weights.
        toOperators.put("weightsNote", "hr".equals(operators) ? null : associationResults.weightsNote(campaign.getId()));
        recipients.of(operators).forEach(to -> mail.sendNow(to, "notice-published", toOperators));
    }

    private String awardName(io.laurel.campaign.Campaign campaign, AwardResults.Result winner) {
        String code = winner.awardCode();
        return campaign.award(code).map(a -> a.getName()).orElse(code);
    }

    /** As NominationContext's label, with the award won. */
    private String label(io.laurel.campaign.Campaign campaign, AwardResults.Result winner) {
        var loaded = context.load(campaign.getId(), winner.nominationId());
        String where = loaded.candidate() != null ? "(" + loaded.candidate().getDepartment() + ")"
                : loaded.nomination().getNominator() != null ? "(" + loaded.nomination().getNominator() + ")" : "";
        return "【" + awardName(campaign, winner) + "】" + loaded.nomination().getCandidateName() + where;
    }
}
