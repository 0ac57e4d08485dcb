package io.laurel.judging;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.process.FormOptions;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.support.Tasklist;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 acceptance: cs-essay-2018's finals, ranks and all seven prize lists for 22 entries of 7 units, computed
 * in this test from seed 001's words and compared with what Laurel ranks and the committee confirms.
 *
 * <p>The seed's rules as this test reads them (docs/rules.md): a judge's score is 内容性 + 思想性 + 创新性 +
 * 规范性 (10, minus 1 per nonconformity, floor 0); the expert and professional-audience scores are the means of
 * their judges' scores; the online vote's rank (equal votes share the better rank) gives 20 / 18 / 16 / 14 / 10 / 9
 * points; final = experts (of 100) × 70 % + audience (of 100) × 10 % + vote (of 20) × 20 % on a 100-point scale,
 * so the vote's 20 points count in full. 一等奖 2, 二等奖 6, 三等奖 12 by final score; equal finals go to the
 * higher expert score, then 思想性, then the earlier entry. 最佳人气奖, 最佳风采奖, 最佳形象奖, 最佳创意奖 go to the
 * four entries with the most votes in that order, equal votes ordered as the ranking.
 *
 * <p>Through the surfaces users use: 规范性 in the staff's review form (three entries with deductions), a judge's
 * recusal in the declaration, every score through the engine REST API as Tasklist submits it, the vote as the
 * platform's GBK export (序号, 作品名称, 参赛人员, 参赛单位, 票数) with ties, the results API, the list confirmation and
 * the committee's ballots.
 */
@LaurelTest
class EssayPrizeListsTest {

    static final List<String> EXPERTS = AssociationJudgingProcessTest.EXPERTS;
    static final List<String> AUDIENCE = AssociationJudgingProcessTest.AUDIENCE;
    static final List<String> JUDGES = List.of("fengjie", "hanxue", "qianhong", "yangfan", "zhuwei", "luojing",
            "songtao", "zhengyu");

    /** Seven units: 5 + 4 + 3 + 3 + 3 + 2 + 2 = 22 entries; the first three employ demo judges. */
    static final Map<String, Integer> UNITS = new LinkedHashMap<>();

    static {
        UNITS.put("华信银行信用卡中心", 5);
        UNITS.put("东方航空客服中心", 4);
        UNITS.put("远景通信客户服务部", 3);
        UNITS.put("星河电商客服中心", 3);
        UNITS.put("南方电网客户服务中心", 3);
        UNITS.put("长城保险客户服务部", 2);
        UNITS.put("蓝海物流客服中心", 2);
    }

    /** Vote counts, handed out in a shuffled order: ties at 800, 650, 420, 300, 200, 100 and 60. */
    static final long[] VOTES = {800, 800, 650, 650, 650, 500, 420, 420, 300, 300, 300, 250, 200, 200, 150, 120, 100,
        100, 90, 80, 60, 60};
    /** Nonconformities staff record: entry 3 one, entry 8 two, entry 15 twelve (规范性 stops at 0). */
    static final Map<Integer, Integer> ISSUES = Map.of(3, 1, 8, 2, 15, 12);
    static final String RECUSING = "hanxue";
    static final Instant SUBMITTED = Instant.parse("2026-11-01T02:00:00Z");

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    SelectionDriver driver;
    @Autowired
    UnitRepository units;
    @Autowired
    NominationRepository nominations;
    @Autowired
    IntakePackageRepository packages;
    @Autowired
    IntakeApplicantRepository applicants;
    @Autowired
    AssociationFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    TransactionTemplate tx;

    final ObjectMapper json = new ObjectMapper();

    /** One entry as the test knows it: its number 1..22, unit, nomination id and votes. */
    record Entry(int no, String unit, long id, long votes) {
    }

    /** What the test expects of one entry. */
    record Expected(Entry entry, BigDecimal expert, BigDecimal audience, BigDecimal thought, int voteRank,
            int votePoints, BigDecimal finalScore) {
    }

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void finals_ranks_and_all_seven_prize_lists_follow_seed_001() throws Exception {
        clockAt("2026-10-01T10:00");
        Campaign campaign = fixture.essayCampaign();
        List<Entry> entries = register(campaign);
        ProcessInstance instance = driver.launch(campaign);

        // The platform's export, in GBK as Excel on Chinese Windows saves it.
        StringBuilder csv = new StringBuilder("序号,作品名称,参赛人员,参赛单位,票数\n");
        for (Entry e : entries) {
            csv.append(e.no()).append(",作品").append(e.no()).append(",作者").append(e.no()).append(',')
                    .append(e.unit()).append(',').append(e.votes()).append('\n');
        }
        Http.Answer imported = Http.to(port).as("chenjing", "demo").upload("/api/campaigns/" + campaign.getId()
                + "/votes/import", "网络投票结果.csv", csv.toString().getBytes(Charset.forName("GBK")));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("imported").asInt()).isEqualTo(22);

        // Intake closes; staff record the nonconformities they found.
        clockAt("2026-11-10T09:00");
        driver.runDueJobs(instance);
        Map<Long, Integer> conformity = new HashMap<>();
        Map<Long, Entry> byId = new HashMap<>();
        entries.forEach(e -> byId.put(e.id(), e));
        for (Task task : driver.tasks(instance, "reviewConformity")) {
            long id = ((Number) engine.getTaskService().getVariable(task.getId(), "entryId")).longValue();
            int issues = ISSUES.getOrDefault(byId.get(id).no(), 0);
            engine.getTaskService().claim(task.getId(), "chenjing");
            driver.complete(task, vars("nonconformities", "文章字数不符\n".repeat(issues)));
            conformity.put(id, Math.max(0, 10 - issues));
        }

        // Declarations: one expert recuses the first entry assigned to them.
        driver.runDueJobs(instance);
        long recused = records(campaign).stream().filter(a -> a[0].equals(RECUSING)).map(a -> Long.parseLong(a[1]))
                .findFirst().orElseThrow();
        for (Task declaration : driver.tasks(instance, "signJudgeDeclaration")) {
            driver.complete(declaration, declaration.getAssignee().equals(RECUSING)
                    ? vars("confidentialityAgreed", true, "recusals", List.of(Long.toString(recused)))
                    : vars("confidentialityAgreed", true));
        }

        // Every judge scores through REST as Tasklist does; the marks vary by entry and judge.
        Map<Long, Map<String, int[]>> marks = new HashMap<>();
        List<Task> scoring = driver.tasks(instance, "scoreEntries");
        assertThat(scoring).hasSize(22 * 5 - 1);
        for (Task task : scoring) {
            long id = ((Number) engine.getTaskService().getVariable(task.getId(), "judgeEntryId")).longValue();
            int k = byId.get(id).no();
            int j = JUDGES.indexOf(task.getAssignee());
            int[] m = {10 + (k * 7 + j * 3) % 21, 20 + (k * 11 + j * 5) % 31, 4 + (k + j) % 7};
            Tasklist.as(port, task.getAssignee(), "demo").complete(task.getId(),
                    Map.of("content", m[0], "thought", m[1], "innovation", m[2]));
            marks.computeIfAbsent(id, x -> new TreeMap<>()).put(task.getAssignee(), m);
        }
        assertThat(marks.get(recused)).doesNotContainKey(RECUSING).hasSize(4);

        // Laurel ranks.
        driver.runDueJobs(instance);
        BpmnAwareTests.assertThat(driver.evaluation(instance)).isWaitingAt("confirmPrizeList");

        // The expected figures, from the marks the judges gave and the seed's rules.
        List<Expected> expected = expected(entries, marks, conformity);
        Map<String, List<Long>> expectedLists = prizeLists(expected);
        assertThat(expectedLists.values().stream().mapToInt(List::size).sum()).isEqualTo(20 + 4);

        JsonNode results = json.readTree(Http.to(port).as("chenjing", "demo").get("/api/campaigns/"
                + campaign.getId() + "/results").body());
        JsonNode rows = results.get("groups").get(0).get("entries");
        assertThat(rows).hasSize(22);
        Map<String, List<Long>> laurelLists = new TreeMap<>();
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            Expected e = expected.get(i);
            assertThat(row.get("nominationId").asLong()).as("position %d", i + 1).isEqualTo(e.entry().id());
            assertThat(row.get("position").asInt()).isEqualTo(i + 1);
            assertThat(row.get("sourceScores").get("expert").decimalValue()).as("expert of 作品%d", e.entry().no())
                    .isEqualByComparingTo(e.expert());
            assertThat(row.get("sourceScores").get("audience").decimalValue()).isEqualByComparingTo(e.audience());
            assertThat(row.get("voteRank").asInt()).as("vote rank of 作品%d", e.entry().no()).isEqualTo(e.voteRank());
            assertThat(row.get("votePoints").intValue()).isEqualTo(e.votePoints());
            assertThat(row.get("finalScore").decimalValue()).as("final of 作品%d", e.entry().no())
                    .isEqualByComparingTo(e.finalScore());
            row.get("prizes").forEach(p -> laurelLists.computeIfAbsent(p.get("code").asText(), c -> new ArrayList<>())
                    .add(row.get("nominationId").asLong()));
        }
        assertThat(laurelLists).isEqualTo(expectedLists);
        assertThat(results.get("finalFormula").asText()).contains("20% × 网络投票得分 × 100 ÷ 20");

        // Staff confirm the list, the committee approves it: the published lists are the expected ones.
        Task confirm = driver.tasks(instance, "confirmPrizeList").get(0);
        engine.getTaskService().claim(confirm.getId(), "chenjing");
        driver.complete(confirm, vars("listConfirmed", true, "confirmedUnitPrizes",
                FormOptions.checked(engine.getTaskService().getVariable(confirm.getId(), "confirmedUnitPrizes"))));
        driver.runDueJobs(instance);
        List<Long> listed = jdbc.queryForList("select distinct nomination_id from list_vote_award where campaign_id = ?",
                Long.class, campaign.getId());
        for (Task ballot : driver.tasks(instance, "castBallot")) {
            driver.complete(ballot, vars("secretBallot", listed.stream().map(String::valueOf).toList()));
        }
        driver.runDueJobs(instance);
        Map<String, List<Long>> published = new TreeMap<>();
        jdbc.query("select award_code, nomination_id from award_result where campaign_id = ? and status = 'WINNER'",
                rs -> {
                    published.computeIfAbsent(rs.getString(1), c -> new ArrayList<>()).add(rs.getLong(2));
                }, campaign.getId());
        expectedLists.forEach((award, ids) -> assertThat(published.get(award)).as(award)
                .containsExactlyInAnyOrderElementsOf(ids));
        assertThat(published.keySet()).containsAll(expectedLists.keySet());

        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "prize lists checked");
        tx.executeWithoutResult(s -> campaigns.findById(campaign.getId()).ifPresent(Campaign::markClosed));
    }

    /** The seed's arithmetic, written out here independently of Laurel's ScoreBlend. */
    static List<Expected> expected(List<Entry> entries, Map<Long, Map<String, int[]>> marks,
            Map<Long, Integer> conformity) {
        List<Expected> out = new ArrayList<>();
        for (Entry e : entries) {
            List<BigDecimal> experts = new ArrayList<>();
            List<BigDecimal> audience = new ArrayList<>();
            List<BigDecimal> thought = new ArrayList<>();
            marks.get(e.id()).forEach((judge, m) -> {
                BigDecimal total = BigDecimal.valueOf(m[0] + m[1] + m[2] + conformity.get(e.id()));
                if (EXPERTS.contains(judge)) {
                    experts.add(total);
                    thought.add(BigDecimal.valueOf(m[1]));
                } else {
                    audience.add(total);
                }
            });
            int rank = 1 + (int) entries.stream().filter(o -> o.votes() > e.votes()).count();
            int points = rank == 1 ? 20 : rank <= 4 ? 18 : rank <= 7 ? 16 : rank <= 10 ? 14 : rank <= 20 ? 10 : 9;
            BigDecimal expert = mean(experts);
            BigDecimal aud = mean(audience);
            // 70 % of a 100-point expert score, 10 % of a 100-point audience score, the vote's 20 points × 20 % of 100.
            BigDecimal finalScore = new BigDecimal("0.7").multiply(expert).add(new BigDecimal("0.1").multiply(aud))
                    .add(BigDecimal.valueOf(points).divide(BigDecimal.valueOf(20)).multiply(BigDecimal.valueOf(20)))
                    .setScale(4, RoundingMode.HALF_UP);
            out.add(new Expected(e, expert, aud, mean(thought), rank, points, finalScore));
        }
        out.sort(ORDER);
        return out;
    }

    static final Comparator<Expected> ORDER = Comparator.comparing(Expected::finalScore, Comparator.reverseOrder())
            .thenComparing(Expected::expert, Comparator.reverseOrder())
            .thenComparing(Expected::thought, Comparator.reverseOrder())
            .thenComparing(e -> e.entry().no());

    /** Rank prizes down the ranking (2, 6, 12), vote prizes down the vote list (one each). */
    static Map<String, List<Long>> prizeLists(List<Expected> ranking) {
        Map<String, List<Long>> lists = new TreeMap<>();
        String[] byPosition = new String[20];
        java.util.Arrays.fill(byPosition, 0, 2, "first-prize");
        java.util.Arrays.fill(byPosition, 2, 8, "second-prize");
        java.util.Arrays.fill(byPosition, 8, 20, "third-prize");
        for (int i = 0; i < 20; i++) {
            lists.computeIfAbsent(byPosition[i], c -> new ArrayList<>()).add(ranking.get(i).entry().id());
        }
        List<Expected> byVotes = new ArrayList<>(ranking);
        byVotes.sort(Comparator.comparingLong((Expected e) -> e.entry().votes()).reversed().thenComparing(ORDER));
        String[] votePrizes = {"popularity", "style", "image", "creativity"};
        for (int i = 0; i < votePrizes.length; i++) {
            lists.put(votePrizes[i], List.of(byVotes.get(i).entry().id()));
        }
        return lists;
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP);
    }

    /** Judge id and entry id of every assignment, in assignment order. */
    private List<String[]> records(Campaign campaign) {
        return jdbc.query("select judge_id, nomination_id from judge_assignment where campaign_id = ? order by id",
                (rs, i) -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}, campaign.getId());
    }

    /** The 22 entries as package intake registers them: unit, package, applicant with its title, nomination. */
    private List<Entry> register(Campaign campaign) {
        return tx.execute(s -> {
            List<Entry> entries = new ArrayList<>();
            int no = 0;
            for (Map.Entry<String, Integer> u : UNITS.entrySet()) {
                Unit unit = units.save(new Unit(campaign.getId(), u.getKey(), "联系人", "010-1234567",
                        "contact@" + Math.abs(u.getKey().hashCode()) + ".example.com"));
                IntakePackage pkg = new IntakePackage(campaign.getId(), unit.getContactEmail(), SUBMITTED);
                pkg.identifyUnit(u.getKey(), unit.getId());
                pkg = packages.save(pkg);
                for (int i = 1; i <= u.getValue(); i++) {
                    no++;
                    Nomination n = new Nomination(campaign.getId(), "entry", "作者" + no, NominationChannel.UNIT,
                            u.getKey(), unit.getContactEmail(), null, SUBMITTED.plusSeconds(no));
                    n.fromUnit(unit.getId());
                    n.changeStatus(NominationStatus.SUBMITTED);
                    n = nominations.save(n);
                    applicants.save(new IntakeApplicant(pkg.getId(), campaign.getId(), unit.getId(), n.getId(), i,
                            "作者" + no, "客服代表", null, null, "entry", "参赛作品《作品" + no + "》"));
                    entries.add(new Entry(no, u.getKey(), n.getId(), VOTES[(no * 5) % VOTES.length]));
                }
            }
            return entries;
        });
    }
}
