package io.laurel.selection;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import io.laurel.access.CampaignAccess;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.scoring.AssociationResults;
import io.laurel.scoring.AssociationResultsWorkbook;
import io.laurel.workbook.StyledWorkbook;
import io.laurel.web.ApiException;
import java.util.Arrays;
import java.util.List;
import org.springframework.security.core.Authentication;

@RestController
class ResultsController {

    private final CampaignResults results;
    private final CampaignService campaigns;
    private final AssociationResults associationResults;
    private final AssociationResultsWorkbook associationWorkbook;
    private final CampaignAccess access;

    ResultsController(CampaignResults results, CampaignService campaigns, AssociationResults associationResults,
            AssociationResultsWorkbook associationWorkbook, CampaignAccess access) {
        this.access = access;
        this.results = results;
        this.campaigns = campaigns;
        this.associationResults = associationResults;
        this.associationWorkbook = associationWorkbook;
    }

    /** Company campaigns: the final vote per award. Association campaigns: the scored ranking (issue 5). */
    @GetMapping("/api/campaigns/{id}/results")
    Object results(@PathVariable Long id, Authentication caller) {
        access.requireResults(caller, campaigns.get(id));
        if (isAssociation(id)) {
            return associationResults.of(id, access.operates(caller, campaigns.get(id)));
        }
        return results.of(id);
    }

    /** The results as a spreadsheet, one row per finalist, for HR's files and the ceremony. */
    @GetMapping("/api/campaigns/{id}/exports/results.xlsx")
    ResponseEntity<byte[]> export(@PathVariable Long id, Authentication caller) throws IOException {
        access.requireOperator(caller, campaigns.get(id), "评选结果导出");
        if (isAssociation(id)) {
            // Exports are for staff only (security configuration), so judge ids are shown.
            AssociationResults.Results r = associationResults.of(id, true);
            return xlsx(r.campaignName(), associationWorkbook.write(r, campaigns.get(id).zoneId()));
        }
        CampaignResults.Results r = results.of(id);
        boolean scored = r.awards().stream().flatMap(a -> a.entries().stream()).anyMatch(e -> e.reReviewScore() != null);
        if (!scored) {
            throw ApiException.conflict("尚无复评得分，暂不能导出获奖名单：名单要等评选委员会复评打分、终评投票后才有意义");
        }
        try (StyledWorkbook book = new StyledWorkbook(campaigns.get(id).zoneId())) {
            StyledWorkbook.Table sheet = book.table("评选结果", List.of("奖项", "名额", "候选人", "部门", "结果", "赞成票",
                    "有表决权委员", "复评得分", "说明"));
            for (CampaignResults.AwardResult award : r.awards()) {
                for (CampaignResults.Entry e : award.entries()) {
                    sheet.add(Arrays.asList(award.awardName(),
                            award.winnersQuota() == null ? "不限" : award.winnersQuota(), e.candidateName(),
                            e.department(), label(e.status()), e.approvals(), e.entitledVoters(), e.reReviewScore(),
                            e.note()));
                }
            }
            return xlsx(r.campaignName(), book.toBytes());
        }
    }

    private static ResponseEntity<byte[]> xlsx(String campaignName, byte[] content) {
        String fileName = URLEncoder.encode(campaignName + "-评选结果.xlsx", StandardCharsets.UTF_8)
                .replace("+", "%20");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''" + fileName)
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(content);
    }

    private boolean isAssociation(Long id) {
        return campaigns.get(id).getKind() == CampaignKind.ASSOCIATION;
    }

    private static String label(String status) {
        return switch (status) {
            case "WINNER" -> "获奖";
            case "REVOKED" -> "公示异议成立,取消";
            case "OVER_QUOTA" -> "超出名额";
            case "NOT_APPROVED" -> "未达三分之二";
            default -> status;
        };
    }
}
