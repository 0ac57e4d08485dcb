package io.laurel.reminder;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Milestone;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Links;
import io.laurel.nomination.TeamMembers;
import io.laurel.review.NominationContext;
import io.laurel.vote.AwardResults;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
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
    private final AwardResults results;
    private final TeamMembers teams;
    private final GroupRecipients recipients;
    private final List<KeyDateAudience> audiences;
    private final Links links;

    KeyDateReminder(NominationContext context, TaskService tasks, IdentityService identity, MailService mail,
            AwardResults results, TeamMembers teams, GroupRecipients recipients, List<KeyDateAudience> audiences, Links links) {
        this.links = links;
        this.audiences = audiences;
        this.context = context;
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
        this.results = results;
        this.teams = teams;
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
                Map<String, Object> model = audience.model(campaign, milestone, key);
                // Through the outbox: many recipients (every team and judge), each sent once after commit even if
                // this job is retried.
                to.forEach(address -> mail.queue(address, audience.template(), model));
                execution.setVariableLocal("reminderRecipients", to.size());
                return;
            }
        }
        boolean isDeadline = milestone.getEndsAt() != null;
        // A deadline at 00:00 is a real moment (the end of the day before); a date-only event is said as a date.
        String when = isDeadline ? milestone.getEndsAt().format(FORMAT) : when(milestone.getStartsAt());
        Map<String, Addressee> addressees = addressees(execution.getProcessInstanceId(), campaign.getId(), key);
        addressees.forEach((to, addressee) -> {
            Map<String, Object> model = new HashMap<>();
            model.put("campaignName", campaign.getName());
            model.put("milestoneName", milestone.getName());
            model.put("key", key);
            model.put("when", when);
            model.put("dateOnly", when.endsWith("）"));
            model.put("deadline", isDeadline);
            model.put("name", addressee.name());
            // The exact task when the reminder is about the addressee's own task; Tasklist otherwise.
            model.put("actionUrl", addressee.taskId() != null ? links.tasklistTask(addressee.taskId())
                    : "ceremony".equals(key) ? null : links.tasklist());
            model.put("actionLabel", addressee.taskId() != null ? "打开我的任务" : "打开任务列表");
            mail.sendNow(to, "reminder-key-date", model);
        });
        execution.setVariableLocal("reminderRecipients", addressees.size());
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

    /** Who gets a reminder; with the task to open when the reminder is about the addressee's own task. */
    record Addressee(String name, String taskId) {
    }

    Map<String, Addressee> addressees(String processInstanceId, Long campaignId, String key) {
        return switch (key) {
            case "nomination" -> assigneesOf(processInstanceId, "nominateTask");
            case "re-review" -> {
                Map<String, Addressee> open = assigneesOf(processInstanceId, "signDeclaration", "scoreCandidates");
                yield open.isEmpty() ? group("committee") : open;
            }
            case "final-vote-and-notice" -> union(group("committee"), group("hr"));
            case "ceremony" -> union(group("committee"), winners(campaignId));
            default -> group("hr");
        };
    }

    /** Each assignee once, with the first of their open tasks (a declaration comes before the scores). */
    private Map<String, Addressee> assigneesOf(String processInstanceId, String... taskKeys) {
        Map<String, Addressee> emails = new LinkedHashMap<>();
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(taskKeys)
                .orderByTaskCreateTime().asc().list()) {
            User user = identity.createUserQuery().userId(task.getAssignee()).singleResult();
            if (user != null && user.getEmail() != null) {
                emails.putIfAbsent(user.getEmail(), new Addressee(user.getFirstName(), task.getId()));
            }
        }
        return emails;
    }

    private Map<String, Addressee> group(String groupId) {
        return everyone(recipients.of(groupId));
    }

    private Map<String, Addressee> winners(Long campaignId) {
        Set<String> all = new LinkedHashSet<>();
        for (AwardResults.Result winner : results.winners(campaignId)) {
            var loaded = context.load(campaignId, winner.nominationId());
            if (loaded.candidate() != null) {
                all.add(loaded.candidate().getEmail());
            }
            // Every member of a winning team (优秀服务团队) is invited, not only its contact.
            teams.of(winner.nominationId()).forEach(member -> all.add(member.getEmail()));
        }
        all.remove(null);
        return everyone(all);
    }

    private static Map<String, Addressee> everyone(Set<String> emails) {
        Map<String, Addressee> all = new LinkedHashMap<>();
        emails.forEach(email -> all.put(email, new Addressee("各位同事", null)));
        return all;
    }

    private static Map<String, Addressee> union(Map<String, Addressee> a, Map<String, Addressee> b) {
        Map<String, Addressee> all = new LinkedHashMap<>(a);
        b.forEach(all::putIfAbsent);
        return all;
    }
}
