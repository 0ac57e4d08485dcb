package io.laurel.calendar;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Working days in mainland China: Monday to Friday, minus the public holidays, plus the adjusted
 * working days (调休, a Saturday or Sunday that is worked), as published by the State Council each year.
 * The dates come from {@code laurel.calendar.location} (default: the {@code calendar/cn-working-days.json}
 * shipped in the jar), which is re-read within a minute when the file changes.
 *
 * <p>BPMN expressions use the bean by its name, e.g. a timer {@code timeDate} or a task's
 * {@code camunda:dueDate} of {@code ${workCalendar.addWorkingDays(now(), 5)}} or
 * {@code ${workCalendar.endOfWorkingDays(now(), 5)}}.
 *
 * <p>Conventions, the same for every method:
 * <ul>
 *   <li>Counting starts on the day <em>after</em> the start day; the start day itself never counts, even
 *       when it is a working day and whatever the time (as for periods counted in days under 民法典 第二百零一条:
 *       开始的当日不计入). So Friday + 1 working day is Monday, and a start on a holiday or weekend counts
 *       from the first working day after it.</li>
 *   <li>{@code Date} values are read and written in Asia/Shanghai, never in the JVM's default zone.</li>
 *   <li>Years the calendar file does not cover fall back to Monday–Friday working, Saturday–Sunday not;
 *       a WARN is logged once per such year.</li>
 * </ul>
 */
@Component("workCalendar")
public class WorkCalendar {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** End of a working day for deadlines: the last full second, as staff read "截止到当日". */
    static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private static final Logger log = LoggerFactory.getLogger(WorkCalendar.class);

    /** Stands for "the file cannot be found" where a last-modified time is expected. */
    private static final long MISSING = -1;

    private final Resource location;
    private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();
    private volatile WorkingDays days;
    private long lastModified;

    /** Reads the calendar once; an unreadable or invalid file stops start-up with a message naming the entry. */
    WorkCalendar(CalendarProperties properties) {
        this.location = properties.location();
        this.lastModified = lastModifiedOrMissing();
        this.days = CalendarFile.read(location);
        logLoaded("loaded");
    }

    /** Whether {@code date} is a working day: a weekday that is not a holiday, or an adjusted working day. */
    public boolean isWorkingDay(LocalDate date) {
        Objects.requireNonNull(date, "date");
        WorkingDays current = days;
        if (!current.covers(date.getYear())) {
            warnUncovered(date.getYear(), current);
            return WorkingDays.isWeekday(date);
        }
        return current.isWorkingDay(date);
    }

    /**
     * The {@code workingDays}-th working day after {@code date}; {@code date} itself does not count.
     * 0 returns {@code date} unchanged (even if it is not a working day); a negative count goes back,
     * e.g. -1 is the last working day before {@code date}.
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        Objects.requireNonNull(date, "date");
        int step = workingDays >= 0 ? 1 : -1;
        int remaining = Math.abs(workingDays);
        LocalDate day = date;
        while (remaining > 0) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        return day;
    }

    /**
     * The same local time of day (Asia/Shanghai) on the {@code workingDays}-th working day after the
     * day of {@code start}. Example: published Thursday 2025-09-25 10:00, + 5 working days = Thursday
     * 2025-10-09 10:00 (9-26, 9-28 调休, 9-29, 9-30, then 国庆 and 中秋 until 10-8, then 10-9).
     */
    public Date addWorkingDays(Date start, int workingDays) {
        ZonedDateTime at = inChina(start);
        LocalDate day = addWorkingDays(at.toLocalDate(), workingDays);
        return Date.from(day.atTime(at.toLocalTime()).atZone(ZONE).toInstant());
    }

    /**
     * 23:59:59 Asia/Shanghai of the {@code workingDays}-th working day after the day of {@code start}:
     * the end of a period of {@code workingDays} full working days, e.g. a 5-working-day public notice
     * (公示期5个工作日). The start day does not count, whether or not it is a working day and whatever the
     * time: published Monday 2025-06-09 10:00 → ends Monday 2025-06-16 23:59:59; published Friday
     * 2025-04-25 → 4-27 (Sunday, 调休), 4-28, 4-29, 4-30, then 劳动节 until 5-5, so it ends 2025-05-06
     * 23:59:59. To count the start day as well, pass {@code workingDays - 1} or a start on the day before.
     */
    public Date endOfWorkingDays(Date start, int workingDays) {
        LocalDate day = addWorkingDays(inChina(start).toLocalDate(), workingDays);
        return Date.from(day.atTime(END_OF_DAY).atZone(ZONE).toInstant());
    }

    /**
     * How many working days lie after {@code from} up to and including {@code to}; negative when
     * {@code to} is before {@code from}. Friday to the following Monday is 1, and
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n} for every n ≥ 0.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Re-reads the file when its last-modified time changed. An invalid edit keeps the calendar loaded
     * before and logs an error naming the entry; it is reported once, not every minute.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    synchronized void reloadIfChanged() {
        long modified = lastModifiedOrMissing();
        if (modified == lastModified) {
            return;
        }
        lastModified = modified;
        if (modified == MISSING) {
            log.error("Working-day calendar {} cannot be found any more; keeping the calendar loaded before",
                    days.location());
            return;
        }
        try {
            days = CalendarFile.read(location);
            warnedYears.clear();
            logLoaded("reloaded");
        } catch (RuntimeException e) {
            log.error("{}. Keeping the calendar loaded before until the file is corrected.", e.getMessage());
        }
    }

    private long lastModifiedOrMissing() {
        try {
            return location.lastModified();
        } catch (IOException e) {
            return MISSING;
        }
    }

    private void logLoaded(String how) {
        WorkingDays current = days;
        log.info("Working-day calendar {} from {}: years {}", how, current.location(), current.years());
        if (!current.provisionalYears().isEmpty()) {
            log.warn("Working-day calendar {}: years {} are provisional (derived from the rules, not the State "
                    + "Council's notice); check them against the official notice and set \"provisional\": false",
                    current.location(), current.provisionalYears());
        }
    }

    private void warnUncovered(int year, WorkingDays current) {
        if (warnedYears.add(year)) {
            log.warn("Working-day calendar {} has no data for {}: counting Monday to Friday as working days "
                    + "and ignoring holidays. Add {} to the file (laurel.calendar.location).",
                    current.location(), year, year);
        }
    }

    private static ZonedDateTime inChina(Date date) {
        Objects.requireNonNull(date, "date");
        // getTime(), not toInstant(): java.sql.Date (which a caller may pass) throws on toInstant().
        return Instant.ofEpochMilli(date.getTime()).atZone(ZONE);
    }
}
