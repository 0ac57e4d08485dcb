package io.laurel.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.KeptDownloads;
import io.laurel.support.LaurelTest;
import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The files HR hands round, opened with POI: the company summary.xlsx and results.xlsx of a campaign driven to its
 * public notice, results.xlsx refused before any score, and the roster template (which imports as it is).
 */
@LaurelTest
class CompanyExportsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void company_summary_and_results_in_the_house_style_and_no_prize_list_before_scores() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        Http hr = Http.to(port).as("zhangmin", "demo");
        String base = "/api/campaigns/" + campaign.getId() + "/exports/";

        Http.Answer early = hr.get(base + "results.xlsx");
        assertThat(early.status()).isEqualTo(409);
        assertThat(json.readTree(early.body()).get("message").asText()).contains("尚无复评得分", "获奖名单");

        List<Nomination> nominations = driver.driveToTheNotice(campaign, instance);
        assertThat(nominations).hasSize(2);

        try (XSSFWorkbook book = open(KeptDownloads.keep("company-summary.xlsx", hr.download(base + "summary.xlsx")))) {
            Sheet details = book.getSheet("提名明细");
            assertHouseStyle(book, details);
            assertThat(texts(details.getRow(0))).containsExactly("提名编号", "部门", "奖项", "提名渠道", "候选人", "工号",
                    "推荐人", "提交时间", "资格审核", "审核说明", "初评得分", "岗位组排名", "复评得分", "当前状态");
            assertThat(details.getLastRowNum()).isEqualTo(nominations.size());
            for (int r = 1; r <= nominations.size(); r++) {
                Row row = details.getRow(r);
                Nomination n = nominations.get(r - 1);
                assertThat(row.getCell(0).getNumericCellValue()).isEqualTo(n.getId().doubleValue());
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo("售后服务部");
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo("年度服务之星");
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo("部门推荐");
                // Submitted at, as a date cell in Shanghai time (the clock stood at 2026-03-02 10:00 Shanghai).
                Cell submitted = row.getCell(7);
                assertThat(submitted.getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(submitted)).isTrue();
                assertThat(submitted.getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.ofInstant(n.getSubmittedAt(), SHANGHAI).withSecond(0).withNano(0)
                                .plusSeconds(submitted.getLocalDateTimeCellValue().getSecond()));
                assertThat(row.getCell(8).getStringCellValue()).isIn("符合参选条件", "人力资源部认定符合");
            }
            // One finalist (复评 90 + 90 in the driver) and one eliminated in the initial review.
            List<String> scores = new ArrayList<>();
            for (int r = 1; r <= nominations.size(); r++) {
                Cell score = details.getRow(r).getCell(12);
                scores.add(score == null || score.getCellType() == CellType.BLANK ? "" : new DataFormatter().formatCellValue(score));
            }
            assertThat(scores).contains("");
            assertThat(scores.stream().filter(s -> !s.isEmpty()).toList()).isNotEmpty();

            Sheet counts = book.getSheet("提名统计");
            assertHouseStyle(book, counts);
            assertThat(texts(counts.getRow(1))).containsExactly("售后服务部", "年度服务之星", "部门推荐", "2", "2", "1");
        }

        try (XSSFWorkbook book = open(KeptDownloads.keep("company-results.xlsx", hr.download(base + "results.xlsx")))) {
            Sheet results = book.getSheet("评选结果");
            assertHouseStyle(book, results);
            assertThat(results.getLastRowNum()).isPositive();
        }
    }

    @Test
    void the_roster_template_is_styled_and_imports_as_it_is() throws Exception {
        Http hr = Http.to(port).as("zhangmin", "demo");
        byte[] template = KeptDownloads.keep("roster-template.xlsx", hr.download("/api/templates/roster.xlsx"));
        try (XSSFWorkbook book = open(template)) {
            Sheet roster = book.getSheet("花名册");
            assertHouseStyle(book, roster);
            assertThat(texts(roster.getRow(0))).startsWith("工号", "姓名", "部门", "岗位组", "入职日期", "用工性质");
            Cell hired = roster.getRow(1).getCell(4);
            assertThat(DateUtil.isCellDateFormatted(hired)).isTrue();
            assertThat(hired.getLocalDateTimeCellValue().toLocalDate()).hasToString("2023-01-15");
            // "重大投诉(近12个月)" is 7 Chinese characters and 4 others: at least 18 character widths.
            assertThat(roster.getColumnWidth(7)).isGreaterThanOrEqualTo(18 * 256);
            assertThat(book.getSheet("填写说明").getLastRowNum()).isGreaterThanOrEqualTo(16);
        }

        JsonNode created = json.readTree(hr.postJson("/api/campaigns",
                "{\"preset\":\"service-star-2025\",\"startsOn\":\"2026-01-31\"}").body());
        Http.Answer imported = hr.upload("/api/campaigns/" + created.get("id").asLong() + "/roster", "花名册模板.xlsx",
                template);
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(json.readTree(imported.body()).get("imported").asInt()).isEqualTo(1);
    }

    private static XSSFWorkbook open(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    private static void assertHouseStyle(XSSFWorkbook book, Sheet sheet) {
        Row header = sheet.getRow(0);
        for (Cell cell : header) {
            assertThat(book.getFontAt(cell.getCellStyle().getFontIndex()).getBold()).as(cell.toString()).isTrue();
            // Wide enough for the header's Chinese text (two widths per character).
            int chinese = (int) cell.getStringCellValue().codePoints()
                    .filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
            assertThat(sheet.getColumnWidth(cell.getColumnIndex())).as(cell.toString())
                    .isGreaterThanOrEqualTo(2 * chinese * 256);
        }
        assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
        assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
        // Prints on A4 landscape, one page wide, the header on every page.
        assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        assertThat(sheet.getFitToPage()).isTrue();
        assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
        assertThat(sheet.getPrintSetup().getFitHeight()).isZero();
        assertThat(sheet.getRepeatingRows()).isEqualTo(CellRangeAddress.valueOf("1:1"));
        assertThat(((XSSFSheet) sheet).getCTWorksheet().getAutoFilter().getRef())
                .startsWith("A1:").endsWith(String.valueOf(sheet.getLastRowNum() + 1));
    }

    private static List<String> texts(Row row) {
        DataFormatter format = new DataFormatter();
        List<String> values = new ArrayList<>();
        row.forEach(cell -> values.add(format.formatCellValue(cell)));
        return values;
    }
}
