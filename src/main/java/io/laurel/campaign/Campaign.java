package io.laurel.campaign;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** One award campaign, created from a preset with its timeline shifted to a start date. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "preset_key", nullable = false, length = 64)
    private String presetKey;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CampaignKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CampaignStatus status = CampaignStatus.DRAFT;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "intake_mailbox", length = 200)
    private String intakeMailbox;

    /** The preset's rules as they were when the campaign was created, so later preset edits do not change it. */
    @Lob
    @Column(name = "preset_snapshot", nullable = false, length = Integer.MAX_VALUE)
    private String presetSnapshot;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", length = 64)
    private String createdBy;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "campaign_milestone", joinColumns = @JoinColumn(name = "campaign_id"))
    @OrderColumn(name = "position")
    private List<Milestone> timeline = new ArrayList<>();

    @OneToMany(mappedBy = "campaign", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AwardCategory> awards = new ArrayList<>();

    protected Campaign() {
    }

    public Campaign(String presetKey, String name, CampaignKind kind, String timeZone, LocalDate startsOn,
            String intakeMailbox, String presetSnapshot, Instant createdAt, String createdBy) {
        this.presetKey = presetKey;
        this.name = name;
        this.kind = kind;
        this.timeZone = timeZone;
        this.startsOn = startsOn;
        this.intakeMailbox = intakeMailbox;
        this.presetSnapshot = presetSnapshot;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    public void addMilestone(Milestone milestone) {
        timeline.add(milestone);
    }

    public AwardCategory addAward(String code, String awardName, AwardSubject subject, String prize,
            Integer prizeAmountYuan) {
        AwardCategory award = new AwardCategory(this, awards.size(), code, awardName, subject, prize, prizeAmountYuan);
        awards.add(award);
        return award;
    }

    /**
     * Moves the phases whose end (or start) is {@code from} to {@code to}, so that the printed timeline, the windows
     * checked against it and timers created later agree with a timer an operator moved. Returns their names.
     */
    public List<String> moveKeyMoment(LocalDateTime from, LocalDateTime to) {
        return timeline.stream().filter(m -> m.moveKeyMoment(from, to)).map(Milestone::getName).toList();
    }

    public Optional<Milestone> milestone(String code) {
        return timeline.stream().filter(m -> m.getCode().equals(code)).findFirst();
    }

    public Optional<AwardCategory> award(String code) {
        return awards.stream().filter(a -> a.getCode().equals(code)).findFirst();
    }

    public ZoneId zoneId() {
        return ZoneId.of(timeZone);
    }

    public void markRunning() {
        this.status = CampaignStatus.RUNNING;
    }

    public void markClosed() {
        this.status = CampaignStatus.CLOSED;
    }

    public Long getId() {
        return id;
    }

    public String getPresetKey() {
        return presetKey;
    }

    public String getName() {
        return name;
    }

    public CampaignKind getKind() {
        return kind;
    }

    public CampaignStatus getStatus() {
        return status;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public LocalDate getStartsOn() {
        return startsOn;
    }

    public String getIntakeMailbox() {
        return intakeMailbox;
    }

    public String getPresetSnapshot() {
        return presetSnapshot;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public List<Milestone> getTimeline() {
        return Collections.unmodifiableList(timeline);
    }

    public List<AwardCategory> getAwards() {
        return Collections.unmodifiableList(awards);
    }
}
