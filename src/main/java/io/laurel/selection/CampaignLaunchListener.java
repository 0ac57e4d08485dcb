package io.laurel.selection;

import io.laurel.process.AwardSelection;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.CampaignTimeline;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import io.laurel.organisation.CampaignOrganisation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs when an award-selection instance starts, from Tasklist's start form or the API: checks the
 * campaign, makes its id the business key and marks it running — in the same transaction, so a
 * refused start leaves nothing behind.
 */
@Component("campaignLaunchListener")
class CampaignLaunchListener implements ExecutionListener {

    private final CampaignRepository campaigns;
    private final RuntimeService runtime;
    private final CampaignOrganisation organisation;
    private final String committeeChair;
    private final CampaignTimeline timeline;

    CampaignLaunchListener(CampaignRepository campaigns, RuntimeService runtime, CampaignOrganisation organisation,
            @Value("${laurel.selection.committee-chair:}") String committeeChair, CampaignTimeline timeline) {
        this.campaigns = campaigns;
        this.runtime = runtime;
        this.organisation = organisation;
        this.committeeChair = committeeChair;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long campaignId = AwardSelection.campaignId(execution.getVariable(AwardSelection.CAMPAIGN_ID));
        if (campaignId == null) {
            throw new ProcessEngineException("请填写活动编号 (campaignId)");
        }
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new ProcessEngineException("活动不存在: " + campaignId));
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」已启动或已结束,不能再次启动");
        }
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(campaignId.toString()).active().count();
        if (running > 0) {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」已有正在运行的评选流程");
        }
        execution.setVariable(AwardSelection.CAMPAIGN_ID, campaignId);
        execution.setProcessBusinessKey(campaignId.toString());
        execution.setVariable("departmentHeadIds", new java.util.ArrayList<>(organisation.departmentHeads(campaignId).values()
                .stream().sorted().toList()));
        // The campaign's own chair (organisation file or console); the installation's setting when it names none.
        execution.setVariable("committeeChair", organisation.committeeChair(campaignId)
                .orElse(committeeChair));
        // Fixed at launch: a sequential multi-instance re-reads its collection on every round.
        execution.setVariable("reminderKeys", new java.util.ArrayList<>(timeline.reminderKeys(campaignId)));
        campaign.markRunning();
    }
}
