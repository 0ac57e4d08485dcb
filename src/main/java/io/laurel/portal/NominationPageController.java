package io.laurel.portal;

import io.laurel.campaign.AwardSubject;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.WebUtils;

/**
 * Nomination pages: self-nomination and peer nomination (the nominator proves their roster email with a
 * one-time code; materials are uploaded with the form) and customer recommendation (confirmed through a
 * link mailed to the customer). Refusals are shown above the form with the answer's status.
 */
@Controller
class NominationPageController {

    static final String MATERIAL_PREFIX = "material.";

    private final PortalCampaigns loader;
    private final PresetCatalog presets;
    private final EmployeeRepository employees;
    private final PortalNominations portal;

    NominationPageController(PortalCampaigns loader, PresetCatalog presets, EmployeeRepository employees,
            PortalNominations portal) {
        this.loader = loader;
        this.presets = presets;
        this.employees = employees;
        this.portal = portal;
    }

    @GetMapping("/campaigns/{id}/nominate/{channel}")
    String employeeForm(@PathVariable Long id, @PathVariable String channel, Model model) {
        return employeePage(id, channel(channel), new PortalNominations.EmployeeForm(null, null, null, null, null),
                model);
    }

    @PostMapping("/campaigns/{id}/nominate/{channel}/code")
    String requestCode(@PathVariable Long id, @PathVariable String channel,
            @ModelAttribute PortalNominations.EmployeeForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        NominationChannel ch = channel(channel);
        try {
            model.addAttribute("codeSentTo", portal.requestCode(id, form.employeeNumber(), request.getRemoteAddr()));
        } catch (ApiException e) {
            refused(e, response, model);
        }
        return employeePage(id, ch, form, model);
    }

    @PostMapping("/campaigns/{id}/nominate/{channel}")
    String submit(@PathVariable Long id, @PathVariable String channel,
            @ModelAttribute PortalNominations.EmployeeForm form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        NominationChannel ch = channel(channel);
        Campaign campaign = loader.get(id);
        try {
            Nomination nomination = portal.submitByEmployee(id, ch, form, uploads(campaign, request));
            return done(campaign, model, "提名已提交", List.of(
                    (ch == NominationChannel.SELF ? "您的自荐" : "您对 " + nomination.getCandidateName() + " 的提名")
                            + "已提交,编号 " + nomination.getId() + "。",
                    "确认邮件已发送到您在花名册中的邮箱。提名截止后人力资源部将进行资格审核。"));
        } catch (ApiException e) {
            refused(e, response, model);
            model.addAttribute("codeSentTo", "");
            return employeePage(id, ch, form, model);
        }
    }

    @GetMapping("/campaigns/{id}/recommend")
    String customerForm(@PathVariable Long id, Model model) {
        if (!presets.fromJson(loader.get(id).getPresetSnapshot()).channels().contains(NominationChannel.CUSTOMER.name())) {
            throw ApiException.notFound("本活动不接受客户推荐");
        }
        return customerPage(id, new PortalNominations.CustomerForm(null, null, null, null, null, null, null, null,
                null), model);
    }

    @PostMapping("/campaigns/{id}/recommend")
    String recommend(@PathVariable Long id, @ModelAttribute PortalNominations.CustomerForm form,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Campaign campaign = loader.get(id);
        try {
            String to = portal.recommend(id, form, request.getRemoteAddr());
            return done(campaign, model, "请查收确认邮件", List.of("确认邮件已发送到 " + to + "。",
                    "请在 " + PortalNominations.CONFIRMATION_VALID.toHours()
                            + " 小时内点击邮件中的链接确认,确认后推荐才会提交给评选工作组。"));
        } catch (ApiException e) {
            refused(e, response, model);
            return customerPage(id, form, model);
        }
    }

    @GetMapping("/campaigns/{id}/recommendations/confirm")
    String confirmPage(@PathVariable Long id, @RequestParam(required = false) String token, Model model) {
        Campaign campaign = loader.get(id);
        PortalNominations.Pending pending = portal.pending(id, token);
        model.addAttribute("campaign", campaign);
        model.addAttribute("pending", pending);
        model.addAttribute("token", token);
        model.addAttribute("awardName", campaign.award(pending.awardCode()).map(a -> a.getName()).orElse(""));
        model.addAttribute("candidate", employees.findByCampaignIdAndEmployeeNumber(id, pending.employeeNumber())
                .map(e -> e.getName() + "(" + e.getDepartment() + ")").orElse(pending.employeeNumber()));
        return "portal/confirm";
    }

    @PostMapping("/campaigns/{id}/recommendations/confirm")
    String confirm(@PathVariable Long id, @RequestParam(required = false) String token, Model model) {
        Campaign campaign = loader.get(id);
        Nomination nomination = portal.confirm(id, token);
        return done(campaign, model, "推荐已确认", List.of("您对 " + nomination.getCandidateName() + " 的推荐已提交,编号 "
                + nomination.getId() + "。", "感谢您对我们服务的认可!"));
    }

    private String employeePage(Long id, NominationChannel channel, PortalNominations.EmployeeForm form, Model model) {
        Campaign campaign = loader.get(id);
        Preset preset = presets.fromJson(campaign.getPresetSnapshot());
        if (!preset.channels().contains(channel.name())) {
            throw ApiException.notFound("活动「" + campaign.getName() + "」不接受" + (channel == NominationChannel.SELF
                    ? "自荐" : "同事提名"));
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("channel", channel.name().toLowerCase());
        model.addAttribute("title", channel == NominationChannel.SELF ? "自荐" : "同事提名");
        model.addAttribute("form", form);
        model.addAttribute("awards", individualAwards(campaign));
        model.addAttribute("materials", preset.materials().stream()
                .filter(m -> "APPLICANT".equals(m.scope())).toList());
        model.addAttribute("materialPrefix", MATERIAL_PREFIX);
        return "portal/nominate";
    }

    private String customerPage(Long id, PortalNominations.CustomerForm form, Model model) {
        Campaign campaign = loader.get(id);
        model.addAttribute("campaign", campaign);
        model.addAttribute("form", form);
        model.addAttribute("awards", individualAwards(campaign));
        model.addAttribute("departments", employees.findByCampaignIdOrderByEmployeeNumber(id).stream()
                .map(Employee::getDepartment).distinct().sorted().toList());
        return "portal/recommend";
    }

    private String done(Campaign campaign, Model model, String title, List<String> lines) {
        model.addAttribute("campaign", campaign);
        model.addAttribute("title", title);
        model.addAttribute("lines", lines);
        return "portal/done";
    }

    private List<?> individualAwards(Campaign campaign) {
        return campaign.getAwards().stream().filter(a -> a.getSubject() == AwardSubject.INDIVIDUAL).toList();
    }

    /** The non-empty file inputs named {@code material.<code>}, each matched to its rule in the preset. */
    private List<MaterialUploads.Upload> uploads(Campaign campaign, HttpServletRequest request) {
        List<MaterialUploads.Upload> uploads = new ArrayList<>();
        // The multipart request may sit under a wrapper of a filter.
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return uploads;
        }
        Preset preset = presets.fromJson(campaign.getPresetSnapshot());
        for (Map.Entry<String, List<MultipartFile>> part : multipart.getMultiFileMap().entrySet()) {
            if (!part.getKey().startsWith(MATERIAL_PREFIX)) {
                continue;
            }
            String code = part.getKey().substring(MATERIAL_PREFIX.length());
            for (MultipartFile file : part.getValue()) {
                if (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isEmpty())) {
                    continue; // a file input left empty
                }
                Preset.MaterialRule rule = preset.materials().stream().filter(r -> r.code().equals(code)).findFirst()
                        .orElseThrow(() -> ApiException.badRequest("materials", "本活动没有材料类型 " + code));
                if (file.isEmpty()) {
                    throw ApiException.badRequest("materials", "「" + rule.name() + "」" + file.getOriginalFilename()
                            + ":文件为空");
                }
                uploads.add(new MaterialUploads.Upload(rule, file));
            }
        }
        return uploads;
    }

    private static void refused(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("error", e.getMessage());
        model.addAttribute("errorField", e.toError().field());
    }

    private static NominationChannel channel(String path) {
        return switch (path) {
            case "self" -> NominationChannel.SELF;
            case "peer" -> NominationChannel.PEER;
            default -> throw ApiException.notFound("没有这种提名方式: " + path);
        };
    }
}
