package io.laurel.judging;

import io.laurel.review.NominationContext;
import io.laurel.scoring.EntryRanking;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every panel has scored (or the quorum was reached): the scoring module ranks the entries and assigns the
 * prizes from judge_score, entry_conformity and the online votes.
 */
@Component("entryRankingStep")
class RankingStep implements JavaDelegate {

    private final NominationContext context;
    private final ObjectProvider<EntryRanking> ranking;

    RankingStep(NominationContext context, ObjectProvider<EntryRanking> ranking) {
        this.context = context;
        this.ranking = ranking;
    }

    @Override
    public void execute(DelegateExecution execution) {
        EntryRanking available = ranking.getIfAvailable();
        if (available == null) {
            // Until the scoring module is deployed the job fails and becomes an incident staff can retry.
            throw new ProcessEngineException("评分排名模块(io.laurel.scoring.EntryRanking)未部署,无法计算排名");
        }
        available.rankCampaign(context.campaign(execution).getId());
    }
}
