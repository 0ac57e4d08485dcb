package io.laurel.vote;

import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.CommitteeRecords;
import io.laurel.review.NominationContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Fixes the final ballot: every re-reviewed candidate whose cases a majority of reviewers found
 * authentic becomes a finalist; others are not selected. The re-review mean is kept for tie-breaks.
 */
@Component("finalVotePreparer")
class FinalVotePreparer implements JavaDelegate {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final CommitteeRecords records;

    FinalVotePreparer(NominationContext context, NominationRepository nominations, CommitteeRecords records) {
        this.context = context;
        this.nominations = nominations;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        Map<Long, CommitteeRecords.Scores> scores = records.scores(campaign.getId()).stream()
                .collect(Collectors.toMap(CommitteeRecords.Scores::nominationId, Function.identity()));
        List<Nomination> advanced = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ADVANCED));
        int finalists = 0;
        for (Nomination n : advanced) {
            CommitteeRecords.Scores s = scores.get(n.getId());
            if (s != null && s.authenticVotes() * 2 > s.reviews()) {
                n.recordReReviewScore(BigDecimal.valueOf(s.meanScore()).setScale(3, RoundingMode.HALF_UP));
                n.changeStatus(NominationStatus.FINALIST);
                finalists++;
            } else {
                n.changeStatus(NominationStatus.NOT_SELECTED);
            }
        }
        execution.setVariable("finalistCount", finalists);
        execution.setVariable("voterIds", execution.getVariable("committeeMemberIds"));
    }
}
