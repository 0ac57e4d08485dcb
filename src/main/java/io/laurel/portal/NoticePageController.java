package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.notice.ObjectionRequest;
import io.laurel.scoring.AssociationResults;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public notice page: winners with award and department during the notice window, with the objection
 * form; the final results after it. The objector's name and contact go only into the investigation task of
 * HR and the committee chair; the page never shows them back.
 */
@Controller
class NoticePageController {

    private final PortalCampaigns loader;
    private final PortalNotice notice;
    private final AssociationResults results;

    NoticePageController(PortalCampaigns loader, PortalNotice notice, AssociationResults results) {
        this.loader = loader;
        this.notice = notice;
        this.results = results;
    }

    @GetMapping("/campaigns/{id}/notice")
    String page(@PathVariable Long id, Model model) {
        return page(loader.get(id), model);
    }

    @PostMapping("/campaigns/{id}/notice/objections")
    String object(@PathVariable Long id, @RequestParam(required = false) String objectorName,
            @RequestParam(required = false) String objectorContact,
            @RequestParam(required = false) Long nominationId, @RequestParam(required = false) String reason,
            HttpServletResponse response, Model model) {
        Campaign campaign = loader.get(id);
        try {
            notice.object(campaign, new ObjectionRequest(objectorName, objectorContact, nominationId, reason));
        } catch (ApiException e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.getMessage());
            model.addAttribute("errorField", e.toError().field());
            model.addAttribute("objection", new ObjectionRequest(objectorName, objectorContact, nominationId, reason));
            return page(campaign, model);
        }
        model.addAttribute("campaign", campaign);
        model.addAttribute("title", "异议已受理");
        model.addAttribute("lines", List.of("您的异议已受理,评选委员会将调查核实并作出决定。",
                "您的姓名和联系方式只提供给评选委员会主任和人力资源部,用于核实情况,不会公开。"));
        return "portal/done";
    }

    private String page(Campaign campaign, Model model) {
        PortalNotice.State state = notice.state(campaign);
        model.addAttribute("campaign", campaign);
        model.addAttribute("state", state.name());
        model.addAttribute("winners", state == PortalNotice.State.NOT_YET ? List.of() : notice.winners(campaign));
        model.addAttribute("endsAt", notice.noticeEndsAt(campaign));
        // Where the seed gives no weights (seed 003): whether the list was scored with Laurel's default weights.
        model.addAttribute("weightsNote", state == PortalNotice.State.NOT_YET ? null
                : results.weightsNote(campaign.getId()));
        if (!model.containsAttribute("objection")) {
            model.addAttribute("objection", new ObjectionRequest(null, null, null, null));
        }
        return "portal/notice";
    }
}
