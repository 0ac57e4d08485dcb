package io.laurel.staff;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.selection.CampaignResults;
import java.time.ZoneId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;

/** Fills the model of one campaign's dashboard (staff/campaign), whichever action led to it. */
@Component
class DashboardPage {

    private final CampaignService campaigns;
    private final CampaignOrganisation organisation;
    private final DashboardStats stats;
    private final PhaseTimers timers;
    private final CampaignResults results;
    private final ProcessSteps steps;

    DashboardPage(CampaignService campaigns, CampaignOrganisation organisation, DashboardStats stats,
            PhaseTimers timers, CampaignResults results, ProcessSteps steps) {
        this.campaigns = campaigns;
        this.organisation = organisation;
        this.stats = stats;
        this.timers = timers;
        this.results = results;
        this.steps = steps;
    }

    @Transactional(readOnly = true)
    String fill(long id, Model model) {
        Campaign campaign = campaigns.get(id);
        ZoneId zone = campaign.zoneId();
        model.addAttribute("campaign", campaigns.view(id));
        model.addAttribute("company", campaign.getKind() == CampaignKind.COMPANY);
        model.addAttribute("draft", campaign.getStatus() == CampaignStatus.DRAFT);
        if (campaign.getStatus() == CampaignStatus.DRAFT) {
            model.addAttribute("launchProblems", organisation.launchProblems(campaign));
        }
        model.addAttribute("organisation", organisation.overview(id));
        model.addAttribute("stats", stats.of(campaign));
        model.addAttribute("timers", timers.waiting(id, zone));
        model.addAttribute("processSteps", steps.of(id));
        model.addAttribute("history", timers.history(id, zone));
        if (campaign.getKind() == CampaignKind.COMPANY && campaign.getStatus() != CampaignStatus.DRAFT) {
            model.addAttribute("results", results.of(id));
        }
        return "staff/campaign";
    }
}
