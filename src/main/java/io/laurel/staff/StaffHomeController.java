package io.laurel.staff;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignOperators;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.web.ApiException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's start page: the campaigns, and a new campaign from a preset with a preview of its dates. */
@Controller
class StaffHomeController {

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final CampaignAccess access;

    StaffHomeController(CampaignService campaigns, PresetCatalog presets, CampaignAccess access) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.access = access;
    }

    record PreviewPhase(String name, LocalDateTime startsAt, LocalDateTime endsAt) {
    }

    @GetMapping("/staff/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String logout,
            Model model) {
        if (error != null) {
            model.addAttribute("error", "用户名或密码错误,请重新输入。");
        }
        if (logout != null) {
            model.addAttribute("info", "您已退出登录。");
        }
        return "staff/login";
    }

    /** Only the campaigns and presets of the kind the user runs (HR company, association staff theirs, admins all). */
    @GetMapping("/staff")
    String home(Authentication user, Model model) {
        model.addAttribute("campaigns", campaigns.list().stream().filter(v -> access.runs(user, v.kind()))
                .sorted(Comparator.comparing(v -> -v.id())).toList());
        model.addAttribute("presets", presets.all().stream().filter(p -> access.runs(user, p.kind())).toList());
        return "staff/home";
    }

    @PostMapping("/staff/campaigns/preview")
    String preview(@RequestParam String preset, @RequestParam(required = false) String startsOn, Authentication user,
            Model model) {
        home(user, model);
        model.addAttribute("selectedPreset", preset);
        model.addAttribute("startsOn", startsOn);
        try {
            Preset chosen = runnable(preset, user);
            LocalDate start = parse(startsOn);
            long offset = start == null ? 0 : ChronoUnit.DAYS.between(chosen.firstDate(), start);
            List<PreviewPhase> phases = chosen.timeline().stream()
                    .sorted(Comparator.comparing(Preset.Phase::startsAt))
                    .map(p -> new PreviewPhase(p.name(), p.startsAt().plusDays(offset),
                            p.endsAt() == null ? null : p.endsAt().plusDays(offset))).toList();
            model.addAttribute("preview", phases);
            model.addAttribute("previewName", chosen.name());
            model.addAttribute("offsetDays", offset);
        } catch (ApiException e) {
            model.addAttribute("error", e.getMessage());
        }
        return "staff/home";
    }

    @PostMapping("/staff/campaigns")
    String create(@RequestParam String preset, @RequestParam(required = false) String startsOn, Authentication user,
            Model model) {
        try {
            runnable(preset, user);
            Campaign campaign = campaigns.createFromPreset(preset, parse(startsOn), user.getName());
            return "redirect:/staff/campaigns/" + campaign.getId() + "?created";
        } catch (ApiException e) {
            home(user, model);
            model.addAttribute("error", e.getMessage());
            return "staff/home";
        }
    }

    /** The preset, if the user runs campaigns of its kind. */
    private Preset runnable(String key, Authentication user) {
        Preset chosen = presets.find(key).orElseThrow(() -> ApiException.badRequest("preset", "请选择活动预设"));
        if (!access.runs(user, chosen.kind())) {
            throw ApiException.badRequest("preset", "「" + chosen.name() + "」由"
                    + CampaignOperators.runBy(chosen.kind()) + "创建和负责,请选择本部门的活动预设");
        }
        return chosen;
    }

    private static LocalDate parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("startsOn", "开始日期格式应为 YYYY-MM-DD,收到「" + text + "」");
        }
    }
}
