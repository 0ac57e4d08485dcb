package io.laurel.judging;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.NominationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Puts the confirmed prize list to the committee's vote of the lifecycle: every entry with a prize becomes a
 * finalist standing for its prizes (list_vote_award, in ranking order), every other entry is not selected, and the
 * committee group's members are the voters. The ballots, the two-thirds rule and the quotas are the lifecycle's.
 */
@Component("listVotePreparer")
class ListVotePreparer implements JavaDelegate {

    private final NominationContext context;
    private final PrizeList prizes;
    private final NominationRepository nominations;
    private final IdentityService identity;
    private final JudgingProperties properties;

    ListVotePreparer(NominationContext context, PrizeList prizes, NominationRepository nominations,
            IdentityService identity, JudgingProperties properties) {
        this.context = context;
        this.prizes = prizes;
        this.nominations = nominations;
        this.identity = identity;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign campaign = context.campaign(execution);
        List<String> voters = identity.createUserQuery().memberOfGroup(properties.committeeGroup()).orderByUserId().asc()
                .list().stream().map(User::getId).toList();
        if (voters.isEmpty()) {
            throw new ProcessEngineException("评选委员会组「" + properties.committeeGroup() + "」中没有用户,无法进行确认投票");
        }
        Map<Long, PrizeList.Listed> listed = prizes.listed(campaign.getId()).stream()
                .collect(Collectors.toMap(PrizeList.Listed::nominationId, Function.identity()));
        for (Nomination entry : nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.SUBMITTED))) {
            PrizeList.Listed l = listed.get(entry.getId());
            if (l == null) {
                entry.changeStatus(NominationStatus.NOT_SELECTED);
                continue;
            }
            l.prizes().forEach(code -> prizes.listForVote(campaign.getId(), entry.getId(), code, l.position()));
            entry.changeStatus(NominationStatus.FINALIST);
        }
        execution.setVariable("finalistCount", listed.size());
        execution.setVariable("voterIds", new ArrayList<>(voters));
    }
}
