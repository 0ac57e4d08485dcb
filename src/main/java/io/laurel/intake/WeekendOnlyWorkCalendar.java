package io.laurel.intake;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

/**
 * STAND-IN for the shared {@code workCalendar} bean (Asia/Shanghai, with public holidays and make-up
 * working days) another branch provides. It skips Saturdays and Sundays only. It is registered under
 * the name {@code workCalendar} solely when no other bean has that name (see
 * {@link IntakeFallbackConfiguration}), so the shared calendar replaces it without a code change.
 */
public class WeekendOnlyWorkCalendar {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** {@code date} plus {@code days} working days at the same time of day, weekends skipped. */
    public Date addWorkingDays(Date date, int days) {
        ZonedDateTime at = date.toInstant().atZone(SHANGHAI);
        int added = 0;
        while (added < days) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return Date.from(at.toInstant());
    }
}
