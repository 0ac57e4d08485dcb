package io.laurel.intake;

import io.laurel.intake.archive.ArchiveLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.intake.*}.
 *
 * @param polling               IMAP polling: on/off (one node only), interval, lease length
 * @param supplementWorkingDays the supplement window after a problems mail (default 3 working days)
 * @param reminderDaysBefore    reminder to units that have not sent, this many days before the deadline
 * @param archive               zip-bomb limits
 */
@ConfigurationProperties("laurel.intake")
public record IntakeProperties(Polling polling, Integer supplementWorkingDays, Integer reminderDaysBefore,
        ArchiveLimits archive) {

    public IntakeProperties {
        polling = polling == null ? new Polling(false, null, null) : polling;
        supplementWorkingDays = supplementWorkingDays == null ? 3 : supplementWorkingDays;
        reminderDaysBefore = reminderDaysBefore == null ? 3 : reminderDaysBefore;
        archive = archive == null ? ArchiveLimits.defaults() : archive;
    }

    public record Polling(boolean enabled, Duration interval, Duration lease) {
        public Polling {
            interval = interval == null ? Duration.ofSeconds(60) : interval;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
        }
    }
}
