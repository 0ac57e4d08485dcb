package io.laurel.intake;

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

/** One unit's emailed package for a campaign, from its first message through resubmissions to its outcome. */
@Entity
@Table(name = "intake_package")
public class IntakePackage {

    public enum Status {
        /** Being checked. */
        RECEIVED,
        /** Problems were mailed; waiting for a resubmission. */
        AWAITING_SUPPLEMENT,
        /** Waiting for association staff. */
        IN_REVIEW,
        /** Registered in full. */
        REGISTERED,
        /** The supplement window passed; valid applicants registered, the rest listed. */
        CLOSED_AS_IS,
        /** Arrived after the intake deadline; kept, not registered. */
        LATE,
        /** No campaign could take it. */
        UNASSIGNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "unit_name", length = 200)
    private String unitName;

    @Column(name = "unit_id")
    private Long unitId;

    @Column(nullable = false, length = 320)
    private String sender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private Status status = Status.RECEIVED;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    /** The open problems, one per line, in Chinese (shown in mails and to staff). */
    @Lob
    @Column(length = Integer.MAX_VALUE)
    private String problems;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected IntakePackage() {
    }

    public IntakePackage(Long campaignId, String sender, Instant now) {
        this.campaignId = campaignId;
        this.sender = sender;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void changeStatus(Status status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    public void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public void identifyUnit(String unitName, Long unitId) {
        if (unitName != null) {
            this.unitName = unitName;
        }
        if (unitId != null) {
            this.unitId = unitId;
        }
    }

    public void recordProblems(String problems) {
        this.problems = problems;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getUnitName() {
        return unitName;
    }

    public Long getUnitId() {
        return unitId;
    }

    public String getSender() {
        return sender;
    }

    public Status getStatus() {
        return status;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getProblems() {
        return problems;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
