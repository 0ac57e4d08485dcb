package io.laurel.judging;

import io.laurel.review.NominationContext;
import io.laurel.scoring.EntryRanking;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Every panel has scored (or the quorum was reached): the scoring module ranks the entries and assigns the
 * prizes from judge_score, entry_conformity and the online votes.
 */
@Component("entryRankingStep")
class RankingStep implements JavaDelegate {

    private final NominationContext context;
    private final EntryRanking ranking;

    RankingStep(NominationContext context, EntryRanking ranking) {
        this.context = context;
        this.ranking = ranking;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ranking.rankCampaign(context.campaign(execution).getId());
    }
}
