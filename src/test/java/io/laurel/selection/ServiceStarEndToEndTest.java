package io.laurel.selection;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.Employee;
import io.laurel.roster.EmploymentType;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
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
 * The company campaign service-star (seed 002, moved to 2026) end to end on the real application:
 * created and launched over HTTP by HR, more than 100 nominations (department heads in their tasks;
 * self, peer and customer nominations and materials through the API during the window), every phase
 * driven with the engine clock to the closed campaign. Checks the award quotas of the DMN and that
 * every key-date reminder reached the embedded mail server, addressed to the people it concerns, with
 * its exact Chinese subject.
 */
@LaurelTest
class ServiceStarEndToEndTest {

    static final List<String> DEPARTMENTS = List.of("客服中心", "售后服务部", "技术支持部", "销售顾问部", "前台接待部", "国际业务部");
    /** The DMN award-quota for service-star-2025. */
    static final Map<String, Integer> QUOTAS = Map.of("service-star", 5, "innovation", 10, "progress", 10,
            "best-satisfaction", 10, "excellent-team", 3);
    // Individual awards only: the team award 优秀服务团队 is refused for a person (SelectionApiTest).
    static final List<String> API_AWARDS = List.of("innovation", "progress", "best-satisfaction",
            "service-star");
    static final List<String> CHANNELS = List.of("SELF", "PEER", "CUSTOMER");
    static final Set<String> HR = Set.of("zhangmin@laurel.local", "liqing@laurel.local", "guoyan@laurel.local");
    /** Eligible and ineligible API nominations per department: 6 × 15 = 90, with the heads' 18 → 108. */
    static final int ELIGIBLE_PER_DEPARTMENT = 6;
    static final int INELIGIBLE_PER_DEPARTMENT = 9;

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    ObjectMapper json;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NominationRepository nominations;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    DepartmentHeadRepository heads;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identity;

    private final Map<String, Long> phaseMillis = new LinkedHashMap<>();
    private long phaseStart;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Http hr() {
        return Http.to(port).as("zhangmin", "demo");
    }

    @Test
    void service_star_from_launch_over_http_to_the_closed_campaign() throws Exception {
        phaseStart = System.nanoTime();
        mailServer.greenMail().purgeEmailFromAllMailboxes();

        // ---- HR creates the campaign (seed dates moved to 2026) and launches it over HTTP.
        clockAt("2026-03-02T10:00");
        Http.Answer created = hr().postJson("/api/campaigns", "{\"preset\":\"service-star-2025\",\"startsOn\":\"2026-01-31\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Long campaignId = json.readTree(created.body()).get("id").asLong();
        driver.tx.executeWithoutResult(s -> driver.employees.saveAll(driver.roster.generate(campaignId,
                LocalDate.of(2026, 3, 2))));
        Http.Answer launched = hr().request(HttpMethod.POST, "/api/campaigns/" + campaignId + "/launch");
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(json.readTree(launched.body()).get("processInstanceId").asText()).singleResult();
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        String subjectPrefix = "【" + campaign.getName() + "】";
        List<Task> nominateTasks = driver.tasks(instance, "nominateTask");
        assertThat(nominateTasks).hasSize(6);
        phase("launch");

        // ---- Nomination window. Three heads nominate before the reminder (12 March 09:00), three after.
        List<Task> early = nominateTasks.subList(0, 3);
        List<Task> late = nominateTasks.subList(3, 6);
        Set<Long> headPicks = new HashSet<>();
        clockAt("2026-03-04T09:30");
        early.forEach(task -> headPicks.addAll(nominateAsHead(campaignId, task)));

        // Self, peer and customer nominations come in through the API during the window.
        clockAt("2026-03-05T10:00");
        Map<Long, Boolean> expectedEligible = new HashMap<>();
        List<Long> eligibleApiNominations = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS.size(); d++) {
            String department = DEPARTMENTS.get(d);
            List<Employee> eligible = driver.eligibleStaff(campaignId, department);
            // The heads who nominate later pick their department's best three: keep those for them.
            List<Employee> forApi = eligible.subList(3, 3 + ELIGIBLE_PER_DEPARTMENT);
            List<Employee> ineligible = clearlyIneligible(campaignId, department).subList(0, INELIGIBLE_PER_DEPARTMENT);
            int k = 0;
            for (Employee e : concat(forApi, ineligible)) {
                String award = API_AWARDS.get((k + d) % API_AWARDS.size());
                String channel = CHANNELS.get(k % CHANNELS.size());
                long id = nominateOverApi(campaignId, channel, award, e);
                boolean isEligible = forApi.contains(e);
                expectedEligible.put(id, isEligible);
                if (isEligible) {
                    eligibleApiNominations.add(id);
                }
                k++;
            }
        }
        phase("api nominations");

        // The nomination reminder goes to the heads who have not nominated yet.
        Set<String> lateHeads = late.stream().map(t -> t.getAssignee() + "@laurel.local").collect(Collectors.toSet());
        clockAt("2026-03-12T09:00");
        driver.runDueJobs(instance);
        clockAt("2026-03-13T16:00");
        late.forEach(task -> headPicks.addAll(nominateAsHead(campaignId, task)));
        assertThat(driver.tasks(instance, "nominateTask")).isEmpty();

        // Materials: complete sets for three nominations over the multipart API, one nomination only the
        // main document (its nominee supplements the rest later), one none at all; the rest by repository.
        List<Nomination> all = nominations.findByCampaignIdOrderById(campaignId);
        assertThat(all).hasSizeGreaterThanOrEqualTo(100);
        headPicks.forEach(id -> expectedEligible.put(id, true));
        Long supplemented = eligibleApiNominations.get(0);
        Long withoutMaterials = eligibleApiNominations.get(1);
        for (Long id : eligibleApiNominations.subList(2, 5)) {
            uploadAll(id, SelectionDriver.MATERIAL_KINDS);
        }
        uploadAll(supplemented, List.of("main-document"));
        Set<Long> viaHttp = new HashSet<>(eligibleApiNominations.subList(0, 5));
        all.stream().filter(n -> expectedEligible.get(n.getId())).filter(n -> !viaHttp.contains(n.getId()))
                .forEach(n -> driver.attachAllMaterials(campaignId, n.getId()));
        phase("head nominations and materials");

        // ---- The window closes at 18:00; HR reviews every nomination the next morning.
        clockAt("2026-03-15T18:01");
        driver.runDueJobs(instance);
        assertThat(hr().postJson("/api/campaigns/" + campaignId + "/nominations", "{\"channel\":\"SELF\","
                + "\"awardCode\":\"progress\",\"employeeNumber\":\"E0002\",\"nominatorName\":\"本人\","
                + "\"nominatorContact\":\"e0002@staff.laurel.local\",\"reason\":\"迟到的提名\"}").status()).isEqualTo(409);
        List<Task> reviews = driver.tasks(instance, "reviewEligibility");
        assertThat(reviews).hasSameSizeAs(all);
        clockAt("2026-03-16T10:00");
        for (Task review : reviews) {
            Long nominationId = ((Number) taskService.getVariable(review.getId(), "nominationId")).longValue();
            boolean ruleEligible = (Boolean) taskService.getVariableLocal(review.getId(), "ruleEligible");
            boolean complete = (Boolean) taskService.getVariableLocal(review.getId(), "materialsConfirmedComplete");
            assertThat(ruleEligible).as("DMN verdict for nomination " + nominationId + ": "
                    + taskService.getVariableLocal(review.getId(), "ruleVerdict"))
                    .isEqualTo(expectedEligible.get(nominationId));
            boolean materialsSent = expectedEligible.get(nominationId) && !nominationId.equals(supplemented)
                    && !nominationId.equals(withoutMaterials);
            assertThat(complete).as("materials of " + nominationId).isEqualTo(materialsSent);
            driver.complete(review, vars("hrEligible", ruleEligible, "materialsConfirmedComplete", complete));
        }
        driver.runDueJobs(instance);
        assertThat(status(supplemented)).isEqualTo(NominationStatus.AWAITING_SUPPLEMENT);
        assertThat(status(withoutMaterials)).isEqualTo(NominationStatus.AWAITING_SUPPLEMENT);
        long ineligibleCount = expectedEligible.values().stream().filter(e -> !e).count();
        assertThat(nominations.findByCampaignIdAndStatusInOrderById(campaignId, List.of(NominationStatus.INELIGIBLE)))
                .hasSize((int) ineligibleCount);
        phase("eligibility review");

        // Supplement window: 3 working days. One nominee sends the missing materials over the API.
        clockAt("2026-03-17T10:00");
        List<String> missing = new ArrayList<>(SelectionDriver.MATERIAL_KINDS);
        missing.remove("main-document");
        uploadAll(supplemented, missing);
        clockAt("2026-03-19T10:01");
        driver.runDueJobs(instance);
        assertThat(status(supplemented)).isEqualTo(NominationStatus.ELIGIBLE);
        assertThat(status(withoutMaterials)).isEqualTo(NominationStatus.DROPPED);
        clockAt("2026-03-22T09:00");
        driver.runDueJobs(instance);

        // ---- Initial review: HR confirms the ranking; the top half of each position group advances.
        clockAt("2026-03-23T10:00");
        driver.complete(driver.tasks(instance, "confirmInitialList").get(0), vars("listConfirmed", true));
        driver.runDueJobs(instance);
        List<Nomination> advanced = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.ADVANCED));
        assertThat(advanced).isNotEmpty();
        clockAt("2026-04-07T09:00");
        driver.runDueJobs(instance);
        phase("supplement and initial review");

        // ---- Re-review: every member declares; nine score at once, six are late.
        clockAt("2026-04-13T10:00");
        List<Task> declarations = driver.tasks(instance, "signDeclaration");
        assertThat(declarations).hasSize(15);
        for (Task declaration : declarations) {
            driver.complete(declaration, vars("confidentialityAgreed", true,
                    "recusals", declaration.getAssignee().equals("majun") ? List.of(advanced.get(0).getId().toString())
                            : List.of()));
        }
        List<String> members = declarations.stream().map(Task::getAssignee).sorted().toList();
        Set<String> quick = new TreeSet<>(members.subList(0, 9));
        Set<String> slow = new TreeSet<>(members.subList(9, 15));
        for (Task score : driver.tasks(instance, "scoreCandidates")) {
            if (quick.contains(score.getAssignee())) {
                score(score);
            }
        }
        assertThat(driver.tasks(instance, "scoreCandidates")).extracting(Task::getAssignee)
                .containsOnlyElementsOf(slow).containsAll(slow);
        int lateScoresAssigned = driver.tasks(instance, "scoreCandidates").size();
        clockAt("2026-04-22T09:00");
        driver.runDueJobs(instance);
        // The deadline passes: late members are reported to HR; the phase ends once two thirds are in.
        clockAt("2026-04-26T00:00");
        driver.runDueJobs(instance);
        int lateScores = 0;
        for (List<Task> open = driver.tasks(instance, "scoreCandidates"); !open.isEmpty();
                open = driver.tasks(instance, "scoreCandidates")) {
            score(open.get(0));
            lateScores++;
        }
        assertThat(lateScores).as("the quorum ended the phase before every late score was in")
                .isLessThan(lateScoresAssigned);
        driver.runDueJobs(instance);
        phase("re-review");

        // ---- Final vote: everyone approves every finalist, except that six reject the last one.
        clockAt("2026-04-27T10:00");
        List<Nomination> finalists = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.FINALIST));
        Long rejected = finalists.get(finalists.size() - 1).getId();
        List<Task> ballots = driver.tasks(instance, "castBallot");
        assertThat(ballots).hasSize(15);
        for (int voter = 0; voter < ballots.size(); voter++) {
            Task ballot = ballots.get(voter);
            boolean rejects = voter < 6;
            Set<Long> recused = new HashSet<>(jdbc.queryForList("select nomination_id from recusal where campaign_id = ? "
                    + "and member_id = ?", Long.class, campaignId, ballot.getAssignee()));
            List<String> approve = finalists.stream().map(Nomination::getId).filter(id -> !recused.contains(id))
                    .filter(id -> !(id.equals(rejected) && rejects)).map(String::valueOf).toList();
            driver.complete(ballot, vars("secretBallot", approve));
        }
        clockAt("2026-04-30T10:00");
        driver.runDueJobs(instance);
        phase("final vote");

        // Winners never exceed the DMN quota; service-star has more qualified finalists than its 5 places.
        Map<String, Integer> winners = new TreeMap<>();
        jdbc.queryForList("select award_code, count(*) as n from award_result where campaign_id = ? and status = "
                + "'WINNER' group by award_code", campaignId).forEach(r -> winners.put((String) r.get("award_code"),
                ((Number) r.get("n")).intValue()));
        assertThat(winners).isNotEmpty();
        winners.forEach((award, count) -> assertThat(count).as("winners of " + award).isLessThanOrEqualTo(QUOTAS.get(award)));
        assertThat(winners.get("service-star")).isEqualTo(5);
        assertThat(jdbc.queryForObject("select count(*) from award_result where campaign_id = ? and award_code = "
                + "'service-star' and status = 'OVER_QUOTA'", Integer.class, campaignId)).isPositive();
        assertThat(jdbc.queryForObject("select status from award_result where nomination_id = ?", String.class,
                rejected)).isEqualTo("NOT_APPROVED");
        for (var outcome : jdbc.queryForList("select award_code, winners_quota, winners from award_outcome where "
                + "campaign_id = ?", campaignId)) {
            assertThat(((Number) outcome.get("winners_quota")).intValue())
                    .isEqualTo(QUOTAS.get((String) outcome.get("award_code")));
            assertThat(((Number) outcome.get("winners")).intValue())
                    .isEqualTo(winners.getOrDefault((String) outcome.get("award_code"), 0));
        }

        // ---- Public notice: an objection over the API, dismissed after investigation.
        clockAt("2026-05-04T10:00");
        Long objected = nominations.findByCampaignIdAndStatusInOrderById(campaignId, List.of(NominationStatus.WINNER))
                .get(0).getId();
        Http.Answer objection = hr().postJson("/api/campaigns/" + campaignId + "/objections", json.writeValueAsString(
                Map.of("objectorName", "王某", "objectorContact", "wang.e2e@example.com", "nominationId", objected,
                        "reason", "服务案例数据与实际不符")));
        assertThat(objection.status()).as(objection.body()).isEqualTo(201);
        driver.complete(driver.tasks(instance, "investigateObjection").get(0), vars("objectionUpheld", false,
                "decisionReason", "经核实服务数据属实,异议不成立"));
        driver.runDueJobs(instance);
        assertThat(subjectsTo("wang.e2e@example.com")).containsExactly(subjectPrefix + "异议处理结果");
        clockAt("2026-05-12T00:00");
        driver.runDueJobs(instance);
        clockAt("2026-05-12T09:00");
        driver.runDueJobs(instance);

        // ---- Ceremony: reminder 3 days before, HR confirms it was held, the campaign closes.
        Set<String> winnerEmails = nominations.findByCampaignIdAndStatusInOrderById(campaignId,
                List.of(NominationStatus.WINNER)).stream()
                .map(n -> driver.employees.findById(n.getEmployeeId()).orElseThrow().getEmail())
                .collect(Collectors.toSet());
        clockAt("2026-05-27T09:00");
        driver.runDueJobs(instance);
        clockAt("2026-05-30T00:01");
        driver.runDueJobs(instance);
        driver.complete(driver.tasks(instance, "confirmCeremony").get(0), vars("ceremonyHeld", true));
        driver.runDueJobs(instance);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).singleResult()
                .getEndTime()).as("process ended").isNotNull();
        assertThat(campaigns.findById(campaignId).orElseThrow().getStatus()).isEqualTo(CampaignStatus.CLOSED);
        assertThat(json.readTree(hr().get("/api/campaigns/" + campaignId).body()).get("status").asText())
                .isEqualTo("CLOSED");
        phase("notice and ceremony");

        // ---- Every key-date reminder, to exactly the people it concerns, once each, subject in Chinese.
        Set<String> committee = emailsOf("committee");
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put(subjectPrefix + "提醒:提名阶段将于 2026-03-15 18:00 截止", lateHeads);
        expected.put(subjectPrefix + "提醒:资格审核将于 2026-03-25 23:59 截止", HR);
        expected.put(subjectPrefix + "提醒:初评将于 2026-04-10 23:59 截止", HR);
        expected.put(subjectPrefix + "提醒:复评将于 2026-04-25 23:59 截止",
                slow.stream().map(m -> m + "@laurel.local").collect(Collectors.toSet()));
        expected.put(subjectPrefix + "提醒:终评与公示将于 2026-05-15 23:59 截止", union(committee, HR));
        expected.put(subjectPrefix + "提醒:表彰大会将于 2026-05-30（星期六）举行", union(committee, winnerEmails));
        Map<String, List<String>> received = received();
        assertThat(received.keySet().stream().filter(s -> s.contains("提醒:")).collect(Collectors.toSet()))
                .as("reminder subjects").containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((subject, recipients) -> assertThat(received.get(subject)).as(subject)
                .containsExactlyInAnyOrderElementsOf(recipients));
        // And the other mails of the lifecycle reached their people.
        assertThat(received.get(subjectPrefix + "复评截止:逾期评委名单")).containsExactlyInAnyOrderElementsOf(HR);
        assertThat(received.get(subjectPrefix + "请在3个工作日内补充参选材料")).isNotEmpty();
        assertThat(received.get(subjectPrefix + "提名因材料不全已取消")).isNotEmpty();
        assertThat(received.get(subjectPrefix + "获奖名单公示")).containsExactlyInAnyOrderElementsOf(winnerEmails);
        assertThat(received.get(subjectPrefix + "评选结果定稿")).containsExactlyInAnyOrderElementsOf(committee);
        phase("mail checks");
        System.out.println("ServiceStarEndToEndTest: " + all.size() + " nominations, " + advanced.size()
                + " advanced, " + finalists.size() + " finalists, winners " + winners + ", phases (ms) " + phaseMillis);
    }

    // ---------------------------------------------------------------------------------------- steps

    /** A head nominates their department's best three in the 提名 task: service-star, or progress for 国际业务部. */
    private List<Long> nominateAsHead(Long campaignId, Task task) {
        String department = heads.findByUserId(task.getAssignee()).orElseThrow().getDepartment();
        List<Employee> best = driver.eligibleStaff(campaignId, department);
        Map<String, Object> form = new HashMap<>();
        for (int i = 1; i <= 3; i++) {
            form.putAll(vars("nominee" + i, best.get(i - 1).getEmployeeNumber(), "award" + i,
                    department.equals("国际业务部") && i == 3 ? "progress" : "service-star", "reason" + i,
                    department + "服务标杆:全年零投诉,客户满意度名列前茅"));
        }
        driver.complete(task, form);
        return nominations.findByCampaignIdOrderById(campaignId).stream()
                .filter(n -> best.subList(0, 3).stream().anyMatch(e -> e.getId().equals(n.getEmployeeId())))
                .filter(n -> n.getChannel().name().equals("DEPARTMENT")).map(Nomination::getId).toList();
    }

    private long nominateOverApi(Long campaignId, String channel, String award, Employee e) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("awardCode", award);
        body.put("employeeNumber", e.getEmployeeNumber());
        switch (channel) {
            case "SELF" -> {
                body.put("nominatorName", e.getName());
                body.put("nominatorContact", e.getEmail());
                body.put("reason", "本人全年服务量与解决率均居部门前列,附服务数据与客户表扬信。");
            }
            case "PEER" -> {
                body.put("nominatorName", e.getDepartment() + "同事");
                body.put("nominatorContact", "13900000000");
                body.put("reason", "同事推荐:乐于分享经验,带动班组整体服务水平提升。");
            }
            default -> {
                body.put("nominatorName", "客户代表");
                body.put("nominatorContact", "13700000000");
                body.put("reason", "客户推荐:多次耐心解决复杂问题,服务案例见附件。");
            }
        }
        Http.Answer answer = hr().postJson("/api/campaigns/" + campaignId + "/nominations", json.writeValueAsString(body));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return json.readTree(answer.body()).get("id").asLong();
    }

    private void uploadAll(Long nominationId, List<String> kinds) throws Exception {
        for (String kind : kinds) {
            int copies = kind.equals("customer-praise") ? 5 : 1;
            for (int i = 0; i < copies; i++) {
                String name = kind.equals("main-document") ? "客服中心-参选人-服务之星.pdf" : kind + "-" + i + ".pdf";
                byte[] content = ("%PDF-1.4 " + kind + " " + i + " for " + nominationId).getBytes(StandardCharsets.UTF_8);
                if (kind.equals("service-story")) {
                    // Its length is checked (at most 800 字), so it is a text Laurel can read.
                    name = "服务事迹陈述.txt";
                    content = "连续三个月客户满意度第一，主动回访投诉客户并提出流程改进建议。".repeat(10)
                            .getBytes(StandardCharsets.UTF_8);
                }
                Http.Answer answer = hr().upload("/api/nominations/" + nominationId + "/materials?kind=" + kind, name,
                        content);
                assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            }
        }
    }

    private void score(Task task) {
        long nominationId = ((Number) taskService.getVariable(task.getId(), "reviewNominationId")).longValue();
        int score = (int) (70 + nominationId % 29);
        driver.complete(task, vars("interviewScore", score, "caseScore", score - 2, "casesAuthentic", "true"));
    }

    /** Staff the rules must refuse: on probation, or outside the department's top 30 % in satisfaction. */
    private List<Employee> clearlyIneligible(Long campaignId, String department) {
        List<Employee> staff = driver.employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaignId, department);
        return staff.stream().filter(e -> e.getEmploymentType() == EmploymentType.PROBATION
                || e.getSatisfactionScore() != null && staff.stream().filter(o -> o.getSatisfactionScore() != null
                        && o.getSatisfactionScore().compareTo(e.getSatisfactionScore()) > 0).count() + 1 > staff.size() * 0.3)
                .toList();
    }

    private NominationStatus status(Long nominationId) {
        return nominations.findById(nominationId).orElseThrow().getStatus();
    }

    private void phase(String name) {
        long now = System.nanoTime();
        phaseMillis.put(name, (now - phaseStart) / 1_000_000);
        phaseStart = now;
    }

    // ---------------------------------------------------------------------------------------- mail

    /** Every mail the embedded server received: subject → recipients (one entry per delivery). */
    private Map<String, List<String>> received() throws Exception {
        Map<String, List<String>> bySubject = new TreeMap<>();
        for (MimeMessage message : mailServer.greenMail().getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                bySubject.computeIfAbsent(message.getSubject(), s -> new ArrayList<>()).add(to.toString());
            }
        }
        return bySubject;
    }

    private List<String> subjectsTo(String address) throws Exception {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mailServer.greenMail().getReceivedMessagesForDomain(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private Set<String> emailsOf(String group) {
        return identity.createUserQuery().memberOfGroup(group).list().stream().map(User::getEmail)
                .collect(Collectors.toSet());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
