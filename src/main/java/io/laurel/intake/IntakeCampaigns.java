package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Which campaign a package is for, and the campaign's intake deadline. */
@Component
public class IntakeCampaigns {

    /** The timeline phase whose end is the intake deadline (every association preset has one). */
    public static final String INTAKE_PHASE = "intake";

    private final CampaignRepository campaigns;
    private final PresetCatalog presets;

    IntakeCampaigns(CampaignRepository campaigns, PresetCatalog presets) {
        this.campaigns = campaigns;
        this.presets = presets;
    }

    /**
     * Campaigns that take packages by email: association campaigns with the UNIT channel (unit packages) or the
     * TEAM channel (team registrations, e.g. service-skills-cup-2022) and an intake phase.
     */
    public List<Campaign> intakeCampaigns() {
        return campaigns.findAll().stream()
                .filter(c -> c.getKind() == CampaignKind.ASSOCIATION && c.getStatus() != CampaignStatus.CLOSED)
                .filter(c -> c.milestone(intakePhase(c)).map(Milestone::getEndsAt).isPresent())
                .filter(c -> {
                    List<String> channels = preset(c).channels();
                    return channels != null && (channels.contains("UNIT") || channels.contains("TEAM"));
                }).toList();
    }

    /** A campaign whose packages are team registrations (channel TEAM): one team per mail, no unit folders. */
    public boolean teamIntake(Campaign campaign) {
        List<String> channels = preset(campaign).channels();
        return channels != null && channels.contains("TEAM");
    }

    /** The phase whose end is the intake deadline: the preset's {@code rules.intakePhase}, else {@code intake}. */
    public String intakePhase(Campaign campaign) {
        String phase = preset(campaign).rules().intakePhase();
        return phase != null ? phase : INTAKE_PHASE;
    }

    /**
     * The campaign a package belongs to: one whose package naming pattern (e.g.
     * {@code 单位名称+2019年度最美客服人申报资料}) the archive or subject follows, else one without such a
     * pattern; among equals the newest (an association runs one campaign of a kind at a time).
     */
    public Optional<Campaign> choose(String archiveName, String subject) {
        String text = ((archiveName == null ? "" : archiveName) + " " + (subject == null ? "" : subject))
                .replaceAll("\\s", "");
        return intakeCampaigns().stream().max(Comparator.<Campaign>comparingInt(c -> score(c, text))
                .thenComparing(Campaign::getId));
    }

    private int score(Campaign campaign, String text) {
        Preset preset = preset(campaign);
        String pattern = preset.rules().registrationEmailSubject();
        if (pattern != null) {
            // 【卓越服务之星参赛报名 + 企业名称】: the fixed words before the "+" identify the campaign
            String words = pattern.replaceAll("[【】\\s]", "").split("[+＋]")[0];
            return text.contains(words) ? 2 : -1; // a unit package never lands in a team contest by default
        }
        Optional<String> suffix = preset.materials() == null ? Optional.empty() : preset.materials().stream()
                .filter(m -> "UNIT".equals(m.scope()) && m.namingPattern() != null)
                .map(m -> m.namingPattern().replaceFirst("^[^+＋]*[+＋]", "").replaceAll("\\s", "")).findFirst();
        if (suffix.isEmpty()) {
            return 1;
        }
        return text.contains(suffix.get()) ? 2 : 0;
    }

    public Preset preset(Campaign campaign) {
        return presets.fromJson(campaign.getPresetSnapshot());
    }

    public Campaign get(Long id) {
        return campaigns.findById(id).orElseThrow(() -> new IllegalStateException("No campaign " + id));
    }

    /** The intake deadline as an instant: the end of the intake phase in the campaign's zone. */
    public Date deadline(Campaign campaign) {
        return Date.from(campaign.milestone(intakePhase(campaign)).map(Milestone::getEndsAt).orElseThrow()
                .atZone(campaign.zoneId()).toInstant());
    }
}
