package io.laurel.selection;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.web.ApiException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts a campaign's award-selection instance; the campaign's status changes in the same transaction. */
@Service
public class CampaignLauncher {

    private final CampaignService campaigns;
    private final RuntimeService runtime;

    CampaignLauncher(CampaignService campaigns, RuntimeService runtime) {
        this.campaigns = campaigns;
        this.runtime = runtime;
    }

    @Transactional
    public ProcessInstance launch(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」已启动或已结束 (状态 " + campaign.getStatus() + ")");
        }
        return runtime.createProcessInstanceByKey(AwardSelection.PROCESS_KEY)
                .businessKey(campaignId.toString())
                .setVariable(AwardSelection.CAMPAIGN_ID, campaignId)
                .execute();
    }
}
