package io.laurel.notice;

import io.laurel.calendar.WorkCalendar;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import io.laurel.review.NominationContext;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate jdbc;
    private final MailService mail;
    private final GroupRecipients recipients;

    NoticePublisher(NominationContext context, WorkCalendar calendar, JdbcTemplate jdbc, MailService mail,
            GroupRecipients recipients) {
        this.context = context;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        Date endsAt = calendar.endOfWorkingDays(ClockUtil.getCurrentTime(), NOTICE_WORKING_DAYS);
        execution.setVariable("noticeEndsAt", endsAt);
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd HH:mm");
        format.setTimeZone(TimeZone.getTimeZone(campaign.zoneId()));
        // award_code of the result, not of the nomination: an association entry wins a prize (一等奖 ...).
        List<Map<String, Object>> winners = jdbc.queryForList("select nomination_id, award_code from award_result "
                + "where campaign_id = ? and status = 'WINNER' order by award_code, nomination_id", campaign.getId());
        List<String> lines = winners.stream().map(w -> label(campaign, w)).toList();
        for (Map<String, Object> winner : winners) {
            var loaded = context.load(campaign.getId(), ((Number) winner.get("nomination_id")).longValue());
            String awardName = awardName(campaign, winner);
            String to = loaded.candidate() != null ? loaded.candidate().getEmail()
                    : loaded.nomination().getEmployeeId() == null && loaded.nomination().getNominatorContact() != null
                            && loaded.nomination().getNominatorContact().contains("@")
                                    ? loaded.nomination().getNominatorContact() : null;
            if (to != null) {
                mail.sendNow(to, Notice.of("【" + campaign.getName() + "】获奖名单公示",
                        (loaded.candidate() != null ? loaded.nomination().getCandidateName()
                                : loaded.nomination().getNominator() + "(" + loaded.nomination().getCandidateName()
                                        + ")") + ",您好:",
                        "恭喜您经评选委员会无记名投票当选「" + awardName + "」!",
                        "获奖名单现进行为期 " + NOTICE_WORKING_DAYS + " 个工作日的公示,至 " + format.format(endsAt)
                                + " 结束。公示期内如有异议,将由评选委员会调查核实。"));
            }
        }
        // The group running the campaign: HR for company campaigns, association staff for association ones.
        String operators = execution.getVariable("operatorGroup") instanceof String g ? g : "hr";
        Notice toHr = new Notice("【" + campaign.getName() + "】获奖名单已发布公示",
                ("hr".equals(operators) ? "人力资源部" : "协会秘书处") + ",您好:",
                List.of("以下获奖名单已开始公示,公示期至 " + format.format(endsAt) + ":"), lines);
        recipients.of(operators).forEach(to -> mail.sendNow(to, toHr));
    }

    private String awardName(io.laurel.campaign.Campaign campaign, Map<String, Object> winner) {
        String code = (String) winner.get("award_code");
        return campaign.award(code).map(a -> a.getName()).orElse(code);
    }

    /** As NominationContext's label, with the award won. */
    private String label(io.laurel.campaign.Campaign campaign, Map<String, Object> winner) {
        var loaded = context.load(campaign.getId(), ((Number) winner.get("nomination_id")).longValue());
        String where = loaded.candidate() != null ? "(" + loaded.candidate().getDepartment() + ")"
                : loaded.nomination().getNominator() != null ? "(" + loaded.nomination().getNominator() + ")" : "";
        return "【" + awardName(campaign, winner) + "】" + loaded.nomination().getCandidateName() + where;
    }
}
