package io.laurel.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An objection (异议) raised against a winner during the public notice. The objector's name and contact
 * are confidential: they are shown only in the investigation task of HR and the committee chair.
 */
@Entity
@Table(name = "objection")
public class Objection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "nomination_id", nullable = false)
    private Long nominationId;

    @Column(name = "objector_name", nullable = false, length = 100)
    private String objectorName;

    @Column(name = "objector_contact", nullable = false, length = 200)
    private String objectorContact;

    @Lob
    @Column(nullable = false, length = Integer.MAX_VALUE)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ObjectionStatus status = ObjectionStatus.OPEN;

    @Column(name = "decision_reason", length = 2000)
    private String decisionReason;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "raised_at", nullable = false)
    private Instant raisedAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected Objection() {
    }

    Objection(Long campaignId, Long nominationId, String objectorName, String objectorContact, String reason,
            Instant raisedAt) {
        this.campaignId = campaignId;
        this.nominationId = nominationId;
        this.objectorName = objectorName;
        this.objectorContact = objectorContact;
        this.reason = reason;
        this.raisedAt = raisedAt;
    }

    void decide(boolean upheld, String reasonText, String userId, Instant now) {
        this.status = upheld ? ObjectionStatus.UPHELD : ObjectionStatus.DISMISSED;
        this.decisionReason = reasonText;
        this.decidedBy = userId;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getNominationId() {
        return nominationId;
    }

    public String getObjectorName() {
        return objectorName;
    }

    public String getObjectorContact() {
        return objectorContact;
    }

    public String getReason() {
        return reason;
    }

    public ObjectionStatus getStatus() {
        return status;
    }

    public String getDecisionReason() {
        return decisionReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getRaisedAt() {
        return raisedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
