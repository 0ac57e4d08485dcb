package io.laurel.onlinevote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.intake.IntakePackage;
import io.laurel.intake.IntakePackageRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Vote exports as voting platforms write them (issue 14 point 5): 序号, 作品名称, 参赛人员, 参赛单位, 票数 in GBK
 * CSV with a title row above the header, the same as xlsx and as xls, and the usual other column names. Entries
 * are found by title and/or person and unit; unmatched rows come back one by one with a Chinese reason; the
 * platform's 序号 is never taken for Laurel's id.
 */
@LaurelTest
class PlatformVoteExportTest {

    @LocalServerPort
    int port;
    @Autowired
    CampaignService campaigns;
    @Autowired
    UnitRepository units;
    @Autowired
    NominationRepository nominations;
    @Autowired
    IntakePackageRepository packages;
    @Autowired
    IntakeApplicantRepository applicants;
    @Autowired
    OnlineVoteCounts counts;

    final ObjectMapper json = new ObjectMapper();
    Campaign campaign;
    long zhang;
    long li;
    long team;
    long chen1;
    long chen2;

    @BeforeEach
    void entriesAsIntakeRegistersThem() {
        campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.of(2018, 9, 1), "test");
        Unit a = units.save(new Unit(campaign.getId(), "华信银行信用卡中心", null, null, "a@unit.example"));
        Unit b = units.save(new Unit(campaign.getId(), "中国电信广州分公司", null, null, "b@unit.example"));
        zhang = entry(a, "张三", "有你，世界变更美");
        li = entry(a, "李四", "一通电话的温度");
        team = entry(b, "王五、赵六", "凌晨三点的坐席");
        chen1 = entry(a, "陈晨", "耳机里的春天");
        chen2 = entry(b, "陈晨", "耳机里的春天");
    }

    private long entry(Unit unit, String person, String title) {
        IntakePackage pkg = new IntakePackage(campaign.getId(), unit.getContactEmail(), Instant.now());
        pkg.identifyUnit(unit.getName(), unit.getId());
        pkg = packages.save(pkg);
        Nomination n = new Nomination(campaign.getId(), "entry", person, NominationChannel.UNIT, unit.getName(),
                unit.getContactEmail(), null, Instant.parse("2018-11-01T00:00:00Z"));
        n.fromUnit(unit.getId());
        n.changeStatus(NominationStatus.SUBMITTED);
        n = nominations.save(n);
        applicants.save(new IntakeApplicant(pkg.getId(), campaign.getId(), unit.getId(), n.getId(), 1, person, null,
                null, null, "entry", "参赛作品《" + title + "》"));
        return n.getId();
    }

    static final String[] HEADER = {"序号", "作品名称", "参赛人员", "参赛单位", "票数"};
    static final String[][] ROWS = {
        {"1", "《有你，世界变更美》", "张三", "华信银行信用卡中心", "1,520"},
        {"2", "一通电话的温度", "李四", "华信银行", "980"},
        {"3", "凌晨三点的坐席", "赵六、王五", "中国电信广州分公司", "980"},
        {"4", "耳机里的春天", "陈晨", "中国电信广州分公司", "300"},
        {"5", "不存在的作品", "孙七", "华信银行信用卡中心", "12"},
        {"6", "一通电话的温度", "张三", "华信银行信用卡中心", "40"},
        {"7", "耳机里的春天", "陈晨", "", "8"},
    };

    @Test
    void the_usual_gbk_csv_with_a_title_row_imports_and_reports_every_unmatched_row() throws Exception {
        StringBuilder csv = new StringBuilder("2018年度“最美客服人”征文大赛网络投票结果,,,,\n");
        csv.append(String.join(",", HEADER)).append('\n');
        for (String[] row : ROWS) {
            csv.append(String.join(",", java.util.Arrays.stream(row).map(c -> c.contains(",") ? "\"" + c + "\"" : c)
                    .toList())).append('\n');
        }
        JsonNode report = upload("投票结果.csv", csv.toString().getBytes(Charset.forName("GBK")), 200);
        assertImported(report);
    }

    @Test
    void the_same_export_as_xlsx_and_as_xls_imports_the_same() throws Exception {
        for (Workbook book : List.of(new XSSFWorkbook(), new HSSFWorkbook())) {
            try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                Sheet sheet = book.createSheet("投票结果");
                sheet.createRow(0).createCell(0).setCellValue("2018年度“最美客服人”征文大赛网络投票结果");
                write(sheet.createRow(2), HEADER);
                for (int i = 0; i < ROWS.length; i++) {
                    Row row = sheet.createRow(3 + i);
                    write(row, ROWS[i]);
                    row.getCell(0).setCellValue(i + 1);
                    row.getCell(4).setCellValue(Double.parseDouble(ROWS[i][4].replace(",", "")));
                }
                book.write(out);
                String name = book instanceof XSSFWorkbook ? "votes.xlsx" : "votes.xls";
                JsonNode report = upload(name, out.toByteArray(), 200);
                assertThat(report.get("rejected").get(0).get("row").asInt()).as(name).isEqualTo(8);
                assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).as(name)
                        .containsExactlyInAnyOrderEntriesOf(Map.of(zhang, 1520L, li, 980L, team, 980L, chen2, 300L));
            }
        }
    }

    @Test
    void other_column_names_platforms_use_are_recognised() throws Exception {
        String csv = "排名,标题,作者,所属单位,得票（票）\n1,有你，世界变更美,张三,华信银行信用卡中心,77票\n"
                + "2,,李四,华信银行信用卡中心,66\n";
        JsonNode report = upload("v.csv", csv.getBytes(Charset.forName("GBK")), 200);
        assertThat(report.get("imported").asInt()).isEqualTo(2);
        assertThat(report.get("ignoredColumns").toString()).contains("排名");
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(zhang, 77L, li, 66L));

        String titlesOnly = "作品,选手,单位,投票数\n凌晨三点的坐席,,,5\n";
        assertThat(upload("v.csv", titlesOnly.getBytes(Charset.forName("GBK")), 200).get("imported").asInt())
                .isEqualTo(1);
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).containsExactly(Map.entry(team, 5L));

        JsonNode noEntryColumn = upload("v.csv", "序号,票数\n1,5\n".getBytes(Charset.forName("GBK")), 422);
        assertThat(noEntryColumn.get("fatal").asText()).contains("缺少识别参赛作品的列", "作品名称", "参赛人员");
    }

    private void assertImported(JsonNode report) {
        assertThat(report.get("rowsRead").asInt()).isEqualTo(7);
        assertThat(report.get("imported").asInt()).isEqualTo(4);
        assertThat(report.get("ignoredColumns").toString()).contains("序号");
        Map<Integer, String> rejected = new TreeMap<>();
        report.get("rejected").forEach(r -> rejected.put(r.get("row").asInt(), r.get("reason").asText()));
        assertThat(rejected).containsOnlyKeys(7, 8, 9);
        assertThat(rejected.get(7)).isEqualTo("本活动没有作品“不存在的作品”");
        assertThat(rejected.get(8)).startsWith("作品“一通电话的温度”、参赛人员“张三”（华信银行信用卡中心）与登记的参赛作品不符")
                .contains("李四（华信银行信用卡中心）《一通电话的温度》");
        assertThat(rejected.get(9)).contains("对应多个参赛作品", "请填写参赛单位或提名编号");
        assertThat(report.get("summary").asText()).isEqualTo("共 7 行，已导入 4 行，3 行未导入（未匹配或有误，见各行原因）");
        assertThat(report.get("matched").get(2).get("entry").asText()).isEqualTo("王五、赵六（中国电信广州分公司）《凌晨三点的坐席》");
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT))
                .containsExactlyInAnyOrderEntriesOf(Map.of(zhang, 1520L, li, 980L, team, 980L, chen2, 300L));
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).doesNotContainKey(chen1);
    }

    private static void write(Row row, String[] cells) {
        for (int c = 0; c < cells.length; c++) {
            row.createCell(c).setCellValue(cells[c]);
        }
    }

    private JsonNode upload(String fileName, byte[] content, int status) throws Exception {
        Http.Answer answer = Http.to(port).as("chenjing", "demo").upload("/api/campaigns/" + campaign.getId()
                + "/votes/import", fileName, content);
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        return json.readTree(answer.body());
    }
}
