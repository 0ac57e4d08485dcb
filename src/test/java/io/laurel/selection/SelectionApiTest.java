package io.laurel.selection;

import io.laurel.process.AwardSelection;
import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.Employee;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The selection API over real HTTP: launching, nominations, materials and objections, and every bad
 * input with its status and Chinese reason (naming the field, or the deadline, at fault).
 */
@LaurelTest
class SelectionApiTest {

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    ObjectMapper json;

    @Autowired
    RuntimeService runtime;

    @Autowired
    NominationRepository nominations;

    @Autowired
    MaterialRepository materials;

    @Autowired
    CampaignService campaigns;

    @Autowired
    DepartmentHeadRepository heads;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Http hr() {
        return Http.to(port).as("zhangmin", "demo");
    }

    // ---------------------------------------------------------------------------------------- launch

    @Test
    void launch_refuses_a_department_head_a_second_launch_and_an_unknown_campaign() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        String launch = "/api/campaigns/" + campaign.getId() + "/launch";

        Http.Answer anonymous = Http.to(port).request(HttpMethod.POST, launch);
        assertThat(anonymous.status()).isEqualTo(401);
        Http.Answer head = Http.to(port).as("wanglei", "demo").request(HttpMethod.POST, launch);
        assertError(head, 403, null, "无权访问");
        assertThat(instances(campaign)).as("a refused launch starts nothing").isZero();

        Http.Answer first = hr().request(HttpMethod.POST, launch);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode started = json.readTree(first.body());
        assertThat(started.get("status").asText()).isEqualTo("RUNNING");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(started.get("processInstanceId").asText())
                .processInstanceBusinessKey(campaign.getId().toString()).count()).isEqualTo(1);

        Http.Answer second = hr().request(HttpMethod.POST, launch);
        assertError(second, 409, null, "「" + campaign.getName() + "」已启动");
        assertThat(instances(campaign)).as("still one instance").isEqualTo(1);

        assertError(hr().request(HttpMethod.POST, "/api/campaigns/987654321/launch"), 404, null, "活动不存在: 987654321");
        runtime.deleteProcessInstance(started.get("processInstanceId").asText(), "test finished");
    }

    // ---------------------------------------------------------------------------------------- nominations

    @Test
    void nominations_are_taken_only_inside_the_window_which_closes_at_18_00_shanghai() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        String path = "/api/campaigns/" + campaign.getId() + "/nominations";
        List<Employee> staff = driver.eligibleStaff(campaign.getId(), "客服中心");

        // Before launch: refused, and the answer names the window with its deadline.
        assertError(hr().postJson(path, nomination("SELF", "service-star", staff.get(0), "服务态度好")), 409, null,
                "尚未启动", "2026-03-15 18:00", "Asia/Shanghai");

        ProcessInstance instance = launchOverHttp(campaign);
        clockAt("2026-02-28T12:00");
        assertError(hr().postJson(path, nomination("SELF", "service-star", staff.get(0), "服务态度好")), 409, null,
                "提名尚未开始", "2026-03-01 00:00");

        clockAt("2026-03-02T10:00");
        Http.Answer accepted = hr().postJson(path, nomination("SELF", "service-star", staff.get(0), "服务态度好"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        JsonNode created = json.readTree(accepted.body());
        assertThat(accepted.headers().getLocation()).hasToString("/api/nominations/" + created.get("id").asLong());
        assertThat(created.get("status").asText()).isEqualTo("SUBMITTED");
        assertThat(created.get("channel").asText()).isEqualTo("SELF");

        clockAt("2026-03-15T17:59:59");
        assertThat(hr().postJson(path, nomination("CUSTOMER", "best-satisfaction", staff.get(1), "客户来信表扬")).status())
                .isEqualTo(201);

        clockAt("2026-03-15T18:00:01");
        assertError(hr().postJson(path, nomination("PEER", "progress", staff.get(2), "进步很大")), 409, null,
                "提名已截止", "截止时间为 2026-03-15 18:00 (Asia/Shanghai)");

        JsonNode listed = json.readTree(hr().get(path).body());
        assertThat(listed).hasSize(2);
        assertThat(listed.findValuesAsText("channel")).containsExactly("SELF", "CUSTOMER");
        // The deadline timer agrees with the API: exactly the two accepted nominations go to review.
        driver.runDueJobs(instance);
        assertThat(driver.tasks(instance, "reviewEligibility")).hasSize(2);
        runtime.deleteProcessInstance(instance.getId(), "test finished");
    }

    @Test
    void bad_nominations_name_the_field_at_fault() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = launchOverHttp(campaign);
        String path = "/api/campaigns/" + campaign.getId() + "/nominations";
        List<Employee> staff = driver.eligibleStaff(campaign.getId(), "售后服务部");
        Employee candidate = staff.get(0);

        assertError(hr().postJson(path, nomination("SELF", "best-smile", candidate, "理由")), 400, "awardCode",
                "awardCode", "best-smile");
        assertError(hr().postJson(path, nomination("SELF", "excellent-team", candidate, "理由")), 400, "awardCode",
                "优秀服务团队", "不是个人奖项");
        assertError(hr().postJson(path, nomination("SELF", "service-star", "E9999", "理由")), 400, "employeeNumber",
                "花名册中没有工号 E9999");
        assertError(hr().postJson(path, nomination("SELF", "service-star", candidate, null)), 400, "reason",
                "reason: 必填");
        assertError(hr().postJson(path, nomination("CUSTOMER", "service-star", candidate, "   ")), 400, "reason",
                "服务案例与推荐理由");
        assertError(hr().postJson(path, nomination("DEPARTMENT", "service-star", candidate, "理由")), 400, "channel",
                "部门推荐", "任务列表");
        assertError(hr().postJson(path, nomination("UNIT", "service-star", candidate, "理由")), 400, "channel",
                "单位推荐", "SELF / PEER / CUSTOMER");
        assertError(hr().postJson(path, nomination("FAX", "service-star", candidate, "理由")), 400, "channel",
                "未知的提名方式 FAX");
        assertError(hr().postJson(path, nomination(null, "service-star", candidate, "理由")), 400, "channel", "必填");
        assertError(hr().postJson(path, "{\"channel\":\"SELF\",\"awardCode\":\"service-star\",\"employeeNumber\":\""
                + candidate.getEmployeeNumber() + "\",\"nominatorName\":\"本人\",\"reason\":\"理由\"}"), 400,
                "nominatorContact", "提名人联系方式");
        assertError(hr().postJson(path, "{\"channel\": SELF"), 400, null, "不是有效的 JSON");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).as("nothing was registered").isEmpty();

        // A duplicate (same employee, same award, any channel) is a conflict; another award is not.
        assertThat(hr().postJson(path, nomination("SELF", "service-star", candidate, "理由")).status()).isEqualTo(201);
        assertError(hr().postJson(path, nomination("PEER", "service-star", candidate, "同事推荐")), 409, null,
                candidate.getName() + " 已被提名参评「年度服务之星」");
        assertThat(hr().postJson(path, nomination("PEER", "innovation", candidate, "同事推荐")).status()).isEqualTo(201);

        // Only campaign operators submit for others; unknown campaigns are 404.
        assertError(Http.to(port).as("wanglei", "demo").postJson(path,
                nomination("PEER", "progress", staff.get(1), "理由")), 403, null, "无权访问");
        assertError(hr().postJson("/api/campaigns/987654321/nominations",
                nomination("SELF", "service-star", candidate, "理由")), 404, null, "活动不存在");
        assertThat(nominations.findByCampaignIdOrderById(campaign.getId())).hasSize(2);
        runtime.deleteProcessInstance(instance.getId(), "test finished");
    }

    // ---------------------------------------------------------------------------------------- materials

    @Test
    void bad_materials_say_why_and_store_nothing() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = launchOverHttp(campaign);
        Employee candidate = driver.eligibleStaff(campaign.getId(), "技术支持部").get(0);
        Http.Answer nominated = hr().postJson("/api/campaigns/" + campaign.getId() + "/nominations",
                nomination("SELF", "service-star", candidate, "理由"));
        long nominationId = json.readTree(nominated.body()).get("id").asLong();
        String path = "/api/nominations/" + nominationId + "/materials";
        byte[] pdf = "%PDF-1.7 主体材料".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Http.Answer stored = hr().upload(path + "?kind=main-document", "技术支持部-" + candidate.getName()
                + "-服务之星.pdf", pdf);
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        assertThat(json.readTree(stored.body()).get("sha256").asText()).hasSize(64);

        assertError(hr().upload(path + "?kind=selfie", "me.pdf", pdf), 400, "kind", "没有材料类型 selfie");
        assertError(hr().upload(path + "?kind=main-document", "setup.exe", new byte[] {77, 90, 0}), 400, "file",
                "只接受 [pdf]", "setup.exe");
        assertError(hr().upload(path + "?kind=main-document", "empty.pdf", new byte[0]), 400, "file", "文件为空");
        assertError(hr().upload(path + "?kind=main-document", "attachment", "main.pdf", pdf), 400, "file",
                "缺少上传的文件");
        assertError(hr().upload(path, "main.pdf", pdf), 400, "kind", "kind: 必填");
        assertError(hr().upload("/api/nominations/987654321/materials?kind=main-document", "main.pdf", pdf), 404, null,
                "提名不存在");
        assertError(Http.to(port).as("majun", "demo").upload(path + "?kind=main-document", "main.pdf", pdf), 403,
                null, "无权访问");
        assertThat(materials.findByNominationIdOrderById(nominationId)).hasSize(1);
        runtime.deleteProcessInstance(instance.getId(), "test finished");
    }

    /** The service-star preset sets no size limit; 最美客服人's video (参选视频) may have at most 50 MB. */
    @Test
    void a_material_above_its_rule_size_limit_is_413() throws Exception {
        Campaign association = campaigns.createFromPreset("most-beautiful-cs-2019", LocalDate.of(2026, 12, 1), "test");
        Nomination nomination = new Nomination(association.getId(), "elite-cs", "周晓雯", NominationChannel.UNIT,
                "某某科技有限公司", "contact@example.com", "单位推荐", Instant.now());
        nominations.save(nomination);
        String path = "/api/nominations/" + nomination.getId() + "/materials?kind=video";

        assertThat(hr().upload(path, "video.mp4", new byte[1024]).status()).isEqualTo(201);
        Http.Answer tooLarge = hr().upload(path, "video.mp4", new byte[50 * 1024 * 1024 + 1]);
        assertError(tooLarge, 413, "file", "「参选视频」不能超过 50 MB");
        assertThat(json.readTree(tooLarge.body()).get("error").asText()).isEqualTo("payload_too_large");
        assertThat(materials.findByNominationIdOrderById(nomination.getId())).hasSize(1);
    }

    // ---------------------------------------------------------------------------------------- objections

    @Test
    void objections_are_taken_only_during_the_notice_and_only_against_winners() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = launchOverHttp(campaign);
        String path = "/api/campaigns/" + campaign.getId() + "/objections";

        assertError(hr().postJson(path, objection(1L, "对评选结果有疑问")), 409, null, "当前不在公示期");
        assertError(hr().postJson("/api/campaigns/987654321/objections", objection(1L, "理由")), 404, null, "活动不存在");

        List<Nomination> all = driver.driveToTheNotice(campaign, instance);
        Nomination winner = all.stream().filter(n -> n.getStatus() == NominationStatus.WINNER).findFirst().orElseThrow();
        Nomination notWinner = all.stream().filter(n -> n.getStatus() != NominationStatus.WINNER).findFirst()
                .orElseThrow();

        assertError(hr().postJson(path, objection(notWinner.getId(), "不应参评")), 400, "nominationId",
                notWinner.getId() + " 不在公示的获奖名单上");
        assertError(hr().postJson(path, objection(winner.getId(), " ")), 400, "reason", "异议理由");
        assertError(hr().postJson(path, "{\"objectorName\":\"王某\",\"objectorContact\":\"wang@example.com\","
                + "\"reason\":\"理由\"}"), 400, "nominationId", "必填");
        assertThat(driver.tasks(instance, "investigateObjection")).as("no refused objection is investigated").isEmpty();

        Http.Answer raised = hr().postJson(path, objection(winner.getId(), "服务案例存在夸大"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        assertThat(raised.body()).contains("异议已受理").doesNotContain("王某").doesNotContain("wang@example.com");
        List<Task> investigations = driver.tasks(instance, "investigateObjection");
        assertThat(investigations).hasSize(1);
        driver.complete(investigations.get(0), vars("objectionUpheld", false, "decisionReason", "经核实案例属实"));
        driver.runDueJobs(instance);

        // After the 5 working days (published Thursday 04-30, 劳动节, ends Monday 05-11 23:59:59).
        clockAt("2026-05-12T00:00");
        driver.runDueJobs(instance);
        assertError(hr().postJson(path, objection(winner.getId(), "迟到的异议")), 409, null, "当前不在公示期");
        runtime.deleteProcessInstance(instance.getId(), "test finished");
    }

    // ---------------------------------------------------------------------------------------- helpers

    private ProcessInstance launchOverHttp(Campaign campaign) throws Exception {
        Http.Answer launched = hr().request(HttpMethod.POST, "/api/campaigns/" + campaign.getId() + "/launch");
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        String id = json.readTree(launched.body()).get("processInstanceId").asText();
        return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private long instances(Campaign campaign) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(campaign.getId().toString()).count();
    }

    private String nomination(String channel, String award, Employee employee, String reason) throws Exception {
        return nomination(channel, award, employee.getEmployeeNumber(), reason);
    }

    private String nomination(String channel, String award, String employeeNumber, String reason) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("awardCode", award);
        body.put("employeeNumber", employeeNumber);
        body.put("nominatorName", "陈晓");
        body.put("nominatorContact", "chenxiao@example.com");
        body.put("reason", reason);
        return json.writeValueAsString(body);
    }

    private String objection(Long nominationId, String reason) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("objectorName", "王某");
        body.put("objectorContact", "wang@example.com");
        body.put("nominationId", nominationId);
        body.put("reason", reason);
        return json.writeValueAsString(body);
    }

    /** An error answer: its status, the field named (when given) and the Chinese reason's parts. */
    private void assertError(Http.Answer answer, int status, String field, String... messageParts) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("status").asInt()).isEqualTo(status);
        if (field != null) {
            assertThat(error.get("field")).as("field of " + answer.body()).isNotNull();
            assertThat(error.get("field").asText()).isEqualTo(field);
        }
        assertThat(error.get("message").asText()).contains(messageParts);
    }
}
