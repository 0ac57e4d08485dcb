package io.laurel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * An operator's edited copy via {@code laurel.calendar.location}: used instead of the shipped file,
 * re-read when it changes, rejected loudly at start-up and ignored (with an error) on reload when wrong.
 */
@ExtendWith(OutputCaptureExtension.class)
class WorkCalendarFileTest {

    static String shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void readShipped() throws IOException {
        try (InputStream in = new ClassPathResource(CalendarProperties.DEFAULT_LOCATION).getInputStream()) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(CalendarProperties.class)
    @Import(WorkCalendar.class)
    static class CalendarOnly {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(CalendarOnly.class);

    /** The shipped file with one edit, as an operator would make it. */
    static String edited(String from, String to) {
        assertThat(shipped).contains(from);
        return shipped.replace(from, to);
    }

    Path write(String json) throws IOException {
        Path file = dir.resolve("cn-working-days.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    /** Edits land within the same second in a test; make each one visible as a change of the file. */
    static void touch(Path file, int minutesLater) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() + minutesLater * 60_000L));
    }

    @Test
    void an_edited_copy_named_by_laurel_calendar_location_replaces_the_shipped_file() throws IOException {
        // A company closes on 2025-07-01 and has its staff work Saturday 2025-07-05.
        Path file = write(edited("{ \"name\": \"清明节\", \"from\": \"2025-04-04\", \"to\": \"2025-04-06\" },",
                "{ \"name\": \"清明节\", \"from\": \"2025-04-04\", \"to\": \"2025-04-06\" },\n"
                        + "        { \"name\": \"公司成立日\", \"from\": \"2025-07-01\" },")
                .replace("{ \"date\": \"2025-04-27\", \"for\": \"劳动节\" },",
                        "{ \"date\": \"2025-04-27\", \"for\": \"劳动节\" },\n"
                                + "        { \"date\": \"2025-07-05\", \"for\": \"公司成立日\" },"));

        context.withPropertyValues("laurel.calendar.location=file:" + file.toAbsolutePath()).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            WorkCalendar calendar = ctx.getBean("workCalendar", WorkCalendar.class);
            assertThat(calendar.isWorkingDay(LocalDate.parse("2025-07-01"))).isFalse();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2025-07-05"))).isTrue();
            assertThat(calendar.addWorkingDays(LocalDate.parse("2025-06-30"), 1)).isEqualTo(LocalDate.parse("2025-07-02"));
        });
    }

    @Test
    void without_a_location_the_shipped_file_is_used() {
        context.run(ctx -> {
            WorkCalendar calendar = ctx.getBean(WorkCalendar.class);
            assertThat(calendar.isWorkingDay(LocalDate.parse("2025-07-01"))).isTrue();
            assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-01"))).isFalse();
        });
    }

    @Test
    void an_adjusted_working_day_on_a_weekday_stops_start_up_naming_the_entry() throws IOException {
        Path file = write(edited("\"2025-04-27\"", "\"2025-04-28\""));
        context.withPropertyValues("laurel.calendar.location=file:" + file.toAbsolutePath()).run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause()
                        .hasMessageContaining(file.getFileName().toString())
                        .hasMessageContaining("years[0] (2025).adjustedWorkingDays[2] 2025-04-28")
                        .hasMessageContaining("MONDAY"));
    }

    @Test
    void a_missing_file_stops_start_up_naming_it() {
        Path file = dir.resolve("missing.json");
        context.withPropertyValues("laurel.calendar.location=file:" + file.toAbsolutePath()).run(ctx ->
                assertThat(ctx).hasFailed().getFailure().rootCause().hasMessageContaining("missing.json"));
    }

    @Test
    void a_date_that_does_not_exist_is_reported_with_its_path() throws IOException {
        Path file = write(edited("\"from\": \"2025-05-31\"", "\"from\": \"2025-05-32\""));
        assertThatThrownBy(() -> CalendarFile.read(new FileSystemResource(file)))
                .hasMessageContaining("years[0].holidays[4].from")
                .hasMessageContaining("2025-05-32");
    }

    @Test
    void a_misspelt_field_is_rejected_with_its_path() throws IOException {
        Path file = write(edited("{ \"name\": \"端午节\", \"from\"", "{ \"name\": \"端午节\", \"form\""));
        assertThatThrownBy(() -> CalendarFile.read(new FileSystemResource(file)))
                .hasMessageContaining("years[0].holidays[4]")
                .hasMessageContaining("form");
    }

    @Test
    void mistakes_in_the_dates_name_the_holiday_and_are_all_reported() throws IOException {
        Path file = write(edited("{ \"name\": \"劳动节\", \"from\": \"2025-05-01\", \"to\": \"2025-05-05\" }",
                "{ \"name\": \"劳动节\", \"from\": \"2025-05-05\", \"to\": \"2025-05-01\" }")
                .replace("{ \"name\": \"中秋节\", \"from\": \"2026-09-25\", \"to\": \"2026-09-27\" }",
                        "{ \"name\": \"中秋节\", \"from\": \"2026-09-25\", \"to\": \"2026-10-02\" }")
                .replace("{ \"name\": \"端午节\", \"from\": \"2027-06-09\", \"to\": \"2027-06-09\" }",
                        "{ \"name\": \"端午节\", \"from\": \"2028-06-09\", \"to\": \"2028-06-09\" }")
                .replace("\"year\": 2027", "\"year\": 2026"));
        assertThatThrownBy(() -> CalendarFile.read(new FileSystemResource(file)))
                .hasMessageContaining("years[0] (2025).holidays[3] 劳动节: 'to' 2025-05-01 is before 'from' 2025-05-05")
                .hasMessageContaining("years[1] (2026).holidays[6] 国庆节: 2026-10-01 is already part of 中秋节")
                .hasMessageContaining("years[2] (2026): year 2026 appears twice");
    }

    @Test
    void a_holiday_outside_its_year_and_a_missing_source_are_rejected() throws IOException {
        Path file = write(edited("{ \"name\": \"端午节\", \"from\": \"2027-06-09\", \"to\": \"2027-06-09\" }",
                "{ \"name\": \"端午节\", \"from\": \"2028-06-09\", \"to\": \"2028-06-09\" }")
                .replaceFirst("\"source\": \"国务院办公厅关于2026年[^\"]*\"", "\"source\": \"\""));
        assertThatThrownBy(() -> CalendarFile.read(new FileSystemResource(file)))
                .hasMessageContaining("years[2] (2027).holidays[4] 端午节: 2028-06-09 to 2028-06-09 is not within 2027")
                .hasMessageContaining("years[1] (2026): 'source' is missing");
    }

    @Test
    void a_changed_file_is_reloaded_and_a_broken_edit_keeps_the_previous_calendar(CapturedOutput output)
            throws IOException {
        Path file = write(shipped);
        WorkCalendar calendar = new WorkCalendar(new CalendarProperties(new FileSystemResource(file)));
        LocalDate july1 = LocalDate.parse("2025-07-01");
        assertThat(calendar.isWorkingDay(july1)).isTrue();

        // Unchanged file: nothing happens.
        calendar.reloadIfChanged();
        assertThat(output.getOut()).doesNotContain("Working-day calendar reloaded");

        // A valid edit is picked up.
        write(edited("{ \"name\": \"元旦\", \"from\": \"2025-01-01\", \"to\": \"2025-01-01\" },",
                "{ \"name\": \"元旦\", \"from\": \"2025-01-01\", \"to\": \"2025-01-01\" },\n"
                        + "        { \"name\": \"公司成立日\", \"from\": \"2025-07-01\" },"));
        touch(file, 1);
        calendar.reloadIfChanged();
        assertThat(calendar.isWorkingDay(july1)).isFalse();
        assertThat(output.getOut()).contains("Working-day calendar reloaded");

        // A broken edit is logged with the entry and the calendar before it stays in use.
        write(edited("\"2025-10-11\"", "\"2025-10-10\""));
        touch(file, 2);
        calendar.reloadIfChanged();
        assertThat(output.getOut()).contains("adjustedWorkingDays[4] 2025-10-10").contains("FRIDAY")
                .contains("Keeping the calendar loaded before");
        assertThat(calendar.isWorkingDay(july1)).as("edit before the broken one still applies").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2025-10-11"))).isTrue();

        // A deleted file too.
        Files.delete(file);
        calendar.reloadIfChanged();
        assertThat(output.getOut()).contains("cannot be found any more");
        assertThat(calendar.isWorkingDay(july1)).isFalse();

        // Restored and corrected: loaded again.
        write(shipped);
        touch(file, 3);
        calendar.reloadIfChanged();
        assertThat(calendar.isWorkingDay(july1)).isTrue();
    }
}
