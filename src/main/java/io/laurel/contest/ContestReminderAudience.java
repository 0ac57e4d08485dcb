package io.laurel.contest;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignTimeline;
import io.laurel.campaign.Milestone;
import io.laurel.mail.GroupRecipients;
import io.laurel.mail.Notice;
import io.laurel.reminder.KeyDateAudience;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
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
    public Notice notice(Campaign campaign, Milestone milestone, String keyDateCode) {
        String day = timeline.reminderSubject(campaign.getId(), keyDateCode).format(FORMAT);
        String text = switch (keyDateCode) {
            case "registration" -> "报名及网络海选将于 " + day + " 截止，尚未报名的队伍请尽快提交队伍介绍视频与报名表。";
            case "preliminary" -> "初赛将于 " + day + " 开始（线上进行，" + ContestNotices.window(milestone)
                    + "），请参赛队伍做好准备，评审请留出评分时间。";
            case "semifinal" -> "复赛将于 " + day + " 开始（" + ContestNotices.window(milestone) + "），每轮分组由系统抽签，请晋级队伍与评审做好准备。";
            case "final" -> "巅峰决赛定于 " + day + " 在线下现场举行并线上直播，当天公布冠亚季军名次，请决赛队伍与评审准时出席。";
            default -> "「" + milestone.getName() + "」定于 " + day + "，请留意。";
        };
        return Notice.of("【" + campaign.getName() + "】提醒：" + milestone.getName() + "（" + day + "）", "您好：", text);
    }
}
