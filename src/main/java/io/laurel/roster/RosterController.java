package io.laurel.roster;

import io.laurel.campaign.CampaignRepository;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Upload and list a campaign's roster. Who may call it is decided by the security configuration (hr, camunda-admin). */
@RestController
@RequestMapping("/api/campaigns/{id}/roster")
class RosterController {

    private final RosterImporter importer;
    private final CampaignRepository campaigns;
    private final EmployeeRepository employees;

    RosterController(RosterImporter importer, CampaignRepository campaigns, EmployeeRepository employees) {
        this.importer = importer;
        this.campaigns = campaigns;
        this.employees = employees;
    }

    /** 200 with the report when rows were stored; 422 with the report when the file was refused as a whole. */
    @PostMapping
    ResponseEntity<?> upload(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        if (!campaigns.existsById(id)) {
            return campaignNotFound(id);
        }
        // Checked here rather than by "required = true" so the user gets a Chinese reason, not Spring's default.
        if (file == null || file.isEmpty()) {
            return ResponseEntity.badRequest().body(Map.of("error", "bad_request",
                    "message", "缺少上传文件：请在表单字段 file 中上传花名册（CSV 或 XLSX）"));
        }
        RosterImportReport report = importer.importRoster(id, file.getOriginalFilename(), file.getBytes());
        return ResponseEntity.status(report.fatal() == null ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(report);
    }

    @GetMapping
    ResponseEntity<?> list(@PathVariable long id) {
        if (!campaigns.existsById(id)) {
            return campaignNotFound(id);
        }
        List<RosterEntry> roster = employees.findEntriesByCampaignId(id);
        return ResponseEntity.ok(roster);
    }

    private static ResponseEntity<Map<String, String>> campaignNotFound(long id) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Map.of("error", "not_found", "message", "活动不存在: " + id));
    }
}
