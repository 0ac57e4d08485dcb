package io.laurel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The calendar logic with the shipped {@code calendar/cn-working-days.json}, no Spring context. */
@ExtendWith(OutputCaptureExtension.class)
class WorkCalendarTest {

    static WorkCalendar calendar;

    @BeforeAll
    static void load() {
        calendar = new WorkCalendar(new CalendarProperties(null));
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** An instant written with its Asia/Shanghai offset, as staff read it. */
    static Date cst(String localDateTime) {
        return Date.from(OffsetDateTime.parse(localDateTime + "+08:00").toInstant());
    }

    @Test
    void an_ordinary_friday_plus_one_working_day_is_monday() {
        assertThat(d("2025-03-14").getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(calendar.addWorkingDays(d("2025-03-14"), 1)).isEqualTo(d("2025-03-17"));
        assertThat(calendar.addWorkingDays(d("2025-03-14"), 0)).isEqualTo(d("2025-03-14"));
        assertThat(calendar.addWorkingDays(d("2025-03-17"), -1)).isEqualTo(d("2025-03-14"));
    }

    @Test
    void the_day_before_national_day_plus_one_working_day_is_after_the_holiday() {
        assertThat(calendar.addWorkingDays(d("2025-09-30"), 1)).isEqualTo(d("2025-10-09"));
        assertThat(calendar.isWorkingDay(d("2025-10-01"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-10-08"))).isFalse();
        assertThat(calendar.isWorkingDay(d("2025-10-09"))).isTrue();
    }

    @Test
    void adjusted_weekend_days_are_working_days() {
        assertThat(d("2025-09-28").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        assertThat(calendar.isWorkingDay(d("2025-09-28"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-10-11"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-09-27"))).isFalse();
        // Friday 2025-09-26 + 1 is the adjusted Sunday, not Monday.
        assertThat(calendar.addWorkingDays(d("2025-09-26"), 1)).isEqualTo(d("2025-09-28"));
    }

    @Test
    void labour_day_2025_with_its_adjusted_sunday() {
        // From 4-30: the holiday 5-1..5-5 is skipped, then 5-6..5-9 and Monday 5-12.
        assertThat(calendar.addWorkingDays(d("2025-04-30"), 5)).isEqualTo(d("2025-05-12"));
        // From Friday 4-25: Sunday 4-27 (调休) is the first working day, then 4-28..4-30 and 5-6.
        assertThat(calendar.addWorkingDays(d("2025-04-25"), 5)).isEqualTo(d("2025-05-06"));
        assertThat(calendar.isWorkingDay(d("2025-04-27"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2025-05-05"))).isFalse();
    }

    @Test
    void spring_festival_2025() {
        assertThat(calendar.isWorkingDay(d("2025-01-26"))).as("Sunday 1-26 is worked").isTrue();
        assertThat(calendar.isWorkingDay(d("2025-01-28"))).as("除夕").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-02-04"))).as("正月初七").isFalse();
        assertThat(calendar.isWorkingDay(d("2025-02-08"))).as("Saturday 2-8 is worked").isTrue();
        assertThat(calendar.addWorkingDays(d("2025-01-24"), 1)).isEqualTo(d("2025-01-26"));
        assertThat(calendar.addWorkingDays(d("2025-01-27"), 1)).isEqualTo(d("2025-02-05"));
        assertThat(calendar.workingDaysBetween(d("2025-01-24"), d("2025-02-07"))).isEqualTo(5);
    }

    @Test
    void spring_festival_2026_is_nine_days() {
        for (LocalDate day = d("2026-02-15"); !day.isAfter(d("2026-02-23")); day = day.plusDays(1)) {
            assertThat(calendar.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(calendar.isWorkingDay(d("2026-02-14"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2026-02-28"))).isTrue();
        assertThat(calendar.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
    }

    @Test
    void counting_crosses_the_year_boundary() {
        // 2026: 元旦 1-1..1-3, Sunday 1-4 worked.
        assertThat(calendar.addWorkingDays(d("2025-12-31"), 1)).isEqualTo(d("2026-01-04"));
        assertThat(calendar.addWorkingDays(d("2026-01-04"), -1)).isEqualTo(d("2025-12-31"));
        assertThat(calendar.workingDaysBetween(d("2025-12-31"), d("2026-01-05"))).isEqualTo(2);
        assertThat(calendar.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-04"));
    }

    @Test
    void years_outside_the_file_count_weekdays_and_warn_once(CapturedOutput output) {
        // A fresh instance: the shared one may have warned about these years in another test already.
        WorkCalendar calendar = new WorkCalendar(new CalendarProperties(null));
        assertThat(calendar.addWorkingDays(d("2027-12-31"), 1)).isEqualTo(d("2028-01-03"));
        assertThat(calendar.isWorkingDay(d("2028-10-02"))).as("no holidays known for 2028").isTrue();
        assertThat(calendar.isWorkingDay(d("2028-10-07"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(d("2024-10-01"))).isTrue();
        assertThat(output.getOut().split("has no data for 2028", -1)).hasSize(2);
        assertThat(output.getOut().split("has no data for 2024", -1)).hasSize(2);
    }

    @Test
    void the_date_overload_keeps_the_time_of_day_in_shanghai_whatever_the_jvm_zone() {
        TimeZone jvmZone = TimeZone.getDefault();
        try {
            for (String zone : new String[] {"UTC", "America/New_York", "Asia/Shanghai", "Pacific/Kiritimati"}) {
                TimeZone.setDefault(TimeZone.getTimeZone(zone));
                // Published Thursday 10:00 before 国庆: 9-26, 9-28 (调休), 9-29, 9-30, 10-9.
                assertThat(calendar.addWorkingDays(cst("2025-09-25T10:00:00"), 5)).as(zone)
                        .isEqualTo(cst("2025-10-09T10:00:00"));
                // 07:00 in Shanghai is still the previous day in UTC and New York.
                assertThat(calendar.addWorkingDays(cst("2025-09-26T07:00:00"), 1)).as(zone)
                        .isEqualTo(cst("2025-09-28T07:00:00"));
                assertThat(calendar.endOfWorkingDays(cst("2025-09-30T23:30:00"), 1)).as(zone)
                        .isEqualTo(cst("2025-10-09T23:59:59"));
            }
        } finally {
            TimeZone.setDefault(jvmZone);
        }
    }

    @Test
    void a_notice_period_starts_counting_the_day_after_it_is_published() {
        // Monday 10:00, 5 working days: 6-10 .. 6-13 and Monday 6-16, through its end.
        assertThat(calendar.endOfWorkingDays(cst("2025-06-09T10:00:00"), 5)).isEqualTo(cst("2025-06-16T23:59:59"));
        // Published at midnight the start day still does not count.
        assertThat(calendar.endOfWorkingDays(cst("2025-06-09T00:00:00"), 5)).isEqualTo(cst("2025-06-16T23:59:59"));
        // Friday before 劳动节: Sunday 4-27 (调休), 4-28, 4-29, 4-30, then 5-6.
        assertThat(calendar.endOfWorkingDays(cst("2025-04-25T16:00:00"), 5)).isEqualTo(cst("2025-05-06T23:59:59"));
        // Published during the holiday: the first day counted is the first working day after it.
        assertThat(calendar.endOfWorkingDays(cst("2025-10-03T09:00:00"), 1)).isEqualTo(cst("2025-10-09T23:59:59"));
    }

    @Test
    void working_days_between_counts_after_from_up_to_and_including_to() {
        assertThat(calendar.workingDaysBetween(d("2025-03-14"), d("2025-03-17"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d("2025-09-30"), d("2025-10-09"))).isEqualTo(1);
        assertThat(calendar.workingDaysBetween(d("2025-09-26"), d("2025-09-29"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(d("2025-10-09"), d("2025-09-30"))).isEqualTo(-1);
        assertThat(calendar.workingDaysBetween(d("2025-10-09"), d("2025-10-09"))).isZero();
    }

    @Test
    void working_days_between_undoes_add_working_days() {
        for (LocalDate day = d("2024-12-20"); day.isBefore(d("2028-01-10")); day = day.plusDays(3)) {
            for (int n : new int[] {0, 1, 2, 5, 10, 23}) {
                LocalDate target = calendar.addWorkingDays(day, n);
                assertThat(calendar.workingDaysBetween(day, target)).as(day + " + " + n).isEqualTo(n);
                if (n > 0) {
                    assertThat(calendar.isWorkingDay(target)).as(day + " + " + n).isTrue();
                }
            }
        }
    }

    /**
     * Holidays only move rest days: with the weekend days and the 13 statutory days (since 2025) every
     * covered year has the same rest days in total, so a forgotten 调休 or holiday day shows here.
     */
    @ParameterizedTest
    @ValueSource(ints = {2025, 2026, 2027})
    void each_year_has_as_many_working_days_as_the_law_allows(int year) {
        int weekendDays = 0;
        int workingDays = 0;
        int longestRun = 0;
        int run = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (!WorkingDays.isWeekday(day)) {
                weekendDays++;
            }
            if (calendar.isWorkingDay(day)) {
                workingDays++;
                longestRun = Math.max(longestRun, ++run);
            } else {
                run = 0;
            }
        }
        assertThat(workingDays).isEqualTo(Year.of(year).length() - weekendDays - 13);
        // 前后连续工作一般不超过6天 (the State Council's rule for the adjusted weekends).
        assertThat(longestRun).isLessThanOrEqualTo(6);
    }

    @Test
    void the_shipped_file_marks_2027_provisional_only() {
        WorkingDays days = CalendarFile.read(new CalendarProperties(null).location());
        assertThat(days.years()).containsExactly(2025, 2026, 2027);
        assertThat(days.provisionalYears()).containsExactly(2027);
        assertThat(days.holidays()).containsEntry(d("2025-10-01"), "国庆节、中秋节")
                .containsEntry(d("2026-05-01"), "劳动节").containsEntry(d("2026-09-25"), "中秋节");
        assertThat(days.adjustedWorkingDays()).containsEntry(d("2025-09-28"), "国庆节、中秋节");
    }
}
