package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.support.Http;
import io.laurel.support.KeptDownloads;
import io.laurel.support.LaurelTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code GET /api/campaigns/{id}/results} of an association campaign over HTTP: every figure recomputes from the
 * answer itself, judge ids reach staff only, unit prizes are proposed and confirmed, results.xlsx carries it all.
 */
@LaurelTest
class AssociationResultsApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ScoringFixture fixture;
    @Autowired
    JdbcTemplate jdbc;

    final ObjectMapper json = new ObjectMapper();

    private Http as(String user) {
        return Http.to(port).as(user, "demo");
    }

    private JsonNode body(Http.Answer answer, int status) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }

    @Test
    void everyFinalScoreRecomputesFromTheAnswerAndJudgeIdsReachStaffOnly() throws Exception {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        fixture.essayTable(campaign);
        String base = "/api/campaigns/" + campaign.getId();

        JsonNode before = body(as("chenjing").get(base + "/results"), 200);
        assertThat(before.get("computedAt").isNull()).isTrue();
        assertThat(before.get("groups")).isEmpty();

        body(as("chenjing").request(HttpMethod.PUT, base + "/scoring-settings"), 400);
        assertThat(as("chenjing").putJson(base + "/scoring-settings", "{\"normalisation\":\"zz\"}").status())
                .isEqualTo(400);
        assertThat(as("wanglei").putJson(base + "/scoring-settings", "{\"normalisation\":\"z-score\"}").status())
                .isEqualTo(403);
        body(as("chenjing").putJson(base + "/scoring-settings", "{\"normalisation\":\"z-score\"}"), 200);
        assertThat(as("wanglei").request(HttpMethod.POST, base + "/results/compute").status()).isEqualTo(403);
        body(as("chenjing").request(HttpMethod.POST, base + "/results/compute"), 200);

        JsonNode staff = body(as("chenjing").get(base + "/results"), 200);
        assertThat(staff.get("warnings")).isEmpty();
        assertThat(staff.get("names").get("thought").asText()).isEqualTo("思想性");
        assertThat(staff.get("names").get("onlineVote").asText()).isEqualTo("网络投票得分");
        assertThat(staff.get("judgeIdsVisible").asBoolean()).isTrue();
        assertThat(staff.get("normalisation").asText()).isEqualTo("z-score");
        assertThat(staff.get("decisions").get("scoreWeights").asText()).startsWith("score-weights:");
        assertThat(staff.get("decisions").get("votePoints").asText()).startsWith("vote-points:");
        assertThat(staff.get("weights").get("expert").decimalValue()).isEqualByComparingTo("0.7");
        JsonNode entries = staff.get("groups").get(0).get("entries");
        assertThat(entries).hasSize(12);
        assertThat(entries.get(0).get("candidateName").asText()).isEqualTo("作品3");
        assertThat(staff.get("fullMarks").get("onlineVote").decimalValue()).isEqualByComparingTo("20");
        assertThat(staff.get("finalFormula").asText()).isEqualTo("最终得分 = 70% × 专家评分 × 100 ÷ 100 + 10% × 专业观众评分 "
                + "× 100 ÷ 100 + 20% × 网络投票得分 × 100 ÷ 20（专家评分满100分计入70分，专业观众评分满100分计入10分，"
                + "网络投票得分满20分计入20分）");
        assertThat(entries.get(0).get("prizes").get(0).get("name").asText()).isEqualTo("“最美客服人”一等奖");
        for (JsonNode entry : entries) {
            recomputes(staff, entry);
        }
        assertThat(judges(staff)).containsOnly("a1", "a2", "e1", "e2", "e3");
        assertThat(staff.get("judgeFigures").findValuesAsText("judge")).containsExactly("a1", "a2", "e1", "e2", "e3");

        // Before the results are published only the association staff read them (issue 15.4); HR runs
        // company campaigns, not this one.
        for (String user : new String[] {"wanglei", "huangjianguo", "zhangmin"}) {
            assertThat(body(as(user).get(base + "/results"), 403).get("message").asText()).contains("尚未公示");
        }
        jdbc.update("update campaign set status = 'CLOSED' where id = ?", campaign.getId());
        for (String user : new String[] {"wanglei", "huangjianguo"}) {
            JsonNode member = body(as(user).get(base + "/results"), 200);
            assertThat(member.get("judgeIdsVisible").asBoolean()).isFalse();
            assertThat(judges(member)).containsOnly("专家评委1", "专家评委2", "专家评委3", "专业观众评委1", "专业观众评委2");
            assertThat(member.get("judgeFigures").findValuesAsText("judge")).doesNotContain("e1", "e2", "e3", "a1",
                    "a2");
            assertThat(member.toString()).doesNotContain("\"e1\"", "\"e2\"", "\"a1\"");
            // The same figures as staff get, only the names differ.
            assertThat(member.get("groups").findValuesAsText("finalScore"))
                    .isEqualTo(staff.get("groups").findValuesAsText("finalScore"));
            recomputes(member, member.get("groups").get(0).get("entries").get(3));
        }
        assertThat(Http.to(port).get(base + "/results").status()).isEqualTo(401);

        // A recomputation keeps every judge's label: the committee's view is the same as before.
        JsonNode memberBefore = body(as("wanglei").get(base + "/results"), 200);
        body(as("chenjing").request(HttpMethod.POST, base + "/results/compute"), 200);
        JsonNode memberAfter = body(as("wanglei").get(base + "/results"), 200);
        assertThat(memberAfter.get("groups")).isEqualTo(memberBefore.get("groups"));
        assertThat(memberAfter.get("judgeFigures")).isEqualTo(memberBefore.get("judgeFigures"));
    }

    @Test
    void unitPrizesAreProposedFromTheFiguresAndConfirmedByStaff() throws Exception {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        fixture.essayTable(campaign);
        String base = "/api/campaigns/" + campaign.getId();
        List<Long> units = jdbc.queryForList("select id from member_unit where campaign_id = ? order by id", Long.class,
                campaign.getId());
        body(as("chenjing").putJson(base + "/units/" + units.get(3) + "/activity",
                "{\"forwards\":30,\"readers\":5000,\"guidanceScore\":9,\"note\":\"转发推文30次\"}"), 200);
        JsonNode bad = body(as("chenjing").putJson(base + "/units/" + units.get(3) + "/activity",
                "{\"forwards\":-1,\"readers\":5}"), 400);
        assertThat(bad.get("field").asText()).isEqualTo("forwards");
        body(as("chenjing").putJson(base + "/units/999999/activity", "{\"forwards\":1,\"readers\":5}"), 404);

        JsonNode results = body(as("chenjing").request(HttpMethod.POST, base + "/results/compute"), 200);

        List<JsonNode> cohesive = new ArrayList<>();
        results.get("unitPrizes").forEach(p -> {
            if (p.get("awardCode").asText().equals("most-cohesive")) {
                cohesive.add(p);
            }
        });
        // 最具凝聚力奖 leads with promotion: the only unit with recorded activity is proposed first.
        assertThat(cohesive).hasSize(3);
        assertThat(cohesive.get(0).get("unitId").asLong()).isEqualTo(units.get(3));
        assertThat(cohesive.get(0).get("status").asText()).isEqualTo("PROPOSED");
        // Each unit has 3 entries; 最佳团队奖 leads with the mean final score of the unit's entries.
        JsonNode team = results.get("unitPrizes").get(0);
        assertThat(team.get("awardCode").asText()).isEqualTo("best-organisation");

        body(as("chenjing").postJson(base + "/unit-prizes/most-cohesive/" + units.get(3), "{\"decision\":\"confirm\"}"),
                200);
        assertThat(as("wanglei").postJson(base + "/unit-prizes/most-cohesive/" + units.get(3),
                "{\"decision\":\"reject\"}").status()).isEqualTo(403);
        body(as("chenjing").postJson(base + "/unit-prizes/most-cohesive/" + units.get(0), "{\"decision\":\"maybe\"}"),
                400);
        body(as("chenjing").request(HttpMethod.POST, base + "/results/compute"), 200);

        JsonNode after = body(as("chenjing").get(base + "/results"), 200);
        JsonNode confirmed = null;
        for (JsonNode p : after.get("unitPrizes")) {
            if (p.get("awardCode").asText().equals("most-cohesive") && p.get("unitId").asLong() == units.get(3)) {
                confirmed = p;
            }
        }
        assertThat(confirmed).isNotNull();
        assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.get("decidedBy").asText()).isEqualTo("chenjing");
        assertThat(confirmed.get("decidedAt").isNull()).isFalse();

        Http.Answer xlsx = as("chenjing").get(base + "/exports/results.xlsx");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(as("wanglei").get(base + "/exports/results.xlsx").status()).isEqualTo(403);
    }

    @Test
    void theSpreadsheetHoldsRanksJudgeMarksAndTheMethod() throws Exception {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        fixture.essayTable(campaign);
        String base = "/api/campaigns/" + campaign.getId();
        body(as("chenjing").request(HttpMethod.POST, base + "/results/compute"), 200);

        byte[] bytes = KeptDownloads.keep("essay-results.xlsx",
                Http.to(port).as("chenjing", "demo").download(base + "/exports/results.xlsx"));

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("评选结果");
            var first = book.getSheet("评选结果").getRow(1);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(1);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("作品3");
            assertThat(first.getCell(11).getNumericCellValue()).isEqualTo(88.1333);
            assertThat(first.getCell(12).getStringCellValue()).isEqualTo("“最美客服人”一等奖、最佳风采奖");
            assertThat(book.getSheet("评委评分").getLastRowNum()).isEqualTo(60);
            // Explanations in Chinese words, no internal codes or decision ids.
            var method = book.getSheet("计算说明");
            assertThat(method.getRow(2).getCell(1).getStringCellValue()).startsWith("不标准化");
            StringBuilder all = new StringBuilder();
            method.forEach(row -> row.forEach(cell -> all.append(cell.toString()).append('|')));
            assertThat(all.toString()).doesNotContain("DMN", "none", "z-score", "vote-points", "score-weights");
            String explained = sheetText(method);
            assertThat(explained).contains("满分：网络投票得分\t20", "最终得分公式\t最终得分 = 70% × 专家评分 × 100 ÷ 100",
                    "20% × 网络投票得分 × 100 ÷ 20");
            assertThat(book.getSheet("单位奖").getLastRowNum()).isEqualTo(9);
            // The house style on every sheet: bold frozen header with a filter.
            for (var sheet : book) {
                assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                        .as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).as(sheet.getSheetName()).isEqualTo((short) 1);
                assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getCTWorksheet().isSetAutoFilter()).isTrue();
            }
        }
    }

    private static String sheetText(org.apache.poi.ss.usermodel.Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (var row : sheet) {
            for (var cell : row) {
                text.append(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                        ? BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString()
                        : cell.getStringCellValue()).append('\t');
            }
            text.append('\n');
        }
        return text.toString();
    }

    @Test
    void noPrizeListBeforeTheResultsAreComputed() throws Exception {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        Http.Answer refused = as("chenjing").get("/api/campaigns/" + campaign.getId() + "/exports/results.xlsx");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("尚未计算", "获奖名单");
    }

    /**
     * Judge totals = Σ marks; panel score = mean of normalised totals; final = Σ weight × source × 100 ÷ full marks
     * (4 decimals) — seed 001: experts of 100 × 70 %, audience of 100 × 10 %, vote of 20 points × 20 %.
     */
    private static void recomputes(JsonNode results, JsonNode entry) {
        Map<String, BigDecimal> seedFullMarks = Map.of("expert", new BigDecimal(100), "audience", new BigDecimal(100),
                "onlineVote", new BigDecimal(20));
        BigDecimal expectedFinal = BigDecimal.ZERO;
        for (var it = results.get("weights").fields(); it.hasNext();) {
            var w = it.next();
            expectedFinal = expectedFinal.add(w.getValue().decimalValue()
                    .multiply(entry.get("sourceScores").get(w.getKey()).decimalValue()).multiply(new BigDecimal(100))
                    .divide(seedFullMarks.get(w.getKey()), 10, RoundingMode.HALF_UP));
        }
        assertThat(entry.get("finalScore").decimalValue())
                .isEqualByComparingTo(expectedFinal.setScale(4, RoundingMode.HALF_UP));
        for (String panel : new String[] {"expert", "audience"}) {
            BigDecimal sum = BigDecimal.ZERO;
            int n = 0;
            for (JsonNode judge : entry.get("judges")) {
                BigDecimal marks = BigDecimal.ZERO;
                for (JsonNode mark : judge.get("criteria")) {
                    marks = marks.add(mark.decimalValue());
                }
                assertThat(judge.get("total").decimalValue()).isEqualByComparingTo(marks);
                if (judge.get("panel").asText().equals(panel)) {
                    sum = sum.add(judge.get("normalised").decimalValue());
                    n++;
                }
            }
            // Normalised totals are shown to 4 decimals, so the mean of the shown figures may differ in the last place.
            assertThat(sum.divide(BigDecimal.valueOf(n), 4, RoundingMode.HALF_UP).subtract(
                    entry.get("sourceScores").get(panel).decimalValue()).abs()).isLessThanOrEqualTo(new BigDecimal("0.0001"));
        }
        int rank = entry.get("voteRank").asInt();
        int points = rank == 1 ? 20 : rank <= 4 ? 18 : rank <= 7 ? 16 : rank <= 10 ? 14 : rank <= 20 ? 10 : 9;
        assertThat(entry.get("sourceScores").get("onlineVote").decimalValue()).isEqualByComparingTo(
                BigDecimal.valueOf(points));
    }

    private static List<String> judges(JsonNode results) {
        List<String> judges = new ArrayList<>();
        results.get("groups").forEach(g -> g.get("entries").forEach(e -> e.get("judges").forEach(j ->
                judges.add(j.get("judge").asText()))));
        return judges;
    }
}
