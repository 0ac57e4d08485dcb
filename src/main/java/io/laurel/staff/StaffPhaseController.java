package io.laurel.staff;

import io.laurel.campaign.CampaignService;
import java.security.Principal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Operator actions on a waiting phase: end it now or extend it, each with a reason that is recorded. */
@Controller
class StaffPhaseController {

    private static final Logger log = LoggerFactory.getLogger(StaffPhaseController.class);

    private final DashboardPage page;
    private final CampaignService campaigns;
    private final PhaseTimers timers;

    StaffPhaseController(DashboardPage page, CampaignService campaigns, PhaseTimers timers) {
        this.page = page;
        this.campaigns = campaigns;
        this.timers = timers;
    }

    @PostMapping("/staff/campaigns/{id}/timers/{jobId}/end")
    String end(@PathVariable long id, @PathVariable String jobId, @RequestParam(required = false) String reason,
            Principal user, Model model) {
        ZoneId zone = campaigns.get(id).zoneId();
        if (reason == null || reason.isBlank()) {
            model.addAttribute("error", "请填写提前结束的原因,原因会记录在活动历史中。");
            return page.fill(id, model);
        }
        try {
            String phase = timers.endNow(id, jobId, reason.strip(), user.getName(), zone);
            model.addAttribute("info", "「" + phase + "」已提前结束,流程已进入下一步。");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        } catch (RuntimeException e) {
            // The engine's text is English and technical: the operator gets the Chinese outcome, the log the cause.
            log.warn("Ending phase job {} of campaign {} early failed and was rolled back", jobId, id, e);
            model.addAttribute("error", "提前结束未成功,阶段保持原样,未做任何记录。请稍后重试;如仍失败,请联系系统管理员。");
        }
        return page.fill(id, model);
    }

    @PostMapping("/staff/campaigns/{id}/timers/{jobId}/extend")
    String extend(@PathVariable long id, @PathVariable String jobId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String until, Principal user, Model model) {
        ZoneId zone = campaigns.get(id).zoneId();
        if (reason == null || reason.isBlank()) {
            model.addAttribute("error", "请填写延长的原因,原因会记录在活动历史中。");
            return page.fill(id, model);
        }
        LocalDateTime newDue;
        try {
            newDue = LocalDateTime.parse(until == null ? "" : until.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "请填写新的截止时间(例如 2026-03-20T18:00)。");
            return page.fill(id, model);
        }
        try {
            String phase = timers.extend(id, jobId, newDue, reason.strip(), user.getName(), zone);
            model.addAttribute("info", "「" + phase + "」已延长至 " + newDue.toString().replace('T', ' ') + "。");
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page.fill(id, model);
    }
}
