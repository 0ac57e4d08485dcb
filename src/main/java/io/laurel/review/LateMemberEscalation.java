package io.laurel.review;

import io.laurel.mail.GroupRecipients;
import io.laurel.mail.MailService;
import io.laurel.mail.Notice;
import java.util.List;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The re-review deadline has passed: HR learns which members are late with how many reviews, and the
 * phase may now end as soon as two thirds of the assigned scores are in.
 */
@Component("lateMemberEscalation")
class LateMemberEscalation implements JavaDelegate {

    private final NominationContext context;
    private final TaskService tasks;
    private final IdentityService identity;
    private final MailService mail;
    private final GroupRecipients recipients;

    LateMemberEscalation(NominationContext context, TaskService tasks, IdentityService identity, MailService mail,
            GroupRecipients recipients) {
        this.context = context;
        this.tasks = tasks;
        this.identity = identity;
        this.mail = mail;
        this.recipients = recipients;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<Task> open = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn("signDeclaration", "scoreCandidates").list();
        TreeSet<String> late = new TreeSet<>();
        open.forEach(t -> late.add(t.getAssignee()));
        List<String> items = late.stream().map(member -> name(member) + ":尚有 "
                + open.stream().filter(t -> member.equals(t.getAssignee())).count() + " 项评审未完成").toList();
        int assigned = ((Number) execution.getVariable("scoresAssigned")).intValue();
        int in = ((Number) execution.getVariable("scoresIn")).intValue();
        Notice notice = new Notice("【" + campaign.getName() + "】复评截止:逾期评委名单",
                "人力资源部,您好:", List.of("复评已到截止时间。已收到评分 " + in + " / " + assigned
                        + " 份;达到三分之二后复评自动结束,未完成的评审将被取消。以下评委逾期,请督促:"), items);
        recipients.of("hr").forEach(to -> mail.sendNow(to, notice));
        execution.setVariable("reReviewDeadlinePassed", true);
    }

    private String name(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : user.getFirstName() + " (" + userId + ")";
    }
}
