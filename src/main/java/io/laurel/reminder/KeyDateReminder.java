package io.laurel.reminder;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Milestone;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import io.laurel.review.NominationContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reminder 3 days before a key date of the timeline (seed 002: "人力资源部将在每个关键节点前3天发送提醒通知"),
 * to the people the date concerns: heads who have not nominated, HR for its reviews, committee members
 * with open reviews or a vote ahead, winners and committee before the ceremony.
 */
@Component("keyDateReminder")
class KeyDateReminder implements JavaDelegate {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final String[] WEEKDAYS = {"一", "二", "三", "四", "五", "六", "日"};

    private final NominationContext context;
    private final TaskService tasks;
    private final IdentityService identity;
    private final MailService mail;
    private final JdbcTemplate jdbc;
    private final GroupRecipients recipients;
    private final List<KeyDateAudience> audiences;

    KeyDateReminder(NominationContext context, TaskService tasks, IdentityService identity, MailService mail,
            JdbcTemplate jdbc, GroupRecipients recipients, List<KeyDateAudience> audiences) {
        this.audiences = audiences;
        this.context = context;
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
        this.jdbc = jdbc;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign campaign = context.campaign(execution);
        String key = (String) execution.getVariable("reminderKey");
        Milestone milestone = campaign.milestone(key).orElseThrow();
        String processKey = execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
        for (KeyDateAudience audience : audiences) {
            if (audience.processKey().equals(processKey)) {
                Set<String> to = audience.recipients(campaign, key);
                Notice notice = audience.notice(campaign, milestone, key);
                // Through the outbox: many recipients (every team and judge), each sent once after commit even if
                // this job is retried.
                to.forEach(address -> mail.queue(address, notice));
                execution.setVariableLocal("reminderRecipients", to.size());
                return;
            }
        }
        boolean isDeadline = milestone.getEndsAt() != null;
        // A deadline at 00:00 is a real moment (the end of the day before); a date-only event is said as a date.
        String when = isDeadline ? milestone.getEndsAt().format(FORMAT) : when(milestone.getStartsAt());
        String gap = when.endsWith("）") ? "" : " ";
        Set<String> recipients = recipients(execution.getProcessInstanceId(), campaign.getId(), key);
        Notice notice = Notice.of("【" + campaign.getName() + "】提醒:" + milestone.getName()
                        + (isDeadline ? "将于 " + when + " 截止" : "将于 " + when + gap + "举行"),
                "您好:", message(key, milestone.getName(), when, isDeadline));
        recipients.forEach(to -> mail.sendNow(to, notice));
        execution.setVariableLocal("reminderRecipients", recipients.size());
    }

    /**
     * A key moment as people read it: "2026-03-15 18:00"; a timeline entry without a time of day (00:00, e.g. seed
     * 002's 表彰大会 "5月30日") is a date — "2026-05-30（星期六）" — never the made-up time "00:00".
     */
    static String when(LocalDateTime moment) {
        if (moment.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            return moment.format(DAY) + "（星期" + WEEKDAYS[moment.getDayOfWeek().getValue() - 1] + "）";
        }
        return moment.format(FORMAT);
    }

    Set<String> recipients(String processInstanceId, Long campaignId, String key) {
        return switch (key) {
            case "nomination" -> assigneesOf(processInstanceId, "nominateTask");
            case "re-review" -> {
                Set<String> open = assigneesOf(processInstanceId, "signDeclaration", "scoreCandidates");
                yield open.isEmpty() ? group("committee") : open;
            }
            case "final-vote-and-notice" -> union(group("committee"), group("hr"));
            case "ceremony" -> union(group("committee"), winners(campaignId));
            default -> group("hr");
        };
    }

    private static String message(String key, String name, String when, boolean deadline) {
        return switch (key) {
            case "nomination" -> "部门推荐提名将于 " + when + " 截止,您尚未提交本部门的提名,请尽快登录任务列表完成「部门推荐提名」任务。";
            case "ceremony" -> when.endsWith("）") ? "表彰大会将于 " + when + "举行,具体时间与地点以会议通知为准,请准时出席。"
                    : "表彰大会将于 " + when + " 举行,请准时出席。";
            default -> "「" + name + "」" + (deadline ? "将于 " + when + " 截止" : "定于 " + when)
                    + ",请及时登录任务列表处理相关任务。";
        };
    }

    private Set<String> assigneesOf(String processInstanceId, String... taskKeys) {
        Set<String> emails = new LinkedHashSet<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(taskKeys)
                .list()) {
            User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            if (user != null && user.getEmail() != null) {
                emails.add(user.getEmail());
            }
        }
        return emails;
    }

    private Set<String> group(String groupId) {
        return recipients.of(groupId);
    }

    private Set<String> winners(Long campaignId) {
        List<String> emails = jdbc.queryForList("select e.email from award_result r join nomination n on n.id = "
                + "r.nomination_id join employee e on e.id = n.employee_id where r.campaign_id = ? and r.status = "
                + "'WINNER' and e.email is not null", String.class, campaignId);
        Set<String> all = new LinkedHashSet<>(emails);
        // Every member of a winning team (优秀服务团队) is invited, not only its contact.
        all.addAll(jdbc.queryForList("select e.email from award_result r join team_member t on t.nomination_id = "
                + "r.nomination_id join employee e on e.id = t.employee_id where r.campaign_id = ? and r.status = "
                + "'WINNER' and e.email is not null", String.class, campaignId));
        return all;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }
}
