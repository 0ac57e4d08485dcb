package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import java.util.Comparator;
import java.time.Instant;
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
    private final List<IntakeChannel> channels;

    IntakeCampaigns(CampaignRepository campaigns, PresetCatalog presets, List<IntakeChannel> channels) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.channels = channels;
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

    /** The channel that reads this campaign's packages when they are not unit folders (team registrations). */
    public Optional<IntakeChannel> channel(Campaign campaign) {
        Preset preset = preset(campaign);
        return channels.stream().filter(c -> c.serves(preset)).findFirst();
    }

    /** The phase whose end is the intake deadline: the preset's {@code rules.intakePhase}, else {@code intake}. */
    public String intakePhase(Campaign campaign) {
        String phase = preset(campaign).rules().intakePhase();
        return phase != null ? phase : INTAKE_PHASE;
    }

    /**
     * The campaign a package belongs to, among those whose intake phase has begun (a draft of next year's campaign
     * of the same preset waits for its own window). A channel's campaign (the skills contest) takes only mails
     * addressed to it (its subject words); a unit campaign takes any other mail, first one whose package naming
     * pattern (e.g. {@code 单位名称+2019年度最美客服人申报资料}) the archive or subject follows. Among equals one
     * whose window is open now, then the newest. Empty when no campaign really matches.
     */
    public Optional<Campaign> choose(String archiveName, String subject, Instant now) {
        String text = ((archiveName == null ? "" : archiveName) + " " + (subject == null ? "" : subject))
                .replaceAll("\\s", "");
        return intakeCampaigns().stream().filter(c -> !startsAfter(c, now))
                .filter(c -> score(c, text) >= 0)
                .max(Comparator.<Campaign>comparingInt(c -> score(c, text))
                        .thenComparing(c -> isOpen(c, now))
                        .thenComparing(Campaign::getId));
    }

    private boolean startsAfter(Campaign campaign, Instant now) {
        return campaign.milestone(intakePhase(campaign)).map(Milestone::getStartsAt)
                .map(start -> start.atZone(campaign.zoneId()).toInstant().isAfter(now)).orElse(false);
    }

    private boolean isOpen(Campaign campaign, Instant now) {
        return !startsAfter(campaign, now) && deadline(campaign).toInstant().isAfter(now);
    }

    private int score(Campaign campaign, String text) {
        Preset preset = preset(campaign);
        Optional<IntakeChannel> channel = channel(campaign);
        if (channel.isPresent()) {
            return channel.get().addressedTo(preset, text) ? 2 : -1;
        }
        Optional<String> suffix = preset.materials() == null ? Optional.empty() : preset.materials().stream()
                .filter(m -> "UNIT".equals(m.scope()) && m.namingPattern() != null)
                .map(m -> m.namingPattern().replaceFirst("^[^+＋]*[+＋]", "").replaceAll("\\s", "")).findFirst();
        if (suffix.isEmpty()) { // no prescribed package name (seeds 001, 003): naming the campaign or an award helps
            return names(campaign, preset).stream().anyMatch(text::contains) ? 2 : 1;
        }
        return text.contains(suffix.get()) ? 2 : 0;
    }

    /** The campaign's and its awards' names without quotes, years and brackets, for matching a mail's words. */
    private static List<String> names(Campaign campaign, Preset preset) {
        List<String> names = new java.util.ArrayList<>();
        names.add(campaign.getName());
        preset.awards().forEach(a -> names.add(a.name()));
        return names.stream().map(n -> n.replaceAll("[“”\"《》\\s]|（[^）]*）|\\d{4}年度?", ""))
                .filter(n -> n.length() >= 4).toList();
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
