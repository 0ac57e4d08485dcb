package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.identity.LaurelGroups;
import io.laurel.process.AwardSelection;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sets {@code evaluationPath} at the start of award-selection: {@code company} (nominations by department heads,
 * eligibility, initial review, committee re-review) or {@code association} (entries from package intake,
 * conformity review, judges' rubric scores, ranking). The gateway after it only compares this variable.
 */
@Component("evaluationPathSelector")
class EvaluationPathSelector implements JavaDelegate {

    static final String VARIABLE = "evaluationPath";
    /** The group that runs the campaign's shared steps (objections, ceremony): HR or association staff. */
    static final String OPERATOR_GROUP = "operatorGroup";
    /** Association presets whose entries are judged and ranked; the skills cup runs its own contest process. */
    static final Set<String> JUDGED_PRESETS = Set.of("cs-essay-2018", "most-beautiful-cs-2019", "influential-cc-2020");

    private final CampaignRepository campaigns;

    EvaluationPathSelector(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign campaign = campaigns.findById(AwardSelection.campaignId(execution.getVariable(AwardSelection.CAMPAIGN_ID)))
                .orElseThrow();
        if (campaign.getKind() == CampaignKind.COMPANY) {
            execution.setVariable(VARIABLE, "company");
            execution.setVariable(OPERATOR_GROUP, LaurelGroups.HR);
        } else if (JUDGED_PRESETS.contains(campaign.getPresetKey())) {
            execution.setVariable(VARIABLE, "association");
            execution.setVariable(OPERATOR_GROUP, LaurelGroups.ASSOCIATION_STAFF);
        } else {
            throw new ProcessEngineException("活动「" + campaign.getName() + "」(" + campaign.getPresetKey()
                    + ")不经评优评选流程评审,请使用其专门的流程(如技能竞赛 skills-contest)");
        }
    }
}
