package io.laurel.roster;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * One row of a campaign's staff roster: who may be nominated and the figures the eligibility and
 * initial-review rules read. A roster belongs to one campaign because it is a snapshot as of that campaign.
 */
@Entity
@Table(name = "employee")
public class Employee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private Long campaignId;

    @Column(name = "employee_number", nullable = false, length = 32)
    private String employeeNumber;

    @Column(nullable = false, length = 64)
    private String name;

    @Column(nullable = false, length = 64)
    private String department;

    @Column(name = "position_group", nullable = false, length = 64)
    private String positionGroup;

    @Column(name = "hire_date", nullable = false)
    private LocalDate hireDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "employment_type", nullable = false, length = 16)
    private EmploymentType employmentType;

    @Column(name = "satisfaction_score", precision = 6, scale = 2)
    private BigDecimal satisfactionScore;

    @Column(name = "major_complaints_12m", nullable = false)
    private int majorComplaints12m;

    @Column(nullable = false)
    private int violations;

    @Column(length = 200)
    private String email;

    @Column(length = 32)
    private String mobile;

    @Column(name = "service_volume")
    private Integer serviceVolume;

    @Column(name = "resolution_rate", precision = 6, scale = 2)
    private BigDecimal resolutionRate;

    @Column(name = "avg_response_minutes", precision = 8, scale = 2)
    private BigDecimal avgResponseMinutes;

    @Column(name = "skills_test_score", precision = 6, scale = 2)
    private BigDecimal skillsTestScore;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "employee_award_win", joinColumns = @JoinColumn(name = "employee_id"))
    private Set<AwardWin> pastWins = new HashSet<>();

    protected Employee() {
    }

    public Employee(Long campaignId, String employeeNumber) {
        this.campaignId = campaignId;
        this.employeeNumber = employeeNumber;
    }

    /** Copies every roster field from {@code other}; used when a re-import upserts by employee number. */
    public void updateFrom(Employee other) {
        this.name = other.name;
        this.department = other.department;
        this.positionGroup = other.positionGroup;
        this.hireDate = other.hireDate;
        this.employmentType = other.employmentType;
        this.satisfactionScore = other.satisfactionScore;
        this.majorComplaints12m = other.majorComplaints12m;
        this.violations = other.violations;
        this.email = other.email;
        this.mobile = other.mobile;
        this.serviceVolume = other.serviceVolume;
        this.resolutionRate = other.resolutionRate;
        this.avgResponseMinutes = other.avgResponseMinutes;
        this.skillsTestScore = other.skillsTestScore;
        replacePastWins(other.pastWins);
    }

    public void replacePastWins(Collection<AwardWin> wins) {
        pastWins.clear();
        pastWins.addAll(wins);
    }

    /** Years in a row, ending with {@code lastYear}, in which this employee won {@code awardCode}. */
    public int consecutiveWins(String awardCode, int lastYear) {
        int count = 0;
        while (pastWins.contains(new AwardWin(awardCode, lastYear - count))) {
            count++;
        }
        return count;
    }

    public Long getId() {
        return id;
    }

    public Long getCampaignId() {
        return campaignId;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getPositionGroup() {
        return positionGroup;
    }

    public void setPositionGroup(String positionGroup) {
        this.positionGroup = positionGroup;
    }

    public LocalDate getHireDate() {
        return hireDate;
    }

    public void setHireDate(LocalDate hireDate) {
        this.hireDate = hireDate;
    }

    public EmploymentType getEmploymentType() {
        return employmentType;
    }

    public void setEmploymentType(EmploymentType employmentType) {
        this.employmentType = employmentType;
    }

    public BigDecimal getSatisfactionScore() {
        return satisfactionScore;
    }

    public void setSatisfactionScore(BigDecimal satisfactionScore) {
        this.satisfactionScore = satisfactionScore;
    }

    public int getMajorComplaints12m() {
        return majorComplaints12m;
    }

    public void setMajorComplaints12m(int majorComplaints12m) {
        this.majorComplaints12m = majorComplaints12m;
    }

    public int getViolations() {
        return violations;
    }

    public void setViolations(int violations) {
        this.violations = violations;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getMobile() {
        return mobile;
    }

    public void setMobile(String mobile) {
        this.mobile = mobile;
    }

    public Integer getServiceVolume() {
        return serviceVolume;
    }

    public void setServiceVolume(Integer serviceVolume) {
        this.serviceVolume = serviceVolume;
    }

    public BigDecimal getResolutionRate() {
        return resolutionRate;
    }

    public void setResolutionRate(BigDecimal resolutionRate) {
        this.resolutionRate = resolutionRate;
    }

    public BigDecimal getAvgResponseMinutes() {
        return avgResponseMinutes;
    }

    public void setAvgResponseMinutes(BigDecimal avgResponseMinutes) {
        this.avgResponseMinutes = avgResponseMinutes;
    }

    public BigDecimal getSkillsTestScore() {
        return skillsTestScore;
    }

    public void setSkillsTestScore(BigDecimal skillsTestScore) {
        this.skillsTestScore = skillsTestScore;
    }

    public Set<AwardWin> getPastWins() {
        return pastWins;
    }
}
