package io.laurel.judging;

import io.laurel.campaign.CampaignRepository;
import java.util.Date;
import org.springframework.stereotype.Component;

/** Dates for the timers of the association path of award-selection ({@code ${judgingTimeline...}}). */
@Component("judgingTimeline")
public class JudgingTimeline {

    private final CampaignRepository campaigns;
    private final JudgingPlan plan;

    JudgingTimeline(CampaignRepository campaigns, JudgingPlan plan) {
        this.campaigns = campaigns;
        this.plan = plan;
    }

    /** The end of the campaign's intake: evaluation starts once no more packages are taken. */
    public Date intakeClosesAt(Long campaignId) {
        return plan.intakeClosesAt(campaigns.findById(campaignId).orElseThrow());
    }
}
