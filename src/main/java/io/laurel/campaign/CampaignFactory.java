package io.laurel.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import org.springframework.stereotype.Component;

/**
 * Builds a campaign from a preset. Every date of the preset's timeline moves by the same number of
 * days, so that the first one falls on the requested start date; times of day stay as the seed says
 * (a deadline at 18:00 stays at 18:00).
 */
@Component
class CampaignFactory {

    private final PresetCatalog presets;

    CampaignFactory(PresetCatalog presets) {
        this.presets = presets;
    }

    Campaign create(Preset preset, LocalDate startsOn, Instant now, String createdBy) {
        LocalDate firstDate = preset.firstDate();
        LocalDate start = startsOn == null ? firstDate : startsOn;
        long offsetDays = ChronoUnit.DAYS.between(firstDate, start);
        Campaign campaign = new Campaign(preset.key(), preset.name(), preset.kind(), preset.timeZone(), start,
                preset.intakeMailbox(), presets.toJson(preset), now, createdBy);
        preset.timeline().stream()
                .sorted(Comparator.comparing(Preset.Phase::startsAt))
                .forEach(phase -> campaign.addMilestone(new Milestone(phase.code(), phase.name(),
                        shift(phase.startsAt(), offsetDays), shift(phase.endsAt(), offsetDays))));
        preset.awards().forEach(award -> campaign.addAward(award.code(), award.name(), award.subject(), award.prize(),
                award.prizeAmountYuan()));
        return campaign;
    }

    private static LocalDateTime shift(LocalDateTime moment, long days) {
        return moment == null ? null : moment.plusDays(days);
    }
}
