package io.laurel.nomination;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A candidate put forward for one award of one campaign. The candidate is either a roster employee
 * (company campaigns) or a named applicant of a member unit (association campaigns).
 */
@Entity
@Table(name = "nomination")
public class Nomination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "award_code", nullable = false, length = 64)
    private String awardCode;

    @Column(name = "employee_id")
    private Long employeeId;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(name = "candidate_name", nullable = false, length = 200)
    private String candidateName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NominationChannel channel;

    @Column(name = "nominator", nullable = false, length = 200)
    private String nominator;

    @Column(name = "nominator_contact", length = 200)
    private String nominatorContact;

    @Lob
    @Column(name = "reason", length = Integer.MAX_VALUE)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private NominationStatus status = NominationStatus.SUBMITTED;

    @Column(name = "submitted_at", nullable = false)
    private Instant submittedAt;

    /** What the DMN eligibility said (ELIGIBLE/INELIGIBLE) and why; kept even when HR overrides it. */
    @Column(name = "rule_verdict", length = 16)
    private String ruleVerdict;

    @Column(name = "rule_reason", length = 500)
    private String ruleReason;

    @Column(name = "override_reason", length = 1000)
    private String overrideReason;

    @Column(name = "missing_materials", length = 1000)
    private String missingMaterials;

    @Column(name = "initial_score", precision = 8, scale = 3)
    private BigDecimal initialScore;

    @Column(name = "group_rank")
    private Integer groupRank;

    @Column(name = "re_review_score", precision = 8, scale = 3)
    private BigDecimal reReviewScore;

    protected Nomination() {
    }

    public Nomination(Long campaignId, String awardCode, String candidateName, NominationChannel channel,
            String nominator, String nominatorContact, String reason, Instant submittedAt) {
        this.campaignId = campaignId;
        this.awardCode = awardCode;
        this.candidateName = candidateName;
        this.channel = channel;
        this.nominator = nominator;
        this.nominatorContact = nominatorContact;
        this.reason = reason;
        this.submittedAt = submittedAt;
    }

    public void forEmployee(Long employeeId) {
        this.employeeId = employeeId;
    }

    public void fromUnit(Long unitId) {
        this.unitId = unitId;
    }

    public void changeStatus(NominationStatus status) {
        this.status = status;
    }

    public void recordRuleVerdict(boolean eligible, String reason) {
        this.ruleVerdict = eligible ? "ELIGIBLE" : "INELIGIBLE";
        this.ruleReason = reason;
    }

    public void recordOverride(String reason) {
        this.overrideReason = reason;
    }

    public void recordMissingMaterials(String missing) {
        this.missingMaterials = missing;
    }

    public void recordInitialScore(BigDecimal score, int rankInGroup) {
        this.initialScore = score;
        this.groupRank = rankInGroup;
    }

    public void recordReReviewScore(BigDecimal score) {
        this.reReviewScore = score;
    }

    public String getRuleVerdict() {
        return ruleVerdict;
    }

    public String getRuleReason() {
        return ruleReason;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public String getMissingMaterials() {
        return missingMaterials;
    }

    public BigDecimal getInitialScore() {
        return initialScore;
    }

    public Integer getGroupRank() {
        return groupRank;
    }

    public BigDecimal getReReviewScore() {
        return reReviewScore;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getAwardCode() {
        return awardCode;
    }

    public Long getEmployeeId() {
        return employeeId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getCandidateName() {
        return candidateName;
    }

    public NominationChannel getChannel() {
        return channel;
    }

    public String getNominator() {
        return nominator;
    }

    public String getNominatorContact() {
        return nominatorContact;
    }

    public String getReason() {
        return reason;
    }

    public NominationStatus getStatus() {
        return status;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }
}
