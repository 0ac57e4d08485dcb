package io.laurel.intake;

import io.laurel.campaign.Campaign;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Dates for the timers of {@code package-intake} and {@code intake-deadlines}, used in BPMN expressions:
 * {@code ${intakeTimers.capAtDeadline(workCalendar.addWorkingDays(now(), intakeTimers.supplementWorkingDays()), campaignId)}}.
 */
@Component("intakeTimers")
public class IntakeTimers {

    private final IntakeCampaigns campaigns;
    private final IntakeProperties properties;

    IntakeTimers(IntakeCampaigns campaigns, IntakeProperties properties) {
        this.campaigns = campaigns;
        this.properties = properties;
    }

    public int supplementWorkingDays() {
        return properties.supplementWorkingDays();
    }

    /** The supplement window never runs past the campaign's intake deadline. */
    public Date capAtDeadline(Date date, Object campaignId) {
        Date deadline = deadline(campaignId);
        return date.after(deadline) ? deadline : date;
    }

    public Date deadline(Object campaignId) {
        return campaigns.deadline(campaign(campaignId));
    }

    /** When units that have not sent a package are reminded: {@code reminderDaysBefore} days before the deadline. */
    public Date reminderAt(Object campaignId) {
        return new Date(deadline(campaignId).getTime() - properties.reminderDaysBefore() * 24L * 3600 * 1000);
    }

    private Campaign campaign(Object campaignId) {
        return campaigns.get(((Number) campaignId).longValue());
    }
}
