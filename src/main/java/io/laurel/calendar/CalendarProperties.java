package io.laurel.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * {@code laurel.calendar.location}: the working-day calendar file, by default the one shipped in the
 * jar. An operator points it at an edited copy (e.g. {@code file:/etc/laurel/cn-working-days.json}) to
 * correct or extend the holidays without a release; the copy is re-read when it changes.
 */
@ConfigurationProperties("laurel.calendar")
record CalendarProperties(Resource location) {

    static final String DEFAULT_LOCATION = "calendar/cn-working-days.json";

    CalendarProperties {
        if (location == null) {
            location = new ClassPathResource(DEFAULT_LOCATION);
        }
    }
}
