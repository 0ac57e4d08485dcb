package io.laurel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.support.LaurelTest;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's 我的小组任务 finds every task a user may claim: offered to them by name (the committee chair's 调查异议)
 * as well as to one of their groups — and nothing offered to others.
 */
@LaurelTest
class TasklistFiltersTest {

    @Autowired
    FilterService filters;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;

    private final List<String> created = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        identity.clearAuthentication();
        created.forEach(id -> tasks.deleteTask(id, true));
    }

    @Test
    void the_claimable_filter_shows_tasks_offered_to_the_user_by_name_and_through_their_groups() {
        String toChair = task("调查异议 - 测试", "huangjianguo", null);
        String toHr = task("资格审核 - 测试", null, "hr");
        String toOther = task("部门推荐提名 - 测试", "wanglei", null);
        Filter claimable = filters.createFilterQuery().filterName("我的小组任务").singleResult();
        assertThat(claimable).isNotNull();

        assertThat(visible("huangjianguo", claimable)).contains(toChair).doesNotContain(toHr, toOther);
        assertThat(visible("zhangmin", claimable)).contains(toHr).doesNotContain(toChair, toOther);
        assertThat(visible("wanglei", claimable)).contains(toOther).doesNotContain(toChair, toHr);
    }

    @Test
    void the_filters_are_named_in_chinese() {
        assertThat(filters.createFilterQuery().list()).extracting(Filter::getName)
                .contains("我的待办", "我的小组任务")
                .allSatisfy(name -> assertThat(name).containsPattern("\\p{IsHan}"));
    }

    private List<String> visible(String userId, Filter filter) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            return filters.<Task>list(filter.getId()).stream().map(Task::getId).toList();
        } finally {
            identity.clearAuthentication();
        }
    }

    private String task(String name, String candidateUser, String candidateGroup) {
        Task task = tasks.newTask();
        task.setName(name);
        tasks.saveTask(task);
        if (candidateUser != null) {
            tasks.addCandidateUser(task.getId(), candidateUser);
        }
        if (candidateGroup != null) {
            tasks.addCandidateGroup(task.getId(), candidateGroup);
        }
        created.add(task.getId());
        return task.getId();
    }
}
