package io.laurel.vote;

import io.laurel.nomination.MaterialLinks;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.CommitteeRecords;
import io.laurel.review.NominationContext;
import io.laurel.process.FormOptions;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A member's ballot: the finalists of each award, except those the member declared a conflict with. Opens the
 * vote's encryption key (see {@link BallotKeys}).
 */
@Component("ballotForm")
class BallotForm implements TaskListener {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final CommitteeRecords records;
    private final MaterialLinks links;
    private final BallotKeys keys;

    BallotForm(NominationContext context, NominationRepository nominations, CommitteeRecords records,
            MaterialLinks links, BallotKeys keys) {
        this.context = context;
        this.nominations = nominations;
        this.records = records;
        this.links = links;
        this.keys = keys;
    }

    @Override
    public void notify(DelegateTask task) {
        var campaign = context.campaign(task);
        // The first ballot task of the vote opens it: the key pair is made, its private half goes to the key file.
        keys.openVote(campaign.getId());
        Set<Long> recused = records.recusedBy(campaign.getId(), task.getAssignee());
        var finalists = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.FINALIST)).stream()
                .filter(n -> !recused.contains(n.getId()))
                .sorted((a, b) -> a.getAwardCode().compareTo(b.getAwardCode())).toList();
        task.setVariableLocal(MaterialLinks.VARIABLE, links.of(task.getId(), finalists.stream().map(n -> n.getId())
                .toList(), id -> context.load(campaign.getId(), id).label()));
        var options = finalists.stream()
                .map(n -> FormOptions.option(context.load(campaign.getId(), n.getId()).label()
                        + (n.getReReviewScore() == null ? "" : "(复评平均分 "
                                + n.getReReviewScore().stripTrailingZeros().toPlainString() + ")"), n.getId().toString()))
                .toList();
        task.setVariableLocal("ballotOptions", FormOptions.of(options));
        // Declared on the task: the choice is taken off the task by BallotBox before anything is stored.
        task.setVariableLocal(BallotBox.CHOICE_VARIABLE, FormOptions.noneChecked());
    }
}
