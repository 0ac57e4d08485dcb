package io.laurel.campaign;

import io.laurel.web.ApiException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates campaigns from presets and shows them. */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final PresetCatalog presets;
    private final CampaignFactory factory;
    private final AwardQuotas quotas;
    private final Clock clock;

    CampaignService(CampaignRepository campaigns, PresetCatalog presets, CampaignFactory factory, AwardQuotas quotas,
            Clock clock) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.factory = factory;
        this.quotas = quotas;
        this.clock = clock;
    }

    @Transactional
    public Campaign createFromPreset(String presetKey, LocalDate startsOn, String createdBy) {
        Preset preset = presets.find(presetKey).orElseThrow(() -> ApiException.badRequest("preset",
                "preset: 未知的活动预设 '" + presetKey + "',可选: "
                        + presets.all().stream().map(Preset::key).collect(Collectors.joining(", "))));
        return campaigns.save(factory.create(preset, startsOn, clock.instant(), createdBy));
    }

    @Transactional(readOnly = true)
    public Campaign get(Long id) {
        return campaigns.findById(id).orElseThrow(() -> ApiException.notFound("活动不存在: " + id));
    }

    @Transactional(readOnly = true)
    public List<CampaignView> list() {
        return campaigns.findAll().stream().map(this::view).toList();
    }

    @Transactional(readOnly = true)
    public CampaignView view(Long id) {
        return view(get(id));
    }

    /** The phase the campaign is in now, in its own time zone; empty before the first and after the last. */
    public Optional<Milestone> currentPhase(Campaign campaign) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(campaign.zoneId()));
        return campaign.getTimeline().stream().filter(m -> m.contains(now)).reduce((first, later) -> later);
    }

    CampaignView view(Campaign campaign) {
        Preset snapshot = presets.fromJson(campaign.getPresetSnapshot());
        List<CampaignView.AwardView> awards = campaign.getAwards().stream().map(award -> {
            AwardQuotas.Quota quota = quotas.of(campaign, award.getCode());
            return new CampaignView.AwardView(award.getCode(), award.getName(), award.getSubject(), award.getPrize(),
                    award.getPrizeAmountYuan(), quota.winnersQuota(), quota.perUnitLimit());
        }).toList();
        return new CampaignView(campaign.getId(), campaign.getPresetKey(), campaign.getName(), campaign.getKind(),
                campaign.getStatus(), campaign.getTimeZone(), campaign.getStartsOn(), campaign.getIntakeMailbox(),
                currentPhase(campaign).map(CampaignView.PhaseView::of).orElse(null),
                campaign.getTimeline().stream().map(CampaignView.PhaseView::of).toList(), awards,
                snapshot.materials(), snapshot.channels(), snapshot.rules());
    }

    /** See {@link Campaign#moveKeyMoment}: an operator ended a phase early or extended it. */
    @Transactional
    public List<String> moveKeyMoment(Long campaignId, LocalDateTime from, LocalDateTime to) {
        return get(campaignId).moveKeyMoment(from, to);
    }
}
