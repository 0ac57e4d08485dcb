package io.laurel.reminder;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Milestone;
import java.util.Map;
import java.util.Set;

/**
 * Who a key-date reminder of another process than {@code award-selection} goes to, and what it says. The
 * {@code keyDateReminder} delegate, the timing ({@code campaignTimeline.reminderAt}) and the sub-process shape
 * stay the same for every process; a process with its own audience (e.g. {@code skills-contest}: teams and
 * judges) supplies one of these beans.
 */
public interface KeyDateAudience {

    /** The process definition key this audience speaks for. */
    String processKey();

    Set<String> recipients(Campaign campaign, String keyDateCode);

    /** The mail template of this audience's reminders (templates/mail/&lt;template&gt;.html). */
    String template();

    /** The template's model for one reminder. */
    Map<String, Object> model(Campaign campaign, Milestone milestone, String keyDateCode);
}
