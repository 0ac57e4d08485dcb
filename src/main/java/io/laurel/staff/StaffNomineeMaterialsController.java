package io.laurel.staff;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.portal.MaterialUploads;
import io.laurel.roster.EmployeeRepository;
import io.laurel.web.ApiException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * 我的提名: a department head attaches supporting materials to the staff they nominated (linked from the
 * 部门推荐提名 form). Only their own department's nominations through the department channel; the files get the
 * portal's content checks (type by content, extension, size, video length) before anything is stored.
 */
@Controller
class StaffNomineeMaterialsController {

    private final CampaignRepository campaigns;
    private final CampaignOrganisation organisation;
    private final NominationRepository nominations;
    private final EmployeeRepository employees;
    private final MaterialRepository materials;
    private final MaterialUploads uploads;
    private final PresetCatalog presets;
    private final TransactionTemplate transaction;

    StaffNomineeMaterialsController(CampaignRepository campaigns, CampaignOrganisation organisation,
            NominationRepository nominations, EmployeeRepository employees, MaterialRepository materials,
            MaterialUploads uploads, PresetCatalog presets, TransactionTemplate transaction) {
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.nominations = nominations;
        this.employees = employees;
        this.materials = materials;
        this.uploads = uploads;
        this.presets = presets;
        this.transaction = transaction;
    }

    record Nominee(Nomination nomination, String department, List<io.laurel.nomination.Material> materials) {
    }

    record CampaignNominees(Campaign campaign, String department, List<Nominee> nominees,
            List<Preset.MaterialRule> rules) {
    }

    @GetMapping("/staff/nominations")
    String mine(Principal user, Model model) {
        List<CampaignNominees> mine = new ArrayList<>();
        for (Campaign campaign : campaigns.findAll()) {
            if (campaign.getStatus() != CampaignStatus.RUNNING) {
                continue;
            }
            Optional<String> department = organisation.departmentOf(campaign.getId(), user.getName());
            if (department.isPresent()) {
                List<Nominee> nominees = nominations.findByCampaignIdOrderById(campaign.getId()).stream()
                        .filter(n -> own(n, department.get()))
                        .map(n -> new Nominee(n, department.get(), materials.findByNominationIdOrderById(n.getId())))
                        .toList();
                mine.add(new CampaignNominees(campaign, department.get(), nominees,
                        presets.fromJson(campaign.getPresetSnapshot()).materials()));
            }
        }
        model.addAttribute("campaigns", mine);
        return "staff/nominees";
    }

    @PostMapping("/staff/nominations/{id}/materials")
    String attach(@PathVariable long id, @RequestParam(required = false) String kind,
            @RequestParam(required = false) MultipartFile file, Principal user, Model model) {
        Nomination nomination = nominations.findById(id).orElseThrow(() -> new AccessDeniedException("no nomination"));
        Campaign campaign = campaigns.findById(nomination.getCampaignId()).orElseThrow();
        Optional<String> department = organisation.departmentOf(campaign.getId(), user.getName());
        if (department.isEmpty() || !own(nomination, department.get())) {
            throw new AccessDeniedException("not this head's nominee");
        }
        Optional<Preset.MaterialRule> rule = presets.fromJson(campaign.getPresetSnapshot()).materials().stream()
                .filter(r -> r.code().equals(kind)).findFirst();
        if (rule.isEmpty()) {
            model.addAttribute("error", "请选择材料类别");
        } else if (file == null || file.isEmpty()) {
            model.addAttribute("error", "请选择要上传的文件");
        } else {
            try {
                List<MaterialUploads.Upload> list = List.of(new MaterialUploads.Upload(rule.get(), file));
                uploads.check(list);
                transaction.executeWithoutResult(s -> uploads.attach(id, list));
                model.addAttribute("info", "已为 " + nomination.getCandidateName() + " 上传「" + rule.get().name()
                        + "」:" + file.getOriginalFilename());
            } catch (ApiException e) {
                model.addAttribute("error", e.getMessage());
            }
        }
        return mine(user, model);
    }

    private boolean own(Nomination n, String department) {
        return n.getChannel() == NominationChannel.DEPARTMENT && n.getEmployeeId() != null
                && employees.findById(n.getEmployeeId()).map(e -> department.equals(e.getDepartment())).orElse(false);
    }
}
