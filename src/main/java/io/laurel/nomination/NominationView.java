package io.laurel.nomination;

import java.math.BigDecimal;
import java.time.Instant;

public record NominationView(Long id, Long campaignId, String awardCode, String candidateName, Long employeeId,
        Long unitId, NominationChannel channel, String nominator, NominationStatus status, Instant submittedAt,
        String ruleVerdict, String ruleReason, String overrideReason, String missingMaterials,
        BigDecimal initialScore, Integer groupRank, BigDecimal reReviewScore) {

    static NominationView of(Nomination n) {
        return new NominationView(n.getId(), n.getCampaignId(), n.getAwardCode(), n.getCandidateName(),
                n.getEmployeeId(), n.getUnitId(), n.getChannel(), n.getNominator(), n.getStatus(), n.getSubmittedAt(),
                n.getRuleVerdict(), n.getRuleReason(), n.getOverrideReason(), n.getMissingMaterials(),
                n.getInitialScore(), n.getGroupRank(), n.getReReviewScore());
    }

    /**
     * What a department head sees of their own staff's nominations: who, for what, how far it got and what
     * material is missing. Not who nominated (peers and customers nominate in confidence), not the review's
     * scores and reasons, which belong to HR and the committee until the results are published.
     */
    static NominationView forDepartmentHead(Nomination n) {
        return new NominationView(n.getId(), n.getCampaignId(), n.getAwardCode(), n.getCandidateName(),
                n.getEmployeeId(), n.getUnitId(), n.getChannel(), null, n.getStatus(), n.getSubmittedAt(),
                n.getRuleVerdict(), null, null, n.getMissingMaterials(), null, null, null);
    }
}
