package io.laurel.export;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.Campaign;
import io.laurel.workbook.StyledWorkbook;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.intake.IntakeApplicant;
import io.laurel.intake.IntakeApplicantRepository;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/campaigns/{id}/exports/summary.xlsx}. Association campaigns: the 推荐单位资料汇总表 (seed 000,
 * 附件2) for every unit that registered applicants through intake, one row per applicant with the unit's
 * name and contact (units in name order), so the sheet can be filtered by unit. Company campaigns: the
 * nominations with verdicts and scores ({@link CompanySummary}).
 */
@RestController
public class SummaryExportController {

    static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final CampaignService campaigns;
    private final UnitRepository units;
    private final IntakeApplicantRepository applicants;
    private final CompanySummary company;
    private final CampaignAccess access;

    SummaryExportController(CampaignService campaigns, UnitRepository units, IntakeApplicantRepository applicants,
            CompanySummary company, CampaignAccess access) {
        this.campaigns = campaigns;
        this.units = units;
        this.applicants = applicants;
        this.company = company;
        this.access = access;
    }

    @GetMapping("/api/campaigns/{id}/exports/summary.xlsx")
    @Transactional(readOnly = true)
    public ResponseEntity<byte[]> summary(@PathVariable Long id, Authentication caller) throws IOException {
        Campaign campaign = campaigns.get(id);
        // Applicants' and nominees' contacts and scores: the staff who run this campaign only.
        access.requireOperator(caller, campaign, "汇总表");
        byte[] content = campaign.getKind() == CampaignKind.ASSOCIATION ? units(campaign) : company.write(campaign);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(campaign.getName() + "-汇总表.xlsx", StandardCharsets.UTF_8).build().toString())
                .body(content);
    }

    private byte[] units(Campaign campaign) throws IOException {
        Map<Long, List<IntakeApplicant>> byUnit = applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(
                campaign.getId()).stream().collect(Collectors.groupingBy(IntakeApplicant::getUnitId));
        try (StyledWorkbook book = new StyledWorkbook(campaign.zoneId())) {
            StyledWorkbook.Table table = book.table("推荐单位资料汇总表", List.of("单位名称", "单位联系人", "联系人电话",
                    "联系人邮箱", "序号", "选手姓名", "岗位名称", "手机", "邮箱", "参评奖项"));
            for (Unit unit : units.findByCampaignIdOrderByName(campaign.getId())) {
                int n = 1;
                for (IntakeApplicant a : byUnit.getOrDefault(unit.getId(), List.of())) {
                    String award = campaign.award(a.getAwardCode()).map(x -> x.getName()).orElse(a.getAwardName());
                    table.add(Arrays.asList(unit.getName(), unit.getContactName(), unit.getContactPhone(),
                            unit.getContactEmail(), n++, a.getName(), a.getJobTitle(), a.getMobile(), a.getEmail(),
                            award));
                }
            }
            return book.toBytes();
        }
    }
}
