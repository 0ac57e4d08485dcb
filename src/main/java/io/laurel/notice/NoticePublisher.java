package io.laurel.notice;

import io.laurel.calendar.WorkCalendar;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import io.laurel.review.NominationContext;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;
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
        List<Long> winners = jdbc.queryForList("select nomination_id from award_result where campaign_id = ? and "
                + "status = 'WINNER' order by award_code, nomination_id", Long.class, campaign.getId());
        List<String> lines = winners.stream().map(id -> context.load(campaign.getId(), id).label()).toList();
        for (Long id : winners) {
            var loaded = context.load(campaign.getId(), id);
            if (loaded.candidate() != null && loaded.candidate().getEmail() != null) {
                mail.sendNow(loaded.candidate().getEmail(), Notice.of("【" + campaign.getName() + "】获奖名单公示",
                        loaded.nomination().getCandidateName() + ",您好:",
                        "恭喜您经评选委员会无记名投票当选「" + loaded.awardName() + "」!",
                        "获奖名单现进行为期 " + NOTICE_WORKING_DAYS + " 个工作日的公示,至 " + format.format(endsAt)
                                + " 结束。公示期内如有异议,将由评选委员会调查核实。"));
            }
        }
        Notice toHr = new Notice("【" + campaign.getName() + "】获奖名单已发布公示", "人力资源部,您好:",
                List.of("以下获奖名单已开始公示,公示期至 " + format.format(endsAt) + ":"), lines);
        recipients.of("hr").forEach(to -> mail.sendNow(to, toHr));
    }
}
