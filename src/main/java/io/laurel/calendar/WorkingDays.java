package io.laurel.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.SortedSet;

/**
 * One loaded calendar file: the holidays and adjusted working days of the years it covers. Immutable,
 * so a reload swaps it as a whole and a calculation never sees half of an old and half of a new file.
 *
 * @param location           where it was read from, for log messages
 * @param years              the years the file covers
 * @param provisionalYears   covered years derived from the rules, not yet checked against the official notice
 * @param holidays           every non-working date of a covered year that is not simply a weekend, with its name
 * @param adjustedWorkingDays every Saturday or Sunday that is a working day (调休上班), with the holiday it makes up for
 */
record WorkingDays(String location, SortedSet<Integer> years, SortedSet<Integer> provisionalYears,
        Map<LocalDate, String> holidays, Map<LocalDate, String> adjustedWorkingDays) {

    boolean covers(int year) {
        return years.contains(year);
    }

    /** Only meaningful for a covered year; the caller handles the others. */
    boolean isWorkingDay(LocalDate date) {
        if (adjustedWorkingDays.containsKey(date)) {
            return true;
        }
        return !holidays.containsKey(date) && isWeekday(date);
    }

    static boolean isWeekday(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case SATURDAY, SUNDAY -> false;
            default -> true;
        };
    }
}
