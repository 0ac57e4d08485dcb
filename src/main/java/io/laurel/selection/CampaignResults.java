package io.laurel.selection;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.review.NominationContext;
import io.laurel.vote.AwardResults;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The outcome of a campaign's final vote and notice, per award: who won, who fell short and why. */
@Service
public class CampaignResults {

    private final CampaignService campaigns;
    private final AwardResults awardResults;
    private final NominationContext context;

    CampaignResults(CampaignService campaigns, AwardResults awardResults, NominationContext context) {
        this.campaigns = campaigns;
        this.awardResults = awardResults;
        this.context = context;
    }

    public record Entry(Long nominationId, String candidateName, String department, String status, int approvals,
            int entitledVoters, BigDecimal reReviewScore, String note) {
    }

    public record AwardResult(String awardCode, String awardName, Integer winnersQuota, int winners,
            boolean shortOfQuota, List<Entry> entries) {
    }

    public record Results(Long campaignId, String campaignName, String campaignStatus, List<AwardResult> awards) {
    }

    @Transactional(readOnly = true)
    public Results of(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        Map<String, List<Entry>> entries = awardResults.results(campaignId).stream()
                .map(r -> Map.entry(r.awardCode(), entry(campaignId, r)))
                .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getKey())
                        .thenComparing(e -> e.getValue().reReviewScore(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparing(e -> e.getValue().nominationId()))
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        Map<String, AwardResults.Outcome> outcomes = awardResults.outcomes(campaignId);
        List<AwardResult> awards = campaign.getAwards().stream().filter(a -> outcomes.containsKey(a.getCode()))
                .map(a -> {
                    AwardResults.Outcome outcome = outcomes.get(a.getCode());
                    return new AwardResult(a.getCode(), a.getName(), outcome.winnersQuota(), outcome.winners(),
                            outcome.shortOfQuota(), entries.getOrDefault(a.getCode(), List.of()));
                }).toList();
        return new Results(campaignId, campaign.getName(), campaign.getStatus().name(), awards);
    }

    private Entry entry(Long campaignId, AwardResults.Result result) {
        var loaded = context.load(campaignId, result.nominationId());
        return new Entry(result.nominationId(), loaded.nomination().getCandidateName(),
                loaded.candidate() != null ? loaded.candidate().getDepartment() : null, result.status(),
                result.approvals(), result.entitledVoters(), loaded.nomination().getReReviewScore(), result.note());
    }
}
