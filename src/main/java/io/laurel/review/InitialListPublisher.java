package io.laurel.review;

import java.util.Map;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationStatus;
import java.util.List;
import io.laurel.organisation.CampaignOrganisation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Publishes the confirmed initial-review list: the top half of each position group advances, every
 * candidate is told the outcome, and the committee for the re-review is fixed.
 */
@Component("initialListPublisher")
class InitialListPublisher implements JavaDelegate {

    private final NominationContext context;
    private final PositionGroups positionGroups;
    private final NominationMail mail;
    private final CampaignOrganisation organisation;

    InitialListPublisher(NominationContext context, PositionGroups positionGroups, NominationMail mail,
            CampaignOrganisation organisation) {
        this.context = context;
        this.positionGroups = positionGroups;
        this.mail = mail;
        this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        PositionGroups.Eligible eligible = positionGroups.of(campaign.getId());
        for (Nomination n : eligible.nominations()) {
            int size = eligible.groupSize(n);
            boolean advances = InitialReviewScorer.advances(n.getGroupRank(), size);
            n.changeStatus(advances ? NominationStatus.ADVANCED : NominationStatus.ELIMINATED);
            NominationContext.Loaded loaded = new NominationContext.Loaded(campaign, n, eligible.candidate(n));
            mail.toCandidate(loaded, "review-initial-result", Map.of("score", n.getInitialScore(),
                    "positionGroup", eligible.group(n), "groupSize", size,
                    "rank", n.getGroupRank(), "advances", advances));
        }
        List<String> committee = new java.util.ArrayList<>(organisation.committee(campaign.getId()));
        execution.setVariable("committeeMemberIds", committee);
        execution.setVariable("scoresAssigned", 0);
        execution.setVariable("scoresIn", 0);
        execution.setVariable("reReviewDeadlinePassed", false);
    }
}
