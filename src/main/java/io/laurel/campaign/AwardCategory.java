package io.laurel.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * An award of a campaign. Quotas and per-unit limits are deliberately not stored here: they live in
 * the DMN {@code award-quota} so staff can change them without a release.
 */
@Entity
@Table(name = "award_category")
public class AwardCategory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(nullable = false, length = 128)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private AwardSubject subject;

    @Column(length = 300)
    private String prize;

    @Column(name = "prize_amount_yuan")
    private Integer prizeAmountYuan;

    protected AwardCategory() {
    }

    AwardCategory(Campaign campaign, int position, String code, String name, AwardSubject subject, String prize,
            Integer prizeAmountYuan) {
        this.campaign = campaign;
        this.position = position;
        this.code = code;
        this.name = name;
        this.subject = subject;
        this.prize = prize;
        this.prizeAmountYuan = prizeAmountYuan;
    }

    public Long getId() {
        return id;
    }

    public Campaign getCampaign() {
        return campaign;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public AwardSubject getSubject() {
        return subject;
    }

    public String getPrize() {
        return prize;
    }

    public Integer getPrizeAmountYuan() {
        return prizeAmountYuan;
    }
}
