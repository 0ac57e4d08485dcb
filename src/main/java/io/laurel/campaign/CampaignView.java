package io.laurel.campaign;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What {@code /api/campaigns} answers: the campaign with its timeline, awards and their quotas. */
public record CampaignView(
        Long id,
        String preset,
        String name,
        CampaignKind kind,
        CampaignStatus status,
        String timeZone,
        LocalDate startsOn,
        String intakeMailbox,
        PhaseView currentPhase,
        List<PhaseView> timeline,
        List<AwardView> awards,
        List<Preset.MaterialRule> materials,
        List<String> channels,
        PresetRules rules) {

    public record PhaseView(String code, String name, LocalDateTime startsAt, LocalDateTime endsAt) {

        static PhaseView of(Milestone m) {
            return new PhaseView(m.getCode(), m.getName(), m.getStartsAt(), m.getEndsAt());
        }
    }

    public record AwardView(String code, String name, AwardSubject subject, String prize, Integer prizeAmountYuan,
            Integer winnersQuota, Integer perUnitLimit) {
    }
}
