package io.laurel.intake;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.judging.JudgingRecords;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.process.FormOptions;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seed 003 (中国最具影响力呼叫中心企业（2019-2020）) from the organisations' registration mails to the confirmed 入榜名单,
 * read literally: ① 企业准备资料 ② 以电子邮件方式提供资料 ③ 条件审核: 入门审核 of the organisations against the 参评条件
 * (参评对象必须为……呼叫中心、客户服务中心……电话服务中心，以及同类含义的职能部门) ④ 专家评审 of the 入围企业 only, on the
 * indicators of the 评选体系, giving each a 综合得分, 最终确定入榜名单 ⑤ 结果确认.
 * <p>
 * Five organisations mail their materials over SMTP; a logistics company is no call centre and is not admitted
 * (told by mail, never seen by the experts). The seed lists three 评估维度 with their 代表性评价指标 but no weights: the
 * secretary sets them in DMN score-weights before scoring — here the test's own choice, 企业基本概况 30 %, 企业资质评价
 * 40 %, 企业主观评价 30 %, split equally among each dimension's indicators as the seed lists them. The experts score
 * in the indicator form (seeing the organisations' files), and the expected 综合得分 are computed here from those
 * weights and marks. The seed does not say how many enter the list: the secretary decides 2 at the confirmation.
 */
@LaurelTest
class EnterpriseRankingEndToEndTest extends IntakeTestSupport {

    /** 评选体系 of the seed, word for word: 评估维度 → 代表性评价指标. */
    static final Map<String, List<String>> SYSTEM = new LinkedHashMap<>();

    static {
        SYSTEM.put("企业基本概况", List.of("公司主营业务", "公司业务分布", "公司获奖情况"));
        SYSTEM.put("企业资质评价", List.of("公司人员规模", "公司坐席数量", "公司交付语言种类", "公司呼入KPI", "公司呼出KPI",
                "公司人员KPI", "公司总资产", "公司主营业务收入"));
        SYSTEM.put("企业主观评价", List.of("客户满意度", "公司激励与惩罚措施", "公司信息安全制度", "公司决策人影响力"));
    }

    /** The secretary's weights per dimension (the seed gives none), in percent. */
    static final Map<String, Integer> DIMENSION_PERCENT = Map.of("企业基本概况", 30, "企业资质评价", 40, "企业主观评价", 30);

    /** How the experts judge each admitted organisation per dimension, from its materials (before judge leniency). */
    record Organisation(String name, String profile, int basics, int qualification, int subjective) {
    }

    static final List<Organisation> ADMITTED = List.of(
            new Organisation("华夏银行信用卡客户服务中心", "华夏银行信用卡客户服务中心是银行的呼叫中心，7×24小时受理持卡人来电。", 90, 70, 85),
            new Organisation("云启科技客户联络中心", "云启科技客户联络中心为多家企业提供呼叫中心外包服务，坐席三千个。", 75, 98, 70),
            new Organisation("东方通信客服热线中心", "东方通信客服热线中心负责运营商的10010客服热线。", 75, 75, 75),
            new Organisation("海川保险电话服务中心", "海川保险电话服务中心受理保单咨询、报案与回访。", 60, 65, 95));

    static final String NOT_A_CALL_CENTRE = "顺达物流运输有限公司";
    static final String NOT_ADMITTED_REASON = "申报单位为公路货运与仓储企业，不是呼叫中心、客户服务中心、电话服务中心或同类含义的职能部门，"
            + "所附案例也不属于呼叫中心行业";

    /** The organisers' decision at the confirmation: the first two enter the list. */
    static final int LIST_SIZE = 2;

    @Autowired
    ProcessEngine engine;
    @Autowired
    SelectionDriver driver;
    @Autowired
    NominationRepository nominations;
    @Autowired
    JudgingRecords records;
    @Autowired
    MaterialRepository materials;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    /** The staff's score-weights version is this test's: the next tests score with Laurel's table again. */
    @AfterEach
    void removeStaffWeights() {
        deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
    }

    @Test
    void from_registration_mails_to_a_confirmed_list_of_the_organisers_size() throws Exception {
        Campaign campaign = openCampaign("influential-cc-2020");
        ProcessInstance instance = driver.launch(campaign);
        ProcessInstance evaluation = driver.evaluation(instance);
        BpmnAwareTests.assertThat(evaluation).isWaitingAt("awaitIntakeClose");

        // ①② Every organisation mails its materials (报名表, 中英文简介, LOGO, 3 张图片, 1-3 个案例), no folders.
        Map<String, String> senders = new LinkedHashMap<>();
        List<Organisation> all = new ArrayList<>(ADMITTED);
        all.add(new Organisation(NOT_A_CALL_CENTRE, "顺达物流运输有限公司主营公路货运、仓储与城市配送，车辆八百台。", 0, 0, 0));
        for (Organisation org : all) {
            String from = sender();
            senders.put(org.name(), from);
            send(from, "中国最具影响力呼叫中心企业评选报名：" + org.name(), "附件为全部申报资料，已加盖公章。",
                    org.name() + "+申报资料.zip", application(org));
        }
        assertThat(poll().dispatched()).isGreaterThanOrEqualTo(all.size());
        for (IntakePackage pkg : packages.findByCampaignIdOrderById(campaign.getId())) {
            runJobs(pkg);
        }
        for (Organisation org : all) {
            assertThat(content(mailsTo(senders.get(org.name()), 1).get(0))).as(org.name())
                    .contains(org.name() + " — 中国最具影响力呼叫中心企业");
        }
        Map<String, Nomination> entries = new LinkedHashMap<>();
        nominations.findByCampaignIdOrderById(campaign.getId()).forEach(n -> entries.put(n.getCandidateName(), n));
        assertThat(entries).containsOnlyKeys(all.stream().map(Organisation::name).toList());

        // ③ 报名截止: 入门审核 by the association's staff; the logistics company is not admitted, with the reason.
        Job intakeClose = engine.getManagementService().createJobQuery().processInstanceId(evaluation.getId()).timers()
                .singleResult();
        clockAt(new Date(intakeClose.getDuedate().getTime() + 60_000L));
        driver.runDueJobs(instance);
        List<Task> checks = driver.tasks(instance, "reviewConformity");
        assertThat(checks).hasSize(all.size()).allSatisfy(t -> assertThat(t.getName()).startsWith("入门审核:"));
        for (Task check : checks) {
            engine.getTaskService().claim(check.getId(), "chenjing");
            Map<String, Object> shown = engine.getTaskService().getVariablesLocal(check.getId());
            assertThat(shown).containsEntry("conformityScored", false).containsEntry("admission", "ADMITTED");
            assertThat((String) shown.get("admissionRule")).contains("呼叫中心", "客户服务中心", "同类含义的职能部门");
            long id = ((Number) engine.getTaskService().getVariable(check.getId(), "entryId")).longValue();
            if (id == entries.get(NOT_A_CALL_CENTRE).getId()) {
                assertThatThrownBy(() -> driver.complete(check, vars("admission", "NOT_ADMITTED",
                        "admissionReason", " "))).hasMessageContaining("请填写不予入围的原因");
                driver.complete(check, vars("admission", "NOT_ADMITTED", "admissionReason", NOT_ADMITTED_REASON));
            } else {
                driver.complete(check, vars("admission", "ADMITTED"));
            }
        }
        long refused = entries.get(NOT_A_CALL_CENTRE).getId();
        assertThat(records.admission(refused)).isEqualTo(new JudgingRecords.Admission(false, NOT_ADMITTED_REASON));
        assertThat(nominations.findById(refused).orElseThrow().getStatus()).isEqualTo(NominationStatus.INELIGIBLE);
        MimeMessage told = mailsTo(senders.get(NOT_A_CALL_CENTRE), 2).get(1);
        assertThat(subject(told)).isEqualTo("【" + campaign.getName() + "】入门审核结果：未入围");
        assertThat(content(told)).contains(NOT_A_CALL_CENTRE, "未能入围", "不进入专家评审", NOT_ADMITTED_REASON);
        for (Organisation org : ADMITTED) {
            assertThat(received(senders.get(org.name()))).as(org.name()).hasSize(1);
        }

        // The secretary sets the weights in DMN score-weights before the experts score (the seed gives none).
        Map<String, BigDecimal> weights = secretaryWeights();
        deployStaffWeights(weights);

        // ④ 专家评审 of the 入围企业 only: three of the five experts each, in the indicator form with the files.
        driver.runDueJobs(instance);
        List<JudgingRecords.Assignment> assignments = records.assignments(campaign.getId());
        assertThat(assignments).hasSize(ADMITTED.size() * 3)
                .noneMatch(a -> a.nominationId() == refused);
        driver.tasks(instance, "signJudgeDeclaration").forEach(t -> driver.complete(t, vars("confidentialityAgreed", true)));
        List<String> experts = assignments.stream().map(JudgingRecords.Assignment::judgeId).distinct().sorted().toList();
        List<Task> scoring = engine.getTaskService().createTaskQuery().processInstanceId(evaluation.getId())
                .taskDefinitionKey("scoreEntries").initializeFormKeys().list();
        assertThat(scoring).hasSize(ADMITTED.size() * 3)
                .allSatisfy(t -> assertThat(t.getCamundaFormRef().getKey()).isEqualTo("indicator-score"));
        Map<String, Organisation> byName = new HashMap<>();
        ADMITTED.forEach(o -> byName.put(o.name(), o));
        Map<Long, Map<String, List<Integer>>> marks = new HashMap<>();
        for (Task task : scoring) {
            long id = ((Number) engine.getTaskService().getVariable(task.getId(), "judgeEntryId")).longValue();
            Organisation org = byName.get(nominations.findById(id).orElseThrow().getCandidateName());
            String links = (String) engine.getTaskService().getVariable(task.getId(), "materialLinks");
            assertThat(links).contains("中文企业简介.docx", "英文企业简介.docx", "企业LOGO.png", "企业图片3.jpg",
                    "2019年度成功案例1.docx");
            // Each link opens the file in the console for this task's judge (ConsoleBrowserTest opens one).
            Matcher link = Pattern.compile("\\]\\(/staff/tasks/" + task.getId() + "/materials/(\\d+)\\)").matcher(links);
            List<Long> linked = new ArrayList<>();
            while (link.find()) {
                linked.add(Long.parseLong(link.group(1)));
            }
            assertThat(linked).hasSizeGreaterThanOrEqualTo(9).containsExactlyInAnyOrderElementsOf(materials
                    .findByNominationIdOrderById(id).stream().map(m -> m.getId()).toList());
            int leniency = experts.indexOf(task.getAssignee()) % 3 - 1;
            Map<String, Object> form = new HashMap<>();
            SYSTEM.forEach((dimension, indicators) -> {
                for (int i = 0; i < indicators.size(); i++) {
                    int points = Math.min(100, base(org, dimension) + leniency + i % 3);
                    form.put(code(indicators.get(i)), points);
                    marks.computeIfAbsent(id, x -> new HashMap<>())
                            .computeIfAbsent(indicators.get(i), x -> new ArrayList<>()).add(points);
                }
            });
            driver.complete(task, form);
        }

        // 综合得分 = Σ weight × the experts' mean for the indicator, computed here; ranked best first.
        driver.runDueJobs(instance);
        Map<Long, BigDecimal> expected = new HashMap<>();
        marks.forEach((id, byIndicator) -> expected.put(id, byIndicator.entrySet().stream()
                .map(e -> weights.get(e.getKey()).multiply(mean(e.getValue()))).reduce(BigDecimal.ZERO, BigDecimal::add)));
        List<Long> order = expected.entrySet().stream().sorted(Map.Entry.<Long, BigDecimal>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        Map<Long, BigDecimal> computed = new HashMap<>();
        Map<Long, Integer> positions = new HashMap<>();
        jdbc.query("select nomination_id, final_score, position from entry_result where campaign_id = ?", rs -> {
            computed.put(rs.getLong(1), rs.getBigDecimal(2));
            positions.put(rs.getLong(1), rs.getInt(3));
        }, campaign.getId());
        assertThat(computed).containsOnlyKeys(expected.keySet());
        expected.forEach((id, score) -> assertThat(computed.get(id)).as("综合得分 of %s", id)
                .isCloseTo(score, org.assertj.core.data.Offset.offset(new BigDecimal("0.001"))));
        for (int i = 0; i < order.size(); i++) {
            assertThat(positions.get(order.get(i))).isEqualTo(i + 1);
        }
        // By these weights 云启 (资质 strong) leads, 华夏 second.
        assertThat(nominations.findById(order.get(0)).orElseThrow().getCandidateName()).isEqualTo("云启科技客户联络中心");
        assertThat(nominations.findById(order.get(1)).orElseThrow().getCandidateName()).isEqualTo("华夏银行信用卡客户服务中心");

        // ⑤ The secretary confirms: the seed gives no number, so the form shows the whole ranking and asks for it.
        Task confirm = driver.tasks(instance, "confirmPrizeList").get(0);
        engine.getTaskService().claim(confirm.getId(), "chenjing");
        Map<String, Object> shown = engine.getTaskService().getVariablesLocal(confirm.getId());
        assertThat(shown).containsEntry("quotaOpen", true);
        assertThat((String) shown.get("prizeList")).contains("未规定入选数量", "第 1 名 【中国最具影响力呼叫中心企业】云启科技客户联络中心",
                "第 4 名").doesNotContain(NOT_A_CALL_CENTRE);
        Object proposals = engine.getTaskService().getVariable(confirm.getId(), "confirmedUnitPrizes");
        assertThatThrownBy(() -> driver.complete(confirm, vars("listConfirmed", true, "confirmedUnitPrizes",
                FormOptions.checked(proposals)))).hasMessageContaining("请填写「中国最具影响力呼叫中心企业」的入选数量");
        driver.complete(confirm, vars("listConfirmed", true, "confirmedUnitPrizes", FormOptions.checked(proposals),
                "listQuota", LIST_SIZE));
        assertThat(jdbc.queryForObject("select winners from campaign_award_quota where campaign_id = ?", Integer.class,
                campaign.getId())).isEqualTo(LIST_SIZE);

        // The committee confirms the list by vote; the 入榜名单 is published.
        driver.runDueJobs(instance);
        List<Long> listed = jdbc.queryForList("select distinct nomination_id from list_vote_award where campaign_id = ? "
                + "order by nomination_id", Long.class, campaign.getId());
        assertThat(listed).containsExactlyInAnyOrderElementsOf(order.subList(0, LIST_SIZE));
        List<Task> ballots = driver.tasks(instance, "castBallot");
        assertThat(ballots).isNotEmpty();
        for (Task ballot : ballots) {
            driver.complete(ballot, vars("secretBallot", listed.stream().map(String::valueOf).toList()));
        }
        driver.runDueJobs(instance);
        assertThat(jdbc.queryForList("select nomination_id from award_result where campaign_id = ? and status = 'WINNER' "
                + "and award_code = 'influential-cc'", Long.class, campaign.getId()))
                .containsExactlyInAnyOrderElementsOf(order.subList(0, LIST_SIZE));
        BpmnAwareTests.assertThat(instance).isWaitingAt("noticePeriod");

        // The published results say whose weights these are: the secretary's, not Laurel's defaults.
        String notice = jdbc.queryForObject("select body from mail_outbox where recipient = 'chenjing@laurel.local' and "
                + "subject = ?", String.class, "【" + campaign.getName() + "】获奖名单已发布公示");
        assertThat(notice).contains("云启科技客户联络中心", "华夏银行信用卡客户服务中心", "未规定各项指标的权重",
                "由工作人员在决策表 score-weights").doesNotContain("东方通信客服热线中心");
        Http.Answer page = Http.to(port).get("/campaigns/" + campaign.getId() + "/notice");
        assertThat(page.body()).contains("云启科技客户联络中心", "评分权重说明", "由工作人员在决策表 score-weights");
        Http.Answer results = Http.to(port).as("chenjing", "demo").get("/api/campaigns/" + campaign.getId() + "/results");
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("\"weightsNote\"", "不是 Laurel 的默认值");
    }

    /** The secretary's weights: each dimension's percentage shared equally by its indicators, as fractions. */
    static Map<String, BigDecimal> secretaryWeights() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        SYSTEM.forEach((dimension, indicators) -> indicators.forEach(i -> weights.put(i,
                BigDecimal.valueOf(DIMENSION_PERCENT.get(dimension)).divide(BigDecimal.valueOf(100L * indicators.size()),
                        MathContext.DECIMAL64))));
        assertThat(weights).hasSize(15);
        assertThat(weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1");
        return weights;
    }

    /**
     * What staff do in the Camunda Modeler / Cockpit: deploy a new version of score-weights with their weights in the
     * influential-cc-2020 rows.
     */
    private void deployStaffWeights(Map<String, BigDecimal> weights) throws Exception {
        String dmn;
        try (InputStream shipped = getClass().getResourceAsStream("/decisions/score-weights.dmn")) {
            dmn = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, BigDecimal> w : weights.entrySet()) {
            String id = "rule-influential-cc-2020-" + code(w.getKey()) + "-weight";
            Pattern entry = Pattern.compile("(<outputEntry id=\"" + Pattern.quote(id) + "\"><text>)[^<]*(</text>)");
            assertThat(entry.matcher(dmn).find()).as(id).isTrue();
            dmn = entry.matcher(dmn).replaceFirst("$1" + w.getValue().toPlainString() + "$2");
        }
        Deployment deployment = engine.getRepositoryService().createDeployment().name("秘书处设定企业评选权重")
                .addString("score-weights.dmn", dmn).deploy();
        deployments.add(deployment.getId());
    }

    private static int base(Organisation org, String dimension) {
        return switch (dimension) {
            case "企业基本概况" -> org.basics();
            case "企业资质评价" -> org.qualification();
            default -> org.subjective();
        };
    }

    private static BigDecimal mean(List<Integer> points) {
        return BigDecimal.valueOf(points.stream().mapToInt(Integer::intValue).sum())
                .divide(BigDecimal.valueOf(points.size()), MathContext.DECIMAL64);
    }

    /** The form field of an indicator: the preset's rubric item of that name. */
    private static String code(String indicator) {
        Preset preset = new PresetCatalog().find("influential-cc-2020").orElseThrow();
        return preset.scoring().rubric().stream().filter(c -> c.name().equals(indicator)).findFirst()
                .orElseThrow(() -> new AssertionError("no rubric item " + indicator)).code();
    }

    /** Exactly the seed's materials, in no folder: 报名表, 中英文简介, LOGO, 企业图片3张, 2 个案例. */
    private static byte[] application(Organisation org) {
        PackageZip zip = PackageZip.utf8()
                .put("企业报名表（盖章）.pdf", TestMedia.pdf())
                .put("中文企业简介.docx", TestMedia.docx(org.profile()))
                .put("英文企业简介.docx", TestMedia.docx("We run a customer contact centre in China."))
                .put("企业LOGO.png", TestMedia.jpeg(50 * 1024));
        for (int i = 1; i <= 3; i++) {
            zip.put("企业图片" + i + ".jpg", TestMedia.jpeg(400 * 1024 + i));
        }
        for (int i = 1; i <= 2; i++) {
            zip.put("2019年度成功案例" + i + ".docx", TestMedia.docx(org.name() + " 案例 " + i));
        }
        return zip.bytes();
    }
}
