package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads a campaign with its awards, which the pages read after the loading transaction has ended. */
@Component
class PortalCampaigns {

    private final CampaignService campaigns;

    PortalCampaigns(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    @Transactional(readOnly = true)
    Campaign get(Long id) {
        Campaign campaign = campaigns.get(id);
        campaign.getAwards().size(); // initialises the lazy collection
        return campaign;
    }
}
