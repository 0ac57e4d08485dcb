package io.laurel.campaign;

import io.laurel.calendar.WorkCalendar;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The campaign's timeline as the process model needs it: deadlines and reminder times as {@link Date}s
 * for timer events and task due dates, e.g. {@code ${campaignTimeline.deadline(campaignId, 'nomination')}}.
 */
@Component("campaignTimeline")
public class CampaignTimeline {

    /** Reminders go out in the morning, local time, this many days before a key date (seed 002: 3 days). */
    static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    static final int DEFAULT_REMINDER_DAYS = 3;

    private final CampaignRepository campaigns;
    private final PresetCatalog presets;
    private final WorkCalendar calendar;
    private final Clock clock;

    CampaignTimeline(CampaignRepository campaigns, PresetCatalog presets, WorkCalendar calendar, Clock clock) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** End of a phase (its start for a single key date), in the campaign's zone. */
    public Date deadline(Long campaignId, String phaseCode) {
        Campaign campaign = campaign(campaignId);
        return toDate(campaign, keyMoment(milestone(campaign, phaseCode)));
    }

    public Date start(Long campaignId, String phaseCode) {
        Campaign campaign = campaign(campaignId);
        return toDate(campaign, milestone(campaign, phaseCode).getStartsAt());
    }

    /**
     * The phase's deadline, or null when the campaign's timeline has no such phase (association presets have no
     * final-vote phase): a task's due date expression may then leave the task without a due date.
     */
    public Date deadlineIfAny(Long campaignId, String phaseCode) {
        Campaign campaign = campaign(campaignId);
        return campaign.milestone(phaseCode).map(m -> toDate(campaign, keyMoment(m))).orElse(null);
    }

    /** The start of a phase, or {@code fallback} when the campaign's timeline has no such phase. */
    public Date startOr(Long campaignId, String phaseCode, Date fallback) {
        Campaign campaign = campaign(campaignId);
        return campaign.milestone(phaseCode).map(m -> toDate(campaign, m.getStartsAt())).orElse(fallback);
    }

    public LocalDateTime deadlineLocal(Long campaignId, String phaseCode) {
        return keyMoment(milestone(campaign(campaignId), phaseCode));
    }

    /**
     * When the reminder for a key date goes out: N days before it, at 09:00 local time; when that day is not a
     * working day (Chinese calendar: weekends, public holidays, adjusted working days), on the last working day
     * before it — nobody sends the office's reminders on a Sunday, and a reminder is better early than late. The
     * key date is a phase's end (a deadline) unless the preset's {@code reminderAnchors} names the phase's
     * {@code start} (a match day).
     */
    public Date reminderAt(Long campaignId, String keyDateCode) {
        Campaign campaign = campaign(campaignId);
        Milestone milestone = milestone(campaign, keyDateCode);
        LocalDateTime moment = "start".equals(anchor(campaign, keyDateCode)) ? milestone.getStartsAt()
                : keyMoment(milestone);
        return toDate(campaign, reminderDay(moment.toLocalDate(), reminderDays(campaign)).atTime(REMINDER_TIME));
    }

    /** {@code days} calendar days before {@code keyDate}, moved back to a working day. */
    LocalDate reminderDay(LocalDate keyDate, int days) {
        LocalDate day = keyDate.minusDays(days);
        while (!calendar.isWorkingDay(day)) {
            day = day.minusDays(1);
        }
        return day;
    }

    /** The moment a reminder speaks of: {@code start} or the key moment (see {@link #reminderAt}). */
    public LocalDateTime reminderSubject(Long campaignId, String keyDateCode) {
        Campaign campaign = campaign(campaignId);
        Milestone milestone = milestone(campaign, keyDateCode);
        return "start".equals(anchor(campaign, keyDateCode)) ? milestone.getStartsAt() : keyMoment(milestone);
    }

    private String anchor(Campaign campaign, String keyDateCode) {
        Map<String, String> anchors = presets.fromJson(campaign.getPresetSnapshot()).rules().reminderAnchors();
        return anchors == null ? null : anchors.get(keyDateCode);
    }

    /**
     * The key dates that still get a reminder: those of the preset's rules ({@code reminderKeyDates})
     * whose reminder time lies after the engine's "now" (a reminder for a date already near is pointless).
     */
    public List<String> reminderKeys(Long campaignId) {
        Campaign campaign = campaign(campaignId);
        List<String> keys = presets.fromJson(campaign.getPresetSnapshot()).rules().reminderKeyDates();
        if (keys == null) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        return keys.stream().filter(key -> campaign.milestone(key).isPresent())
                .filter(key -> reminderAt(campaignId, key).after(now)).toList();
    }

    int reminderDays(Campaign campaign) {
        Integer days = presets.fromJson(campaign.getPresetSnapshot()).rules().reminderDaysBefore();
        return days != null ? days : DEFAULT_REMINDER_DAYS;
    }

    private static LocalDateTime keyMoment(Milestone milestone) {
        return milestone.getEndsAt() != null ? milestone.getEndsAt() : milestone.getStartsAt();
    }

    private static Milestone milestone(Campaign campaign, String code) {
        return campaign.milestone(code).orElseThrow(() -> new IllegalStateException(
                "Campaign " + campaign.getId() + " has no timeline entry '" + code + "'"));
    }

    private Campaign campaign(Long campaignId) {
        return campaigns.findById(campaignId)
                .orElseThrow(() -> new IllegalStateException("Campaign " + campaignId + " does not exist"));
    }

    private static Date toDate(Campaign campaign, LocalDateTime local) {
        return Date.from(local.atZone(campaign.zoneId()).toInstant());
    }
}
