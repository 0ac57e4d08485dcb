package io.laurel.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

/**
 * One clock: main code reads the time from the {@link Clock} bean (the engine's clock, see
 * {@code config.ClockConfiguration}), never from {@link ClockUtil} directly nor from the system clock behind
 * {@code Instant.now()} and its siblings, so a test that moves the engine clock moves every "now" in Laurel.
 */
class OneClockTest {

    private static final String CLOCK_CONFIGURATION = "io\\.laurel\\.config\\.ClockConfiguration(\\$.*)?";

    static final ArchRule ONLY_THE_CLOCK_BEAN_READS_CLOCK_UTIL = noClasses()
            .that().haveNameNotMatching(CLOCK_CONFIGURATION)
            .should().dependOnClassesThat().belongToAnyOf(ClockUtil.class)
            .because("the engine clock is read through the Clock bean (ClockConfiguration)");

    static final ArchRule NO_NOW_WITHOUT_A_CLOCK = noClasses()
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalTime.class, "now")
            .orShould().callMethod(OffsetDateTime.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .because("\"now\" comes from the injected Clock bean: X.now(clock)");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.laurel");

    @Test
    void only_the_clock_configuration_reads_the_engine_clock_directly() {
        assertThat(MAIN.size()).as("main classes imported").isGreaterThan(100);
        ONLY_THE_CLOCK_BEAN_READS_CLOCK_UTIL.check(MAIN);
    }

    @Test
    void no_main_class_asks_the_system_clock_for_now() {
        NO_NOW_WITHOUT_A_CLOCK.check(MAIN);
    }

    @Test
    void the_rules_catch_a_planted_call() {
        JavaClasses planted = new ClassFileImporter().importClasses(PlantedEngineClock.class, PlantedNow.class,
                WithClock.class);
        assertThat(ONLY_THE_CLOCK_BEAN_READS_CLOCK_UTIL.evaluate(planted).getFailureReport().getDetails())
                .hasSize(1).first().asString().contains("PlantedEngineClock");
        assertThat(NO_NOW_WITHOUT_A_CLOCK.evaluate(planted).getFailureReport().getDetails())
                .hasSize(2).allMatch(line -> line.contains("PlantedNow"));
    }

    static class PlantedEngineClock {
        Instant now() {
            return ClockUtil.getCurrentTime().toInstant();
        }
    }

    static class PlantedNow {
        Instant now() {
            return Instant.now();
        }

        LocalDate today() {
            return LocalDate.now();
        }
    }

    static class WithClock {
        private final Clock clock = Clock.systemUTC();

        LocalDate today() {
            return LocalDate.now(clock);
        }
    }
}
