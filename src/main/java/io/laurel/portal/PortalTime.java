package io.laurel.portal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The portal's "now": the engine clock, like {@code NominationService}, so the pages open and close their
 * windows exactly when the process's timers do (and tests move both with {@code ClockUtil}).
 */
@Component
class PortalTime {

    Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    LocalDateTime nowIn(ZoneId zone) {
        return LocalDateTime.ofInstant(now(), zone);
    }
}
