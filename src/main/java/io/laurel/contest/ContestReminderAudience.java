package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignTimeline;
import io.laurel.campaign.Milestone;
import io.laurel.mail.GroupRecipients;
import io.laurel.reminder.KeyDateAudience;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The contest's key-date reminders (3 days before registration closes, the preliminary and semifinal start, the
 * semifinal list and the final day) go to the teams still in the contest and to the judges (group
 * {@code judges-contest}).
 */
@Component
class ContestReminderAudience implements KeyDateAudience {

    static final String JUDGES = "judges-contest";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ContestStore store;
    private final GroupRecipients groups;
    private final CampaignTimeline timeline;

    ContestReminderAudience(ContestStore store, GroupRecipients groups, CampaignTimeline timeline) {
        this.store = store;
        this.groups = groups;
        this.timeline = timeline;
    }

    @Override
    public String processKey() {
        return SkillsContest.PROCESS_KEY;
    }

    @Override
    public Set<String> recipients(Campaign campaign, String keyDateCode) {
        Set<String> to = new LinkedHashSet<>();
        store.teams(campaign.getId()).stream()
                .filter(t -> t.status() == ContestStore.TeamStatus.ACTIVE
                        || t.status() == ContestStore.TeamStatus.REGISTERED)
                .forEach(t -> to.add(t.contactEmail()));
        to.addAll(groups.of(JUDGES));
        return to;
    }

    @Override
    public String template() {
        return "contest-reminder";
    }

    @Override
    public Map<String, Object> model(Campaign campaign, Milestone milestone, String keyDateCode) {
        String day = timeline.reminderSubject(campaign.getId(), keyDateCode).format(FORMAT);
        return Map.of("campaignName", campaign.getName(), "campaignId", campaign.getId(), "key", keyDateCode,
                "milestoneName", milestone.getName(), "day", day, "window", ContestNotices.window(milestone));
    }
}
