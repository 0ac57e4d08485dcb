package io.laurel.review;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who still has open review tasks in a process instance at a deadline, as the lines of the late-reviewer
 * mail: the committee's re-review and the association judges' scoring both report them this way.
 */
@Component
public class LateReviewers {

    private final TaskService tasks;
    private final IdentityService identity;

    LateReviewers(TaskService tasks, IdentityService identity) {
        this.tasks = tasks;
        this.identity = identity;
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
