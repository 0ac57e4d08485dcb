package io.laurel.scoring;

/**
 * Turns the scores of an association campaign's entries (judge_score, entry_conformity, online_vote_count)
 * into its ranked, prize-assigned result list. The judging process calls it once every panel has scored.
 */
public interface EntryRanking {

    /** Computes and stores the campaign's results; calling it again recomputes them from the scores. */
    void rankCampaign(long campaignId);
}
