package io.laurel.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.roster.Employee;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The role × resource × phase matrix of docs/access.md, cell by cell, over real HTTP with real logins (HTTP
 * basic against Camunda's users). Two service-star campaigns: one in its nomination phase (nominations from
 * two departments and a head's saved, unsent draft), one driven to its public notice (results published).
 * Every refusal must carry a Chinese reason.
 */
@LaurelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Users by working group (the demo cast). */
    static final String HR = "zhangmin";
    static final String STAFF = "chenjing";
    static final String HEAD = "wanglei";          // 客服中心 head, also on the committee
    static final String OTHER_HEAD = "liuyang";    // 售后服务部 head, also on the committee
    static final String HEAD_ONLY = "wuhua";       // 国际业务部 head, not on the committee
    static final String COMMITTEE = "majun";
    static final String JUDGE = "qianhong";
    static final String ADMIN = "demo";
    static final String STRANGER = null;

    static final String DRAFT = "草稿:尚未提交的推荐理由(售后服务部)";
    static final String CONTACT = "peer-nominator-13900001111@example.com";

    @Autowired
    SelectionDriver driver;

    @Autowired
    ObjectMapper json;

    @Autowired
    CampaignService campaigns;

    @LocalServerPort
    int port;

    Campaign nominating;
    Campaign published;
    Task draftTask;
    ProcessInstance nominatingInstance;

    enum Phase { NOMINATION, PUBLISHED }

    enum Resource {
        NOMINATIONS("/api/campaigns/{id}/nominations"),
        RESULTS("/api/campaigns/{id}/results"),
        RESULTS_EXPORT("/api/campaigns/{id}/exports/results.xlsx"),
        SUMMARY_EXPORT("/api/campaigns/{id}/exports/summary.xlsx"),
        ROSTER("/api/campaigns/{id}/roster"),
        VOTE_SIGNALS("/api/campaigns/{id}/votes/signals"),
        CAMPAIGN("/api/campaigns/{id}"),
        HISTORY_VARIABLES("/engine-rest/history/variable-instance?processInstanceBusinessKey={id}"),
        HISTORY_DETAILS("/engine-rest/history/detail?processInstanceBusinessKey={id}"),
        HISTORY_IDENTITY_LINKS("/engine-rest/history/identity-link-log"),
        ENGINE_LIST("/engine-rest/engine");

        final String path;

        Resource(String path) {
            this.path = path;
        }
    }

    record Cell(Phase phase, Resource resource, String user, int status) {
        @Override
        public String toString() {
            return phase + " " + resource + " as " + (user == null ? "stranger" : user) + " -> " + status;
        }
    }

    /** The matrix. Same rows in both phases unless the phase changes the answer (results). */
    static Stream<Arguments> matrix() {
        List<Cell> cells = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            boolean pub = phase == Phase.PUBLISHED;
            add(cells, phase, Resource.NOMINATIONS, 200, 403, 200, 200, 403, 403, 200, 401);
            add(cells, phase, Resource.RESULTS, 200, pub ? 200 : 403, pub ? 200 : 403, pub ? 200 : 403,
                    pub ? 200 : 403, 403, 200, 401);
            // The operator may export, but before re-review scores exist there is nothing to list: 409, not 403.
            int export = phase == Phase.NOMINATION ? 409 : 200;
            add(cells, phase, Resource.RESULTS_EXPORT, export, 403, 403, 403, 403, 403, export, 401);
            add(cells, phase, Resource.SUMMARY_EXPORT, 200, 403, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.ROSTER, 200, 403, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.VOTE_SIGNALS, 200, 403, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.CAMPAIGN, 200, 200, 200, 200, 200, 403, 200, 401);
            add(cells, phase, Resource.HISTORY_VARIABLES, 200, 200, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.HISTORY_DETAILS, 200, 200, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.HISTORY_IDENTITY_LINKS, 200, 200, 403, 403, 403, 403, 200, 401);
            add(cells, phase, Resource.ENGINE_LIST, 200, 200, 200, 200, 200, 200, 200, 401);
        }
        return cells.stream().map(Arguments::of);
    }

    /** Statuses in the order HR, association staff, head, head only, committee, judge, admin, stranger. */
    private static void add(List<Cell> cells, Phase phase, Resource resource, int... statuses) {
        String[] users = {HR, STAFF, HEAD, HEAD_ONLY, COMMITTEE, JUDGE, ADMIN, STRANGER};
        for (int i = 0; i < users.length; i++) {
            cells.add(new Cell(phase, resource, users[i], statuses[i]));
        }
    }

    /** Once per class, inside the first test (the process coverage recorder only runs during tests). */
    void twoCampaigns() {
        if (published != null) {
            return;
        }
        // Nomination phase: HR registers a peer nomination in 客服中心 and one in 售后服务部; the head of 售后服务部
        // saves a draft in his 提名 task without submitting it.
        nominating = driver.campaignWithRoster();
        ProcessInstance running = driver.launch(nominating);
        nominatingInstance = running;
        Employee ours = driver.eligibleStaff(nominating.getId(), "客服中心").get(0);
        Employee theirs = driver.eligibleStaff(nominating.getId(), "售后服务部").get(0);
        for (Employee e : List.of(ours, theirs)) {
            Http.Answer created = as(HR).postJson("/api/campaigns/" + nominating.getId() + "/nominations",
                    "{\"channel\":\"PEER\",\"awardCode\":\"service-star\",\"employeeNumber\":\"" + e.getEmployeeNumber()
                            + "\",\"nominatorName\":\"同事甲\",\"nominatorContact\":\"" + CONTACT
                            + "\",\"reason\":\"服务标杆\"}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
        }
        draftTask = driver.tasks(running, "nominateTask").stream().filter(t -> t.getAssignee().equals(OTHER_HEAD))
                .findFirst().orElseThrow();
        Http.Answer saved = as(OTHER_HEAD).postJson("/engine-rest/task/" + draftTask.getId() + "/variables",
                "{\"modifications\":{\"reason1\":{\"value\":\"" + DRAFT + "\",\"type\":\"String\"}}}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(204);

        // Published: a second campaign driven to its public notice (公示).
        published = driver.campaignWithRoster();
        driver.driveToTheNotice(published, driver.launch(published));
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void cell(Cell cell) throws Exception {
        twoCampaigns();
        Campaign campaign = cell.phase() == Phase.NOMINATION ? nominating : published;
        Http.Answer answer = as(cell.user()).get(cell.resource().path.replace("{id}", campaign.getId().toString()));

        assertThat(answer.status()).as(cell + ": " + answer.body()).isEqualTo(cell.status());
        if (cell.status() == 403 || cell.status() == 401) {
            assertThat(answer.body()).as(cell + " gives a Chinese reason").containsPattern("无权|需要登录");
        }
    }

    @Test
    void a_head_lists_only_their_own_department_without_nominators() throws Exception {
        twoCampaigns();
        JsonNode all = json.readTree(as(HR).get("/api/campaigns/" + nominating.getId() + "/nominations").body());
        assertThat(all).hasSize(2);
        assertThat(all.findValuesAsText("nominator")).containsOnly("同事甲");

        String headView = as(HEAD).get("/api/campaigns/" + nominating.getId() + "/nominations").body();
        JsonNode own = json.readTree(headView);
        assertThat(own).hasSize(1);
        Employee ours = driver.eligibleStaff(nominating.getId(), "客服中心").get(0);
        assertThat(own.get(0).get("candidateName").asText()).isEqualTo(ours.getName());
        assertThat(own.get(0).get("nominator").isNull()).isTrue();
        assertThat(headView).doesNotContain("同事甲", CONTACT);

        assertThat(json.readTree(as(HEAD_ONLY).get("/api/campaigns/" + nominating.getId() + "/nominations")
                .body())).isEmpty();
    }

    @Test
    void another_heads_draft_is_not_readable_but_staff_history_still_works() {
        twoCampaigns();
        // The draft is there: the head himself reads it on his task, HR in the history.
        assertThat(as(OTHER_HEAD).get("/engine-rest/task/" + draftTask.getId() + "/variables/reason1").body())
                .contains(DRAFT);
        assertThat(as(HR).get("/engine-rest/history/variable-instance?variableName=reason1").body()).contains(DRAFT);
        // Another head reads it neither through history variables nor details nor through the task.
        for (String path : List.of("/engine-rest/history/variable-instance?variableName=reason1",
                "/engine-rest/history/variable-instance", "/engine-rest/history/detail",
                "/engine-rest/history/variable-instance/count")) {
            Http.Answer answer = as(HEAD).get(path);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).doesNotContain(DRAFT).contains("无权");
        }
        assertThat(as(HEAD).get("/engine-rest/task/" + draftTask.getId() + "/variables").status()).isIn(403, 404);
    }

    @Test
    void hr_and_association_staff_read_only_the_instances_of_their_own_kind_of_campaign() throws Exception {
        twoCampaigns();
        Campaign essay = campaigns.createFromPreset("cs-essay-2018", SelectionDriver.STARTS_ON, "test");
        ProcessInstance association = driver.launch(essay);
        String companyKey = nominating.getId().toString();
        String associationKey = essay.getId().toString();
        String companyInstance = nominatingInstance.getId();

        // Each group finds its own campaign's lifecycle instance, running and in history, and not the other kind's
        // (association staff also read the intake instances of their campaigns, hence the definition key).
        assertThat(ids(HR, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + companyKey)).containsExactly(companyInstance);
        assertThat(ids(HR, "/engine-rest/history/process-instance?processDefinitionKey=award-selection&processInstanceBusinessKey=" + companyKey))
                .containsExactly(companyInstance);
        assertThat(ids(HR, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + associationKey)).isEmpty();
        assertThat(ids(HR, "/engine-rest/history/process-instance?processDefinitionKey=award-selection&processInstanceBusinessKey=" + associationKey))
                .isEmpty();
        assertThat(ids(STAFF, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + associationKey))
                .containsExactly(association.getId());
        assertThat(ids(STAFF, "/engine-rest/history/process-instance?processDefinitionKey=award-selection&processInstanceBusinessKey=" + associationKey))
                .containsExactly(association.getId());
        assertThat(ids(STAFF, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + companyKey)).isEmpty();
        assertThat(ids(STAFF, "/engine-rest/history/process-instance?processDefinitionKey=award-selection&processInstanceBusinessKey=" + companyKey))
                .isEmpty();

        // The variables follow: the head's draft in the company campaign is HR's to read, not association staff's.
        assertThat(as(HR).get("/engine-rest/history/variable-instance?processInstanceIdIn=" + companyInstance).body())
                .contains(DRAFT);
        assertThat(ids(STAFF, "/engine-rest/history/variable-instance?processInstanceIdIn=" + companyInstance))
                .isEmpty();
        assertThat(as(STAFF).get("/engine-rest/history/variable-instance?variableName=reason1").body())
                .doesNotContain(DRAFT);
        assertThat(ids(STAFF, "/engine-rest/history/variable-instance?processInstanceIdIn=" + association.getId()))
                .isNotEmpty();
        assertThat(ids(HR, "/engine-rest/history/variable-instance?processInstanceIdIn=" + association.getId()))
                .isEmpty();
        // The admin still reads both.
        assertThat(ids(ADMIN, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + associationKey)).hasSize(1);
        assertThat(ids(ADMIN, "/engine-rest/process-instance?processDefinitionKey=award-selection&businessKey=" + companyKey)).hasSize(1);
    }

    /** The ids in a JSON list the engine's REST API answers with 200. */
    private List<String> ids(String user, String path) throws Exception {
        Http.Answer answer = as(user).get(path);
        assertThat(answer.status()).as(user + " " + path + ": " + answer.body()).isEqualTo(200);
        return json.readTree(answer.body()).findValuesAsText("id");
    }

    private Http as(String user) {
        return user == null ? Http.to(port) : Http.to(port).as(user, "demo");
    }
}
