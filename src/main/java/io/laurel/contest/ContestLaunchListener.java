package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.CampaignTimeline;
import io.laurel.campaign.PresetCatalog;
import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Runs when a skills-contest instance starts (Tasklist start form or {@code POST /api/campaigns/{id}/launch}):
 * checks the campaign is a contest not yet started, makes its id the business key, fixes the reminder dates and
 * whether a third-place match is played (start form, else the preset), and marks the campaign running.
 */
@Component("contestLaunchListener")
class ContestLaunchListener implements ExecutionListener {

    private final CampaignRepository campaigns;
    private final PresetCatalog presets;
    private final RuntimeService runtime;
    private final CampaignTimeline timeline;

    ContestLaunchListener(CampaignRepository campaigns, PresetCatalog presets, RuntimeService runtime,
            CampaignTimeline timeline) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.runtime = runtime;
        this.timeline = timeline;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object id = execution.getVariable(SkillsContest.CAMPAIGN_ID);
        Long campaignId;
        try {
            campaignId = id instanceof Number n ? Long.valueOf(n.longValue())
                    : id == null || String.valueOf(id).isBlank() ? null : Long.valueOf(String.valueOf(id).strip());
        } catch (NumberFormatException e) {
            throw new ProcessEngineException("活动编号应为数字: " + id);
        }
        if (campaignId == null) {
            throw new ProcessEngineException("请填写活动编号 (campaignId)");
        }
        Campaign campaign = campaigns.findById(campaignId)
                .orElseThrow(() -> new ProcessEngineException("活动不存在: " + id));
        var preset = presets.fromJson(campaign.getPresetSnapshot());
        if (!SkillsContest.Rules.isContest(preset)) {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」不是团队技能大赛，请用评优评选流程启动");
        }
        if (campaign.getStatus() != CampaignStatus.DRAFT) {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」已启动或已结束，不能再次启动");
        }
        long running = runtime.createProcessInstanceQuery().processDefinitionKey(SkillsContest.PROCESS_KEY)
                .processInstanceBusinessKey(campaignId.toString()).active().count();
        if (running > 0) {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」已有正在运行的比赛流程");
        }
        execution.setVariable(SkillsContest.CAMPAIGN_ID, campaignId);
        execution.setProcessBusinessKey(campaignId.toString());
        if (!(execution.getVariable(SkillsContest.THIRD_PLACE_MATCH) instanceof Boolean)) {
            execution.setVariable(SkillsContest.THIRD_PLACE_MATCH, SkillsContest.Rules.of(preset).thirdPlaceMatch());
        }
        // Fixed at launch: a sequential multi-instance re-reads its collection on every round.
        execution.setVariable("reminderKeys", new ArrayList<>(timeline.reminderKeys(campaignId)));
        campaign.markRunning();
    }
}
