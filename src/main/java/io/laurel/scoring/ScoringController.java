package io.laurel.scoring;

import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignService;
import io.laurel.web.ApiException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff inputs of association scoring (non-GET: hr, association-staff, camunda-admin by the security
 * configuration): the normalisation of a campaign, a recomputation of its results, the promotion activity of a
 * unit and the decision on a proposed unit prize.
 */
@RestController
class ScoringController {

    private final CampaignService campaigns;
    private final ScoringSettings settings;
    private final EntryRanking ranking;
    private final UnitPrizes unitPrizes;
    private final AssociationResults results;

    ScoringController(CampaignService campaigns, ScoringSettings settings, EntryRanking ranking,
            UnitPrizes unitPrizes, AssociationResults results) {
        this.campaigns = campaigns;
        this.settings = settings;
        this.ranking = ranking;
        this.unitPrizes = unitPrizes;
        this.results = results;
    }

    record SettingsRequest(String normalisation) {
    }

    record ActivityRequest(Integer forwards, Integer readers, BigDecimal guidanceScore, String note) {
    }

    record DecisionRequest(String decision) {
    }

    @GetMapping("/api/campaigns/{id}/scoring-settings")
    Map<String, String> settings(@PathVariable long id) {
        association(id);
        return Map.of("normalisation", settings.normalisation(id).code());
    }

    /** {@code {"normalisation": "none" | "z-score"}}; applies from the next computation. */
    @PutMapping("/api/campaigns/{id}/scoring-settings")
    Map<String, String> choose(@PathVariable long id, @RequestBody SettingsRequest request, Principal user) {
        association(id);
        Normalisation normalisation = Normalisation.of(request == null ? null : request.normalisation())
                .orElseThrow(() -> ApiException.badRequest("normalisation",
                        "normalisation: 应为 none（不标准化）或 z-score（按评委 z-score 标准化）"));
        settings.choose(id, normalisation, user.getName());
        return Map.of("normalisation", normalisation.code());
    }

    /** Recomputes the results from the stored scores and answers them (judge ids shown: staff only here). */
    @PostMapping("/api/campaigns/{id}/results/compute")
    AssociationResults.Results compute(@PathVariable long id) {
        association(id);
        ranking.rankCampaign(id);
        return results.of(id, true);
    }

    /** {@code {"forwards": 12, "readers": 3400, "guidanceScore": 8, "note": "..."}}. */
    @PutMapping("/api/campaigns/{id}/units/{unitId}/activity")
    Map<String, Object> activity(@PathVariable long id, @PathVariable long unitId,
            @RequestBody ActivityRequest request, Principal user) {
        association(id);
        if (request == null || request.forwards() == null || request.forwards() < 0) {
            throw ApiException.badRequest("forwards", "forwards: 必填，转发次数（非负整数）");
        }
        if (request.readers() == null || request.readers() < 0) {
            throw ApiException.badRequest("readers", "readers: 必填，阅读量（非负整数）");
        }
        BigDecimal guidance = request.guidanceScore() == null ? BigDecimal.ZERO : request.guidanceScore();
        if (guidance.signum() < 0 || guidance.compareTo(BigDecimal.TEN) > 0) {
            throw ApiException.badRequest("guidanceScore", "guidanceScore: 指导参赛评分应在 0 到 10 之间");
        }
        unitPrizes.recordActivity(id, unitId, request.forwards(), request.readers(), guidance, request.note(),
                user.getName());
        return Map.of("unitId", unitId, "forwards", request.forwards(), "readers", request.readers(),
                "guidanceScore", guidance);
    }

    /** {@code {"decision": "confirm" | "reject"}} on a proposed unit prize; records who and when. */
    @PostMapping("/api/campaigns/{id}/unit-prizes/{awardCode}/{unitId}")
    Map<String, Object> decide(@PathVariable long id, @PathVariable String awardCode, @PathVariable long unitId,
            @RequestBody DecisionRequest request, Principal user) {
        association(id);
        String decision = request == null ? null : request.decision();
        if (!"confirm".equals(decision) && !"reject".equals(decision)) {
            throw ApiException.badRequest("decision", "decision: 应为 confirm（确认）或 reject（不采纳）");
        }
        unitPrizes.decide(id, awardCode, unitId, "confirm".equals(decision), user.getName());
        return Map.of("awardCode", awardCode, "unitId", unitId, "status",
                "confirm".equals(decision) ? UnitPrizes.CONFIRMED : UnitPrizes.REJECTED, "decidedBy", user.getName());
    }

    private void association(long id) {
        if (campaigns.get(id).getKind() != CampaignKind.ASSOCIATION) {
            throw ApiException.conflict("活动 " + id + " 不是协会活动，没有评分汇总");
        }
    }
}
