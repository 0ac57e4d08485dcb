package io.laurel.intake;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Runs after the application's own beans (it is an auto-configuration), so its stand-in
 * {@code workCalendar} appears only when the shared calendar is not there.
 */
@AutoConfiguration
public class IntakeFallbackConfiguration {

    @Bean(name = "workCalendar")
    @ConditionalOnMissingBean(name = "workCalendar")
    WeekendOnlyWorkCalendar workCalendar() {
        return new WeekendOnlyWorkCalendar();
    }
}
