package io.laurel.vote;

import io.laurel.campaign.AwardQuotas;
import io.laurel.decision.MajorityThresholds;
import io.laurel.judging.ListVoteAwards;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.review.CommitteeRecords;
import io.laurel.review.NominationContext;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the sealed ballots (only each finalist's total is ever decrypted, see {@link BallotTally}). A finalist qualifies with approval of at least the DMN {@code majority-thresholds}
 * share (two thirds) of the members
 * entitled to vote on them (members who declared a conflict are not counted). Per award, the qualified
 * finalists are ranked by re-review score and capped by the DMN {@code award-quota}; an award with
 * fewer qualified finalists than its quota stays short, and that is recorded.
 */
@Component("voteCounter")
class VoteCounter implements JavaDelegate {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final CommitteeRecords records;
    private final AwardQuotas quotas;
    private final JdbcTemplate jdbc;
    private final MajorityThresholds thresholds;
    private final BallotTally ballotTally;
    private final ListVoteAwards listVote;

    VoteCounter(NominationContext context, NominationRepository nominations, CommitteeRecords records,
            AwardQuotas quotas, JdbcTemplate jdbc, MajorityThresholds thresholds, BallotTally ballotTally,
            ListVoteAwards listVote) {
        this.listVote = listVote;
        this.context = context;
        this.nominations = nominations;
        this.records = records;
        this.quotas = quotas;
        this.jdbc = jdbc;
        this.thresholds = thresholds;
        this.ballotTally = ballotTally;
    }

    record Tally(Nomination nomination, int approvals, int entitled, MajorityThresholds.Share share) {

        boolean qualifies() {
            return entitled > 0 && share.reachedBy(approvals, entitled);
        }
    }

    /**
     * A finalist standing for one award. Company campaigns: the nomination's own award, ordered by re-review
     * score. Association campaigns: the prizes the ranking gave the entry (judging's {@link ListVoteAwards}, filled by
     * the judging path), ordered by ranking position — one entry may stand for a ranked and a vote prize.
     */
    record Candidacy(Tally tally, String awardCode, Integer position) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        int committeeSize = ((List<String>) execution.getVariable("voterIds")).size();
        MajorityThresholds.Share share = thresholds.of(MajorityThresholds.FINAL_VOTE);
        List<Nomination> finalists = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.FINALIST));
        // Only the totals are decrypted (BallotTally); the two-thirds rule is applied to them.
        Map<Long, Integer> approvals = ballotTally.count(campaign.getId(),
                finalists.stream().map(Nomination::getId).toList());
        Map<Long, Tally> tallies = finalists.stream()
                .map(n -> new Tally(n, approvals.get(n.getId()), committeeSize - records.recusals(n.getId()), share))
                .collect(Collectors.toMap(t -> t.nomination().getId(), t -> t, (a, b) -> a, java.util.LinkedHashMap::new));
        List<Candidacy> listed = listVote.of(campaign.getId()).stream().map(l -> new Candidacy(
                        tallies.get(l.nominationId()), l.awardCode(), l.position()))
                .filter(c -> c.tally() != null).toList();
        List<Candidacy> candidacies = !listed.isEmpty() ? listed : tallies.values().stream()
                .map(t -> new Candidacy(t, t.nomination().getAwardCode(), null)).toList();
        Map<String, List<Candidacy>> byAward = candidacies.stream()
                .collect(Collectors.groupingBy(Candidacy::awardCode));
        java.util.Set<Long> won = new java.util.HashSet<>();
        int winners = 0;
        for (var award : campaign.getAwards()) {
            List<Candidacy> standing = byAward.getOrDefault(award.getCode(), List.of());
            Integer quota = quotas.of(campaign, award.getCode()).winnersQuota();
            // Ties for the last places are broken by the re-review score (association: the ranking position),
            // then by approvals.
            Comparator<Candidacy> order = !listed.isEmpty()
                    ? Comparator.comparing(Candidacy::position)
                    : Comparator.comparing((Candidacy c) -> score(c.tally().nomination())).reversed();
            List<Candidacy> qualified = standing.stream().filter(c -> c.tally().qualifies())
                    .sorted(order.thenComparing(Comparator.comparingInt((Candidacy c) -> c.tally().approvals()).reversed())
                            .thenComparing(c -> c.tally().nomination().getId()))
                    .toList();
            int awarded = 0;
            for (Candidacy candidacy : qualified) {
                boolean wins = quota == null || awarded < quota;
                record(campaign.getId(), candidacy, wins ? "WINNER" : "OVER_QUOTA",
                        wins ? null : "超出名额(" + quota + " 名)," + (listed.isEmpty() ? "按复评得分" : "按评分排名")
                                + "排序未入选");
                if (wins) {
                    won.add(candidacy.tally().nomination().getId());
                }
                awarded += wins ? 1 : 0;
            }
            for (Candidacy candidacy : standing) {
                if (!candidacy.tally().qualifies()) {
                    record(campaign.getId(), candidacy, "NOT_APPROVED", "赞成票未达" + share.label() + "("
                            + candidacy.tally().approvals() + "/" + candidacy.tally().entitled() + ")");
                }
            }
            if (!standing.isEmpty() || quota != null) {
                jdbc.update("insert into award_outcome (campaign_id, award_code, winners_quota, winners, short_of_quota) "
                        + "values (?, ?, ?, ?, ?)", campaign.getId(), award.getCode(), quota, awarded,
                        quota != null && awarded < quota);
            }
            winners += awarded;
        }
        tallies.values().forEach(t -> t.nomination().changeStatus(won.contains(t.nomination().getId())
                ? NominationStatus.WINNER : NominationStatus.NOT_SELECTED));
        execution.setVariable("winnerCount", winners);
    }

    private void record(Long campaignId, Candidacy candidacy, String status, String note) {
        Tally tally = candidacy.tally();
        jdbc.update("insert into award_result (campaign_id, award_code, nomination_id, approvals, entitled_voters, "
                + "status, note) values (?, ?, ?, ?, ?, ?, ?)", campaignId, candidacy.awardCode(),
                tally.nomination().getId(), tally.approvals(), tally.entitled(), status, note);
    }

    private static BigDecimal score(Nomination n) {
        return n.getReReviewScore() == null ? BigDecimal.ZERO : n.getReReviewScore();
    }
}
