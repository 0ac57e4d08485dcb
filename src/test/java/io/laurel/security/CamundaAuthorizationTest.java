package io.laurel.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Permissions.ACCESS;
import static org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE;
import static org.camunda.bpm.engine.authorization.Resources.APPLICATION;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION;

import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda authorizations per group, checked through the engine and through /engine-rest. */
@LaurelTest
class CamundaAuthorizationTest {

    @LocalServerPort
    int port;

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private Deployment deployment;

    /** The engine REST API of this context's engine: the default one, or another by name (MariaDB subclass). */
    String rest() {
        return engine.getName().equals("default") ? "/engine-rest" : "/engine-rest/engine/" + engine.getName();
    }

    /** A throw-away model with one HR task and one committee task: the fixture for task visibility. */
    @BeforeEach
    void deployFixture() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("authorization-fixture")
                .camundaHistoryTimeToLive(1)
                .startEvent("start")
                .parallelGateway("split")
                .userTask("hrTask").name("人力资源任务").camundaCandidateGroups("hr").endEvent("hrDone")
                .moveToNode("split")
                .userTask("committeeTask").name("评委任务").camundaCandidateGroups("committee").endEvent("committeeDone")
                .done();
        deployment = repository.createDeployment().addModelInstance("authorization-fixture.bpmn", model).deploy();
        runtime.startProcessInstanceByKey("authorization-fixture");
    }

    @AfterEach
    void removeFixture() {
        repository.deleteDeployment(deployment.getId(), true);
    }

    @Test
    void committee_member_sees_committee_tasks_but_not_hr_tasks() {
        Http.Answer committee = Http.to(port).as("majun", "demo")
                .get(rest() + "/task?processDefinitionKey=authorization-fixture");
        Http.Answer hr = Http.to(port).as("zhangmin", "demo")
                .get(rest() + "/task?processDefinitionKey=authorization-fixture");

        assertThat(committee.status()).isEqualTo(200);
        assertThat(committee.body()).contains("评委任务").doesNotContain("人力资源任务");
        assertThat(hr.body()).contains("人力资源任务").doesNotContain("评委任务");
    }

    /**
     * Laurel runs the engine with authorizationCheckRevokes "always" (faster task lists on MariaDB, see
     * docs/benchmarks.md P3): a REVOKE made in Admin must still hide a task from a member of its candidate group,
     * in the list, the count and the single task.
     */
    @Test
    void a_revoke_hides_a_candidate_groups_task_from_one_member() {
        String committeeTask = tasks.createTaskQuery().processDefinitionKey("authorization-fixture")
                .taskDefinitionKey("committeeTask").singleResult().getId();
        assertThat(((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getAuthorizationCheckRevokes()).isEqualTo("always");
        org.camunda.bpm.engine.authorization.Authorization revoke = authorizations
                .createNewAuthorization(org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE);
        revoke.setUserId("majun");
        revoke.setResource(org.camunda.bpm.engine.authorization.Resources.TASK);
        revoke.setResourceId(committeeTask);
        revoke.removePermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        String revokeId = authorizations.saveAuthorization(revoke).getId();
        try {
            Http majun = Http.to(port).as("majun", "demo");
            assertThat(majun.get(rest() + "/task?processDefinitionKey=authorization-fixture").body())
                    .doesNotContain("评委任务");
            assertThat(majun.get(rest() + "/task/count?processDefinitionKey=authorization-fixture").body())
                    .isEqualTo("{\"count\":0}");
            // another committee member still sees it
            assertThat(Http.to(port).as("linfeng", "demo").get(rest() + "/task?processDefinitionKey=authorization-fixture")
                    .body()).contains("评委任务");
        } finally {
            authorizations.deleteAuthorization(revokeId);
        }
        assertThat(Http.to(port).as("majun", "demo").get(rest() + "/task/count?processDefinitionKey=authorization-fixture")
                .body()).isEqualTo("{\"count\":1}");
    }

    @Test
    void only_campaign_operators_may_start_the_campaign_process() {
        assertThat(authorized("zhangmin", List.of("hr"), CREATE_INSTANCE, "award-selection")).isTrue();
        assertThat(authorized("chenjing", List.of("association-staff"), CREATE_INSTANCE, "award-selection")).isTrue();
        assertThat(authorized("wanglei", List.of("department-heads", "committee"), CREATE_INSTANCE, "award-selection"))
                .isFalse();
        assertThat(authorized("majun", List.of("committee"), CREATE_INSTANCE, "award-selection")).isFalse();
    }

    @Test
    void every_working_group_has_tasklist_and_only_operators_have_cockpit() {
        for (String group : List.of("hr", "association-staff", "department-heads", "committee")) {
            assertThat(authorizations.isUserAuthorized("someone", List.of(group), ACCESS, APPLICATION, "tasklist"))
                    .as(group + " tasklist").isTrue();
        }
        assertThat(authorizations.isUserAuthorized("x", List.of("hr"), ACCESS, APPLICATION, "cockpit")).isTrue();
        assertThat(authorizations.isUserAuthorized("x", List.of("committee"), ACCESS, APPLICATION, "cockpit")).isFalse();
        assertThat(authorizations.isUserAuthorized("x", List.of("department-heads"), ACCESS, APPLICATION, "admin"))
                .isFalse();
    }

    @Test
    void a_department_head_cannot_start_a_process_over_engine_rest() {
        Http.Answer answer = Http.to(port).as("wanglei", "demo")
                .postJson(rest() + "/process-definition/key/authorization-fixture/start", "{}");

        // Without READ on the definition the engine does not even admit it exists.
        assertThat(answer.status()).isEqualTo(404);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("authorization-fixture").count()).isOne();

        Http.Answer admin = Http.to(port).as("demo", "demo")
                .postJson(rest() + "/process-definition/key/authorization-fixture/start", "{}");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("authorization-fixture").count())
                .isEqualTo(2);
    }

    @Test
    void a_committee_member_comments_on_their_task_and_reads_only_its_history() {
        String committeeTask = tasks.createTaskQuery().processDefinitionKey("authorization-fixture")
                .taskDefinitionKey("committeeTask").singleResult().getId();
        String hrTask = tasks.createTaskQuery().processDefinitionKey("authorization-fixture")
                .taskDefinitionKey("hrTask").singleResult().getId();
        Http majun = Http.to(port).as("majun", "demo");

        // Tasklist's "Add Comment": the REST API finds the task in the history first.
        Http.Answer comment = majun.postJson(rest() + "/task/" + committeeTask + "/comment/create",
                "{\"message\": \"已阅,周五前给出意见\"}");
        assertThat(comment.status()).as(comment.body()).isEqualTo(200);
        assertThat(majun.get(rest() + "/task/" + committeeTask + "/comment").body()).contains("已阅,周五前给出意见");
        assertThat(tasks.getTaskComments(committeeTask)).singleElement()
                .satisfies(c -> assertThat(c.getUserId()).isEqualTo("majun"));

        // Their own task's history, not HR's.
        Http.Answer history = majun.get(rest() + "/history/task?processDefinitionKey=authorization-fixture");
        assertThat(history.body()).contains(committeeTask).doesNotContain(hrTask);
        assertThat(majun.postJson(rest() + "/task/" + hrTask + "/comment/create", "{\"message\": \"x\"}").status())
                .isEqualTo(400);
        assertThat(tasks.getTaskComments(hrTask)).isEmpty();
    }

    private boolean authorized(String user, List<String> groups,
            org.camunda.bpm.engine.authorization.Permission permission, String processKey) {
        return authorizations.isUserAuthorized(user, groups, permission, PROCESS_DEFINITION, processKey);
    }
}
