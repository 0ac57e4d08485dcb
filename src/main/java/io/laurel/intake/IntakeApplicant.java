package io.laurel.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A registered applicant with the summary-table details (position, mobile, email) the nomination has no room for. */
@Entity
@Table(name = "intake_applicant")
public class IntakeApplicant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "package_id", nullable = false)
    private Long packageId;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "nomination_id", nullable = false)
    private Long nominationId;

    @Column(name = "position_no", nullable = false)
    private int positionNo;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "job_title", length = 200)
    private String jobTitle;

    @Column(length = 64)
    private String mobile;

    @Column(length = 320)
    private String email;

    @Column(name = "award_code", nullable = false, length = 64)
    private String awardCode;

    @Column(name = "award_name", nullable = false, length = 200)
    private String awardName;

    /** What the entry was registered with although it departs from the rules (seed 001 规范性), one per line. */
    @Column(name = "nonconformities")
    private String nonconformities;

    protected IntakeApplicant() {
    }

    public IntakeApplicant(Long packageId, Long campaignId, Long unitId, Long nominationId, int positionNo, String name,
            String jobTitle, String mobile, String email, String awardCode, String awardName) {
        this.packageId = packageId;
        this.campaignId = campaignId;
        this.unitId = unitId;
        this.nominationId = nominationId;
        this.positionNo = positionNo;
        this.name = name;
        this.jobTitle = jobTitle;
        this.mobile = mobile;
        this.email = email;
        this.awardCode = awardCode;
        this.awardName = awardName;
    }

    public Long getId() {
        return id;
    }

    public Long getPackageId() {
        return packageId;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public Long getUnitId() {
        return unitId;
    }

    public Long getNominationId() {
        return nominationId;
    }

    public int getPositionNo() {
        return positionNo;
    }

    public String getName() {
        return name;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public String getMobile() {
        return mobile;
    }

    public String getEmail() {
        return email;
    }

    public String getAwardCode() {
        return awardCode;
    }

    public String getAwardName() {
        return awardName;
    }

    public void flagNonconformities(String lines) {
        this.nonconformities = lines == null || lines.isBlank() ? null : lines;
    }

    public String getNonconformities() {
        return nonconformities;
    }
}
