package io.laurel.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.core.io.Resource;

/**
 * Reads and checks a working-day calendar file ({@code calendar/cn-working-days.json}). Strict on
 * purpose: a wrong date silently moves every deadline computed from it, so any mistake rejects the
 * whole file with a message that names the entry.
 */
final class CalendarFile {

    /** No official holiday is longer than 9 days; a longer span is a typo in a date. */
    static final int MAX_HOLIDAY_DAYS = 15;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    record Document(String description, String source, String howToEdit, List<Year> years) {
    }

    record Year(Integer year, boolean provisional, String source, String note, List<Holiday> holidays,
            List<AdjustedWorkingDay> adjustedWorkingDays) {
    }

    /** Non-working from {@code from} through {@code to}; {@code to} may be left out for a single day. */
    record Holiday(String name, LocalDate from, LocalDate to) {
    }

    record AdjustedWorkingDay(LocalDate date, @JsonProperty("for") String forHoliday) {
    }

    private CalendarFile() {
    }

    /** @throws IllegalStateException naming the location and the bad entry when the file is unreadable or wrong */
    static WorkingDays read(Resource resource) {
        String location = describe(resource);
        Document document;
        try (InputStream in = resource.getInputStream()) {
            document = MAPPER.readValue(in, Document.class);
        } catch (JsonMappingException e) {
            throw new IllegalStateException("Working-day calendar " + location + " is invalid at " + path(e) + ": "
                    + e.getOriginalMessage() + where(e.getLocation()), e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Working-day calendar " + location + " is not valid JSON: "
                    + e.getOriginalMessage() + where(e.getLocation()), e);
        } catch (IOException e) {
            throw new IllegalStateException("Working-day calendar " + location + " cannot be read: " + e.getMessage(), e);
        }
        if (document == null) {
            throw new IllegalStateException("Working-day calendar " + location + " is empty");
        }
        List<String> problems = new ArrayList<>();
        WorkingDays days = toWorkingDays(location, document, problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Working-day calendar " + location + " is invalid: "
                    + String.join("; ", problems));
        }
        return days;
    }

    /** Collects every mistake instead of stopping at the first, so one edit round fixes them all. */
    static WorkingDays toWorkingDays(String location, Document document, List<String> problems) {
        SortedSet<Integer> years = new TreeSet<>();
        SortedSet<Integer> provisional = new TreeSet<>();
        Map<LocalDate, String> holidays = new HashMap<>();
        Map<LocalDate, String> adjusted = new HashMap<>();
        if (document.years() == null || document.years().isEmpty()) {
            problems.add("'years' is missing or empty");
        } else {
            for (int i = 0; i < document.years().size(); i++) {
                checkYear("years[" + i + "]", document.years().get(i), years, provisional, holidays, adjusted, problems);
            }
        }
        return new WorkingDays(location, Collections.unmodifiableSortedSet(years),
                Collections.unmodifiableSortedSet(provisional), Map.copyOf(holidays), Map.copyOf(adjusted));
    }

    private static void checkYear(String at, Year entry, Set<Integer> years, Set<Integer> provisional,
            Map<LocalDate, String> holidays, Map<LocalDate, String> adjusted, List<String> problems) {
        if (entry == null || entry.year() == null) {
            problems.add(at + ": 'year' is missing");
            return;
        }
        int year = entry.year();
        String yearAt = at + " (" + year + ")";
        if (!years.add(year)) {
            problems.add(yearAt + ": year " + year + " appears twice");
            return;
        }
        if (entry.provisional()) {
            provisional.add(year);
            if (isBlank(entry.note())) {
                problems.add(yearAt + ": a provisional year needs a 'note' saying what must be checked");
            }
        }
        if (isBlank(entry.source())) {
            problems.add(yearAt + ": 'source' is missing (the official notice, or how the dates were derived)");
        }
        if (entry.holidays() == null || entry.holidays().isEmpty()) {
            problems.add(yearAt + ": 'holidays' is missing or empty");
        } else {
            for (int i = 0; i < entry.holidays().size(); i++) {
                checkHoliday(yearAt + ".holidays[" + i + "]", year, entry.holidays().get(i), holidays, problems);
            }
        }
        List<AdjustedWorkingDay> days = entry.adjustedWorkingDays() == null ? List.of() : entry.adjustedWorkingDays();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < days.size(); i++) {
            String dayAt = yearAt + ".adjustedWorkingDays[" + i + "]";
            AdjustedWorkingDay day = days.get(i);
            if (day == null || day.date() == null) {
                problems.add(dayAt + ": 'date' is missing");
                continue;
            }
            dayAt += " " + day.date();
            if (isBlank(day.forHoliday())) {
                problems.add(dayAt + ": 'for' (the holiday it makes up for) is missing");
            }
            if (day.date().getYear() != year) {
                problems.add(dayAt + ": not in " + year);
            } else if (WorkingDays.isWeekday(day.date())) {
                problems.add(dayAt + ": is a " + day.date().getDayOfWeek()
                        + "; only a Saturday or Sunday can be an adjusted working day");
            } else if (holidays.containsKey(day.date())) {
                problems.add(dayAt + ": falls inside the holiday " + holidays.get(day.date()));
            } else if (!seen.add(day.date())) {
                problems.add(dayAt + ": appears twice");
            } else {
                adjusted.put(day.date(), day.forHoliday());
            }
        }
    }

    private static void checkHoliday(String at, int year, Holiday holiday, Map<LocalDate, String> holidays,
            List<String> problems) {
        if (holiday == null) {
            problems.add(at + ": empty entry");
            return;
        }
        String name = holiday.name();
        String entryAt = isBlank(name) ? at : at + " " + name;
        if (isBlank(name)) {
            problems.add(at + ": 'name' is missing");
        }
        if (holiday.from() == null) {
            problems.add(entryAt + ": 'from' is missing");
            return;
        }
        LocalDate to = holiday.to() == null ? holiday.from() : holiday.to();
        if (holiday.from().getYear() != year || to.getYear() != year) {
            problems.add(entryAt + ": " + holiday.from() + " to " + to + " is not within " + year);
            return;
        }
        if (to.isBefore(holiday.from())) {
            problems.add(entryAt + ": 'to' " + to + " is before 'from' " + holiday.from());
            return;
        }
        long length = ChronoUnit.DAYS.between(holiday.from(), to) + 1;
        if (length > MAX_HOLIDAY_DAYS) {
            problems.add(entryAt + ": " + length + " days from " + holiday.from() + " to " + to
                    + " is longer than any holiday (" + MAX_HOLIDAY_DAYS + " days at most)");
            return;
        }
        for (LocalDate d = holiday.from(); !d.isAfter(to); d = d.plusDays(1)) {
            String other = holidays.putIfAbsent(d, isBlank(name) ? "?" : name);
            if (other != null) {
                problems.add(entryAt + ": " + d + " is already part of " + other);
                return;
            }
        }
    }

    /** {@code years[2].holidays[0].from}, the way the file's author finds the entry again. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "the top level" : path.toString();
    }

    private static String where(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String describe(Resource resource) {
        try {
            return resource.getURI().toString();
        } catch (IOException e) {
            return resource.getDescription();
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
