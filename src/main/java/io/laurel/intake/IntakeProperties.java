package io.laurel.intake;

import io.laurel.intake.archive.ArchiveLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code laurel.intake.*}.
 *
 * @param polling               IMAP polling: on/off (one node only), interval, lease length, IMAP connections
 *                              fetching in parallel during one poll, IMAP fetch size
 * @param supplementWorkingDays the supplement window after a problems mail (default 3 working days)
 * @param reminderDaysBefore    reminder to units that have not sent, this many days before the deadline
 * @param archive               zip-bomb limits
 */
@ConfigurationProperties("laurel.intake")
public record IntakeProperties(Polling polling, Integer supplementWorkingDays, Integer reminderDaysBefore,
        ArchiveLimits archive) {

    public IntakeProperties {
        polling = polling == null ? new Polling(false, null, null, null, null) : polling;
        supplementWorkingDays = supplementWorkingDays == null ? 3 : supplementWorkingDays;
        reminderDaysBefore = reminderDaysBefore == null ? 3 : reminderDaysBefore;
        archive = archive == null ? ArchiveLimits.defaults() : archive;
    }

    /**
     * @param connections IMAP connections that fetch and store messages side by side during one poll (the
     *                    poll's own connection searches, dispatches and marks them, in mailbox order);
     *                    measured in IntakeBenchmarkTest, see docs/benchmarks.md (Package intake)
     * @param fetchSize   bytes per IMAP FETCH: a whole 5 MB package (7 MB of mail) comes in one round trip,
     *                    a 50 MB one in 8 MB pieces, so the client never holds more than one piece
     */
    public record Polling(boolean enabled, Duration interval, Duration lease, Integer connections,
            Integer fetchSize) {
        public Polling {
            interval = interval == null ? Duration.ofSeconds(60) : interval;
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            connections = connections == null || connections < 1 ? 2 : connections;
            fetchSize = fetchSize == null || fetchSize < 16 * 1024 ? 8 * 1024 * 1024 : fetchSize;
        }
    }
}
