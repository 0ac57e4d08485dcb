package io.laurel.selection;

import io.laurel.access.CampaignInstanceGrants;
import io.laurel.process.AwardSelection;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.PresetCatalog;
import io.laurel.organisation.CampaignOrganisation;
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
    private final PresetCatalog presets;
    private final CampaignOrganisation organisation;
    private final CampaignInstanceGrants grants;

    CampaignLauncher(CampaignService campaigns, RuntimeService runtime, PresetCatalog presets,
            CampaignOrganisation organisation, CampaignInstanceGrants grants) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.presets = presets;
        this.organisation = organisation;
        this.grants = grants;
    }

    @Transactional
    public ProcessInstance launch(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」已启动或已结束 (状态 " + campaign.getStatus() + ")");
        }
        // A preset may name its own process (rules.process, e.g. skills-contest); the lifecycle is the default.
        String process = presets.fromJson(campaign.getPresetSnapshot()).rules().process();
        if (process == null) {
            java.util.List<String> missing = organisation.launchProblems(campaign);
            if (!missing.isEmpty()) {
                throw new ApiException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY,
                        "organisation_incomplete", "活动「" + campaign.getName() + "」还不能启动:"
                        + String.join(";", missing), null);
            }
        }
        ProcessInstance instance = runtime.createProcessInstanceByKey(
                        process != null ? process : AwardSelection.PROCESS_KEY)
                .businessKey(campaignId.toString())
                .setVariable(AwardSelection.CAMPAIGN_ID, campaignId)
                .execute();
        // Only this campaign's operators read this instance (not the other kind's staff, see CampaignInstanceGrants).
        grants.grantOperators(campaign, instance.getId());
        return instance;
    }
}
