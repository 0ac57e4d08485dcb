package io.laurel.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignTimeline;
import io.laurel.support.LaurelTest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 14 point 12: a key-date reminder says a real time — a date without a time of day is a date, not "00:00" —
 * and goes out 3 days before the key date (seed 002: "在每个关键节点前3天发送提醒通知") at 09:00, or on the last
 * working day before that when that day is a weekend or public holiday. The expected days were read off the
 * State Council's 2026 holiday notice (国办发明电〔2025〕7号) and a 2026 calendar, not computed by Laurel.
 */
@LaurelTest
class KeyDateReminderTimingTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignTimeline timeline;

    @Test
    void service_star_reminders_go_out_on_the_working_day_three_days_ahead_or_the_one_before() {
        Campaign campaign = campaigns.createFromPreset("service-star-2025", LocalDate.of(2026, 1, 31), "test");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("launch", "2026-01-28T09:00");               // launch Sat 01-31 → Wed 01-28
        expected.put("nomination", "2026-03-12T09:00");           // deadline Sun 03-15 18:00 → Thu 03-12
        expected.put("eligibility-review", "2026-03-20T09:00");   // deadline Wed 03-25 → Sun 03-22 → Fri 03-20
        expected.put("initial-review", "2026-04-07T09:00");       // Fri 04-10 → Tue 04-07
        expected.put("re-review", "2026-04-22T09:00");            // Sat 04-25 → Wed 04-22
        expected.put("final-vote-and-notice", "2026-05-12T09:00"); // Fri 05-15 → Tue 05-12
        expected.put("ceremony", "2026-05-27T09:00");             // Sat 05-30 → Wed 05-27
        expected.forEach((key, at) -> assertThat(local(timeline.reminderAt(campaign.getId(), key))).as(key)
                .hasToString(at));
    }

    @Test
    void a_reminder_in_a_public_holiday_goes_out_before_the_holiday() {
        // Skills cup moved to 2026 (startsOn shifts every date by the same number of days): the final is on
        // 2027-01-13, its reminder 3 days before on Sunday 2027-01-10 → Friday 2027-01-08.
        Campaign contest = campaigns.createFromPreset("service-skills-cup-2022", LocalDate.of(2026, 10, 27), "test");
        assertThat(local(timeline.reminderAt(contest.getId(), "final"))).hasToString("2027-01-08T09:00");
        // 劳动节 2026: 05-01 to 05-05 off. startsOn a week earlier moves every date back 7 days: 终评与公示 ends
        // Friday 2026-05-08, 3 days before is 05-05 (holiday), so the reminder goes out Thursday 04-30.
        Campaign star = campaigns.createFromPreset("service-star-2025", LocalDate.of(2026, 1, 24), "test");
        assertThat(local(timeline.reminderAt(star.getId(), "final-vote-and-notice"))).hasToString("2026-04-30T09:00");
        // 复评 ends Saturday 04-18 → Wednesday 04-15, a working day: it stays.
        assertThat(local(timeline.reminderAt(star.getId(), "re-review"))).hasToString("2026-04-15T09:00");
    }

    @Test
    void a_key_date_without_a_time_of_day_is_said_as_a_date_and_a_deadline_with_its_time() {
        assertThat(KeyDateReminder.when(LocalDateTime.parse("2026-05-30T00:00:00"))).isEqualTo("2026-05-30（星期六）");
        assertThat(KeyDateReminder.when(LocalDateTime.parse("2026-03-15T18:00:00"))).isEqualTo("2026-03-15 18:00");
        assertThat(KeyDateReminder.when(LocalDateTime.parse("2026-03-25T23:59:59"))).isEqualTo("2026-03-25 23:59");
    }

    private static String local(java.util.Date date) {
        return date.toInstant().atZone(SHANGHAI).toLocalDateTime().toString();
    }
}
