package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignView;
import io.laurel.campaign.Milestone;
import io.laurel.nomination.NominationService;
import io.laurel.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The campaign's public page: rules, awards and quotas, key dates, the phase it is in, and what is open now. */
@Controller
class CampaignPageController {

    private final CampaignService campaigns;
    private final PortalCampaigns loader;
    private final NominationService nominations;
    private final PortalVotes votes;
    private final PortalNotice notice;
    private final PortalTime time;

    CampaignPageController(PortalCampaigns loader, CampaignService campaigns, NominationService nominations, PortalVotes votes,
            PortalNotice notice, PortalTime time) {
        this.campaigns = campaigns;
        this.loader = loader;
        this.nominations = nominations;
        this.votes = votes;
        this.notice = notice;
        this.time = time;
    }

    @GetMapping("/campaigns")
    String list(Model model) {
        model.addAttribute("campaigns", campaigns.list());
        return "portal/campaigns";
    }

    @GetMapping("/campaigns/{id}")
    String campaign(@PathVariable Long id, Model model) {
        Campaign campaign = loader.get(id);
        CampaignView view = campaigns.view(id);
        model.addAttribute("campaign", view);
        var now = time.nowIn(campaign.zoneId());
        Optional<Milestone> phase = campaign.getTimeline().stream().filter(m -> m.contains(now))
                .reduce((first, later) -> later);
        model.addAttribute("phase", phase.map(Milestone::getName).orElse(null));
        model.addAttribute("now", now);
        String nominationClosed = null;
        try {
            nominations.requireOpenWindow(campaign);
        } catch (ApiException e) {
            nominationClosed = e.getMessage();
        }
        List<String> channels = view.channels();
        model.addAttribute("nominationOpen", nominationClosed == null);
        model.addAttribute("nominationClosed", nominationClosed);
        model.addAttribute("selfOpen", channels.contains("SELF"));
        model.addAttribute("peerOpen", channels.contains("PEER"));
        model.addAttribute("customerOpen", channels.contains("CUSTOMER"));
        model.addAttribute("voteWindow", votes.window(campaign).orElse(null));
        model.addAttribute("voteState", votes.window(campaign).map(w -> w.at(now).name()).orElse(null));
        model.addAttribute("noticeState", notice.state(campaign).name());
        return "portal/campaign";
    }
}
