package io.laurel.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The portal's "now": the engine clock (the {@link Clock} bean), like {@code NominationService}, so the pages open
 * and close their windows exactly when the process's timers do (and tests move both with the engine clock).
 */
@Component
class PortalTime {

    private final Clock clock;

    PortalTime(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDateTime nowIn(ZoneId zone) {
        return LocalDateTime.ofInstant(now(), zone);
    }
}
