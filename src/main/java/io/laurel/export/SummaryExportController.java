package io.laurel.export;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/campaigns/{id}/exports/summary.xlsx}: the 推荐单位资料汇总表 (seed 000, 附件2) for every
 * unit that registered applicants through intake — one block per unit (单位名称; 单位联系人 / 电话 / 邮箱;
 * 序号 选手姓名 岗位名称 手机 邮箱 参评奖项), units in name order.
 */
@RestController
public class SummaryExportController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CampaignService campaigns;
    private final UnitRepository units;
    private final IntakeApplicantRepository applicants;

    private final CampaignAccess access;

    SummaryExportController(CampaignService campaigns, UnitRepository units, IntakeApplicantRepository applicants,
            CampaignAccess access) {
        this.access = access;
        this.campaigns = campaigns;
        this.units = units;
        this.applicants = applicants;
    }

    @GetMapping("/api/campaigns/{id}/exports/summary.xlsx")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> summary(@PathVariable Long id, Authentication caller) throws IOException {
        Campaign campaign = campaigns.get(id);
        // Applicants' mobiles and emails: the staff who run this campaign only.
        access.requireOperator(caller, campaign, "推荐单位资料汇总表");
        Map<Long, List<IntakeApplicant>> byUnit = applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(id)
                .stream().collect(Collectors.groupingBy(IntakeApplicant::getUnitId));
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("推荐单位资料汇总表");
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(campaign.getName() + "推荐单位资料汇总表");
            for (Unit unit : units.findByCampaignIdOrderByName(id)) {
                List<IntakeApplicant> list = byUnit.getOrDefault(unit.getId(), List.of());
                if (list.isEmpty()) {
                    continue;
                }
                r++;
                cells(sheet.createRow(r++), "单位名称:", unit.getName());
                cells(sheet.createRow(r++), "单位联系人:", unit.getContactName(), "电话:", unit.getContactPhone(), "邮箱:",
                        unit.getContactEmail());
                cells(sheet.createRow(r++), "序号", "选手姓名", "岗位名称", "手机", "邮箱", "参评奖项");
                int n = 1;
                for (IntakeApplicant a : list) {
                    String award = campaign.award(a.getAwardCode()).map(x -> x.getName()).orElse(a.getAwardName());
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(n++);
                    for (int c = 0; c < 5; c++) {
                        String v = switch (c) {
                            case 0 -> a.getName();
                            case 1 -> a.getJobTitle();
                            case 2 -> a.getMobile();
                            case 3 -> a.getEmail();
                            default -> award;
                        };
                        row.createCell(c + 1).setCellValue(v == null ? "" : v);
                    }
                }
            }
            for (int c = 0; c < 6; c++) {
                sheet.setColumnWidth(c, 20 * 256);
            }
            book.write(out);
            return ResponseEntity.ok().contentType(XLSX)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("推荐单位资料汇总表-" + id + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .body(out.toByteArray());
        }
    }

    private static void cells(Row row, String... values) {
        for (int c = 0; c < values.length; c++) {
            row.createCell(c).setCellValue(values[c] == null ? "" : values[c]);
        }
    }
}
