package io.laurel.vote;

import io.laurel.campaign.AwardQuotas;
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
 * Counts the anonymous ballots. A finalist qualifies with approval of at least two thirds of the members
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

    VoteCounter(NominationContext context, NominationRepository nominations, CommitteeRecords records,
            AwardQuotas quotas, JdbcTemplate jdbc) {
        this.context = context;
        this.nominations = nominations;
        this.records = records;
        this.quotas = quotas;
        this.jdbc = jdbc;
    }

    record Tally(Nomination nomination, int approvals, int entitled) {

        boolean qualifies() {
            return entitled > 0 && approvals * 3 >= entitled * 2;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        int committeeSize = ((List<String>) execution.getVariable("voterIds")).size();
        Map<String, List<Tally>> byAward = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.FINALIST)).stream()
                .map(n -> new Tally(n, approvals(n.getId()), committeeSize - records.recusals(n.getId())))
                .collect(Collectors.groupingBy(t -> t.nomination().getAwardCode()));
        int winners = 0;
        for (var award : campaign.getAwards()) {
            List<Tally> tallies = byAward.getOrDefault(award.getCode(), List.of());
            Integer quota = quotas.of(campaign.getPresetKey(), award.getCode()).winnersQuota();
            // Ties for the last places are broken by the re-review score, then by approvals.
            List<Tally> qualified = tallies.stream().filter(Tally::qualifies)
                    .sorted(Comparator.comparing((Tally t) -> score(t.nomination())).reversed()
                            .thenComparing(Comparator.comparingInt(Tally::approvals).reversed())
                            .thenComparing(t -> t.nomination().getId()))
                    .toList();
            int awarded = 0;
            for (Tally tally : qualified) {
                boolean wins = quota == null || awarded < quota;
                record(campaign.getId(), tally, wins ? "WINNER" : "OVER_QUOTA",
                        wins ? null : "超出名额(" + quota + " 名),按复评得分排序未入选");
                tally.nomination().changeStatus(wins ? NominationStatus.WINNER : NominationStatus.NOT_SELECTED);
                awarded += wins ? 1 : 0;
            }
            for (Tally tally : tallies) {
                if (!tally.qualifies()) {
                    record(campaign.getId(), tally, "NOT_APPROVED", "赞成票未达三分之二(" + tally.approvals() + "/"
                            + tally.entitled() + ")");
                    tally.nomination().changeStatus(NominationStatus.NOT_SELECTED);
                }
            }
            if (!tallies.isEmpty() || quota != null) {
                jdbc.update("insert into award_outcome (campaign_id, award_code, winners_quota, winners, short_of_quota) "
                        + "values (?, ?, ?, ?, ?)", campaign.getId(), award.getCode(), quota, awarded,
                        quota != null && awarded < quota);
            }
            winners += awarded;
        }
        execution.setVariable("winnerCount", winners);
    }

    private int approvals(Long nominationId) {
        Integer count = jdbc.queryForObject("select count(*) from ballot where nomination_id = ? and approve = ?",
                Integer.class, nominationId, true);
        return count == null ? 0 : count;
    }

    private void record(Long campaignId, Tally tally, String status, String note) {
        jdbc.update("insert into award_result (campaign_id, award_code, nomination_id, approvals, entitled_voters, "
                + "status, note) values (?, ?, ?, ?, ?, ?, ?)", campaignId, tally.nomination().getAwardCode(),
                tally.nomination().getId(), tally.approvals(), tally.entitled(), status, note);
    }

    private static BigDecimal score(Nomination n) {
        return n.getReReviewScore() == null ? BigDecimal.ZERO : n.getReReviewScore();
    }
}
