package io.laurel.review;

import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A review deadline has passed: the operators learn who still has open review tasks, and the process learns that
 * the phase may now end at its quorum. The committee's re-review and the association judges' scoring both
 * escalate this way.
 */
@Component
public class LateReviewers {

    /**
     * @param openItem     what a late reviewer still owes, in the mail's lines (评审, 任务)
     * @param taskKeys     the review's task definition keys
     * @param group        who is told
     * @param template     the mail template
     * @param passedFlag   the process variable that lets the phase end at its quorum
     */
    public record Escalation(String openItem, List<String> taskKeys, String group, String template,
            String passedFlag) {
    }

    private final TaskService tasks;
    private final IdentityService identity;
    private final NominationContext context;
    private final MailService mail;
    private final GroupRecipients recipients;

    LateReviewers(TaskService tasks, IdentityService identity, NominationContext context, MailService mail,
            GroupRecipients recipients) {
        this.tasks = tasks;
        this.identity = identity;
        this.context = context;
        this.mail = mail;
        this.recipients = recipients;
    }

    /** Mails the late reviewers' lines and the scores in so far (plus {@code extra}) and sets the passed flag. */
    public void escalate(DelegateExecution execution, Escalation escalation, Map<String, Object> extra) {
        var campaign = context.campaign(execution);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("campaignName", campaign.getName());
        model.put("campaignId", campaign.getId());
        model.put("scoresIn", ((Number) execution.getVariable("scoresIn")).intValue());
        model.put("scoresAssigned", ((Number) execution.getVariable("scoresAssigned")).intValue());
        model.put("late", lines(execution.getProcessInstanceId(), escalation.openItem(),
                escalation.taskKeys().toArray(String[]::new)));
        recipients.of(escalation.group()).forEach(to -> mail.sendNow(to, escalation.template(), model));
        execution.setVariable(escalation.passedFlag(), true);
    }

    /** One line per late assignee, by user id: "张三 (zhangsan):尚有 2 项{openItem}未完成". */
    public List<String> lines(String processInstanceId, String openItem, String... taskKeys) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKeyIn(taskKeys)
                .list();
        Map<String, Long> openByAssignee = open.stream()
                .collect(Collectors.groupingBy(Task::getAssignee, TreeMap::new, Collectors.counting()));
        return openByAssignee.entrySet().stream()
                .map(e -> name(e.getKey()) + ":尚有 " + e.getValue() + " 项" + openItem + "未完成").toList();
    }

    private String name(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : user.getFirstName() + " (" + userId + ")";
    }
}
