package io.laurel.staff;

import io.laurel.campaign.CampaignService;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.organisation.OrganisationImporter;
import io.laurel.organisation.OrgRow;
import io.laurel.unit.UnitRepository;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** A campaign's organisation in the console: the lists, one entry added or removed at a time. */
@Controller
class StaffOrganisationController {

    private final CampaignService campaigns;
    private final CampaignOrganisation organisation;
    private final OrganisationImporter importer;
    private final UnitRepository units;

    StaffOrganisationController(CampaignService campaigns, CampaignOrganisation organisation,
            OrganisationImporter importer, UnitRepository units) {
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.importer = importer;
        this.units = units;
    }

    /** @param installation the list is the installation's default, shown but not editable here */
    record Section(String kind, String title, java.util.List<CampaignOrganisation.Person> people, String column,
            boolean installation) {
    }

    @GetMapping("/staff/campaigns/{id}/organisation")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("campaign", campaigns.view(id));
        CampaignOrganisation.Overview overview = organisation.overview(id);
        model.addAttribute("sections", java.util.List.of(
                new Section("HEAD", "部门主管", overview.heads(), "部门", overview.installationHeads()),
                new Section("COMMITTEE", "评选委员", overview.committee(), "委员角色", overview.installationCommittee()),
                new Section("JUDGE", "评委", overview.judges(), "评审组 · 单位", false)));
        model.addAttribute("units", units.findByCampaignIdOrderByName(id));
        model.addAttribute("roles", Arrays.stream(io.laurel.organisation.CommitteeRole.values())
                .map(r -> r.label()).toList());
        model.addAttribute("panels", Arrays.stream(io.laurel.organisation.JudgePanel.values())
                .map(p -> p.label()).toList());
        return "staff/organisation";
    }

    /** One entry: the same checks as a file row (the form's fields are the template's columns). */
    @PostMapping("/staff/campaigns/{id}/organisation/entries")
    String add(@PathVariable long id, @RequestParam String kind, @RequestParam(required = false) String userId,
            @RequestParam(required = false) String name, @RequestParam(required = false) String email,
            @RequestParam(required = false) String detail, @RequestParam(required = false) String unit, Model model) {
        Optional<OrgRow> row = OrgRow.fromForm(kind, userId, name, email, detail, unit, model::addAttribute);
        if (row.isPresent()) {
            OrganisationImporter.Report report = importer.add(id, row.get(), StaffUploadController.baseUrl());
            if (report.ok()) {
                model.addAttribute("info", "已添加" + row.get().kind().label() + (report.created().isEmpty() ? ""
                        : ",并为 " + String.join("、", report.created()) + " 创建账号、发送了邀请邮件"));
            } else {
                model.addAttribute("error", report.problems().get(0).reason());
            }
        }
        return show(id, model);
    }

    /** The chair is a candidate of the 调查异议 task beside the operators, for this campaign only. */
    @PostMapping("/staff/campaigns/{id}/organisation/chair")
    String chair(@PathVariable long id, @RequestParam String userId, Model model) {
        if (importer.setChair(id, userId)) {
            model.addAttribute("info", "已设 " + userId + " 为评选委员会主任:公示期的异议由主任与活动管理员调查处理。");
        } else {
            model.addAttribute("error", "用户 " + userId + " 不是本活动的评选委员,不能担任主任");
        }
        return show(id, model);
    }

    @PostMapping("/staff/campaigns/{id}/organisation/entries/remove")
    String remove(@PathVariable long id, @RequestParam String kind, @RequestParam String key, Model model) {
        importer.remove(id, OrgRow.Kind.valueOf(kind), key);
        model.addAttribute("info", "已移除。");
        return show(id, model);
    }
}
