package io.laurel.onlinevote;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.web.ApiException;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/campaigns/{id}/votes/import} (multipart {@code file}): a voting platform's counts as CSV.
 * 200 with the report when counts were set; 422 with the report when the file was refused as a whole.
 * Association staff, HR and administrators may call it (security configuration: any non-GET of the API).
 */
@RestController
class VoteImportController {

    private final CampaignService campaigns;
    private final VoteImporter importer;

    VoteImportController(CampaignService campaigns, VoteImporter importer) {
        this.campaigns = campaigns;
        this.importer = importer;
    }

    @PostMapping("/api/campaigns/{id}/votes/import")
    ResponseEntity<VoteImportReport> upload(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file, Principal user) throws IOException {
        Campaign campaign = campaigns.get(id);
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("file", "file: 缺少上传文件，请在表单字段 file 中上传投票平台导出的 CSV 文件");
        }
        if (campaign.getKind() != CampaignKind.ASSOCIATION) {
            throw ApiException.conflict("只有协会活动有网络投票，活动 " + id + " 是企业内部评选");
        }
        byte[] content = file.getBytes();
        long importId = importer.storeOriginal(id, file.getOriginalFilename(), content, user.getName());
        VoteImportReport report = importer.importVotes(id, importId, content);
        return ResponseEntity.status(report.fatal() == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }
}
