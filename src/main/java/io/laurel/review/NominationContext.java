package io.laurel.review;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.process.AwardSelection;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** Loads what a review step works on from the ids in the process variables. */
@Component
public class NominationContext {

    private final CampaignRepository campaigns;
    private final NominationRepository nominations;
    private final EmployeeRepository employees;

    NominationContext(CampaignRepository campaigns, NominationRepository nominations, EmployeeRepository employees) {
        this.campaigns = campaigns;
        this.nominations = nominations;
        this.employees = employees;
    }

    public record Loaded(Campaign campaign, Nomination nomination, Employee candidate) {

        public String awardName() {
            return campaign.award(nomination.getAwardCode()).map(a -> a.getName()).orElse(nomination.getAwardCode());
        }

        public String label() {
            String department = candidate == null ? "" : "(" + candidate.getDepartment() + ")";
            return "【" + awardName() + "】" + nomination.getCandidateName() + department;
        }
    }

    public Loaded load(VariableScope scope, String nominationVariable) {
        Long campaignId = AwardSelection.campaignId(scope.getVariable(AwardSelection.CAMPAIGN_ID));
        Long nominationId = AwardSelection.campaignId(scope.getVariable(nominationVariable));
        return load(campaignId, nominationId);
    }

    public Loaded load(Long campaignId, Long nominationId) {
        Campaign campaign = campaigns.findById(campaignId).orElseThrow();
        Nomination nomination = nominations.findById(nominationId).orElseThrow(() ->
                new IllegalStateException("Nomination " + nominationId + " does not exist"));
        Employee candidate = nomination.getEmployeeId() == null ? null
                : employees.findById(nomination.getEmployeeId()).orElse(null);
        return new Loaded(campaign, nomination, candidate);
    }

    public Campaign campaign(VariableScope scope) {
        return campaigns.findById(AwardSelection.campaignId(scope.getVariable(AwardSelection.CAMPAIGN_ID)))
                .orElseThrow();
    }
}
