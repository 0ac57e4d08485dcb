package io.laurel.staff;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.onlinevote.VoteImporter;
import io.laurel.organisation.OrganisationImporter;
import io.laurel.organisation.OrganisationTemplate;
import io.laurel.roster.RosterImporter;
import java.io.IOException;
import java.security.Principal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Roster, organisation and vote-export uploads from the dashboard, each answered with its per-row report. */
@Controller
class StaffUploadController {

    private final DashboardPage page;
    private final CampaignService campaigns;
    private final RosterImporter roster;
    private final OrganisationImporter organisation;
    private final VoteImporter votes;

    StaffUploadController(DashboardPage page, CampaignService campaigns, RosterImporter roster,
            OrganisationImporter organisation, VoteImporter votes) {
        this.page = page;
        this.campaigns = campaigns;
        this.roster = roster;
        this.organisation = organisation;
        this.votes = votes;
    }

    @PostMapping("/staff/campaigns/{id}/roster")
    String roster(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        campaigns.get(id);
        model.addAttribute("report", missing(file) ? UploadReport.refused("花名册导入结果", "请选择要上传的花名册文件(CSV 或 XLSX)")
                : UploadReport.of(roster.importRoster(id, file.getOriginalFilename(), file.getBytes())));
        return page.fill(id, model);
    }

    @PostMapping("/staff/campaigns/{id}/organisation")
    String organisation(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        campaigns.get(id);
        model.addAttribute("report", missing(file)
                ? UploadReport.refused("组织机构导入结果", "请选择要上传的组织机构文件(CSV 或 XLSX)")
                : UploadReport.of(organisation.importFile(id, file.getOriginalFilename(), file.getBytes(), baseUrl())));
        return page.fill(id, model);
    }

    @PostMapping("/staff/campaigns/{id}/votes")
    String votes(@PathVariable long id, @RequestParam(required = false) MultipartFile file, Principal user,
            Model model) throws IOException {
        Campaign campaign = campaigns.get(id);
        if (missing(file)) {
            model.addAttribute("report", UploadReport.refused("网络投票导入结果", "请选择投票平台导出的 CSV 文件"));
        } else if (campaign.getKind() != CampaignKind.ASSOCIATION) {
            model.addAttribute("report", UploadReport.refused("网络投票导入结果", "只有协会活动有网络投票,本活动是企业内部评选"));
        } else {
            byte[] content = file.getBytes();
            long importId = votes.storeOriginal(id, file.getOriginalFilename(), content, user.getName());
            model.addAttribute("report", UploadReport.of(votes.importVotes(id, importId, content)));
        }
        return page.fill(id, model);
    }

    @GetMapping("/staff/organisation-template.xlsx")
    ResponseEntity<byte[]> template() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"organisation-template.xlsx\"; "
                        + "filename*=UTF-8''%E7%BB%84%E7%BB%87%E6%9C%BA%E6%9E%84%E6%A8%A1%E6%9D%BF.xlsx")
                .header(HttpHeaders.CONTENT_TYPE, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .body(OrganisationTemplate.xlsx());
    }

    private static boolean missing(MultipartFile file) {
        return file == null || file.isEmpty();
    }

    static String baseUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
