package io.laurel.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The outbox as metrics and as a health contributor ({@code outbox}). An SMTP outage is not a reason to
 * restart Laurel — the outbox keeps every mail and retries — so the contributor never says DOWN: it says
 * {@link #DEGRADED} (HTTP 200, see application.yml) while mails wait whose last attempt failed, and is part of
 * the readiness group but not of liveness. Figures are read from the database, so every node of a cluster
 * reports the same, cluster-wide outbox.
 */
@Component("outbox")
class OutboxMonitor implements HealthIndicator {

    /** Laurel works and keeps mail, but mail does not go out. Ordered between OUT_OF_SERVICE and UP. */
    static final Status DEGRADED = new Status("DEGRADED", "邮件暂时无法发出,已保存在发件箱中自动重试");

    static final String QUEUED = "laurel.outbox.queued";
    static final String FAILED = "laurel.outbox.failed";
    static final String RETRYING = "laurel.outbox.retrying";
    static final String OLDEST_AGE = "laurel.outbox.oldest.age";

    private static final Logger log = LoggerFactory.getLogger(OutboxMonitor.class);
    private static final EnumSet<OutboxStatus> WAITING = EnumSet.of(OutboxStatus.PENDING, OutboxStatus.SENDING);

    private final OutboxRepository outbox;
    private final Clock clock;
    private final AtomicReference<Figures> last = new AtomicReference<>(new Figures(0, 0, 0, 0, null));

    OutboxMonitor(OutboxRepository outbox, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.clock = clock;
        Gauge.builder(QUEUED, last, f -> f.get().queued())
                .description("Outbox mails waiting to be sent (pending or being sent)").register(meters);
        Gauge.builder(FAILED, last, f -> f.get().failed())
                .description("Outbox mails given up after the configured attempts (staff must act)").register(meters);
        Gauge.builder(RETRYING, last, f -> f.get().retrying())
                .description("Waiting outbox mails whose last attempt failed").register(meters);
        Gauge.builder(OLDEST_AGE, last, f -> f.get().oldestAgeSeconds()).baseUnit("seconds")
                .description("Age of the oldest waiting outbox mail (0 when none waits)").register(meters);
    }

    /** Re-reads the figures; on the metrics schedule, and on every health request. */
    @Scheduled(fixedDelayString = "${laurel.metrics.engine-refresh:PT15S}", initialDelayString = "PT2S")
    Figures refresh() {
        try {
            Instant oldest = outbox.oldestCreatedAt(WAITING);
            long age = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).getSeconds());
            long retrying = outbox.countByStatusAndLastErrorIsNotNull(OutboxStatus.PENDING);
            String lastError = retrying == 0 ? null
                    : outbox.lastErrors(OutboxStatus.PENDING, PageRequest.of(0, 1)).stream().findFirst().orElse(null);
            Figures figures = new Figures(outbox.countByStatus(OutboxStatus.PENDING)
                    + outbox.countByStatus(OutboxStatus.SENDING), outbox.countByStatus(OutboxStatus.FAILED),
                    retrying, age, lastError);
            last.set(figures);
            return figures;
        } catch (RuntimeException e) {
            // The database's own health contributor reports the database; the gauges keep their last figures.
            log.warn("Outbox figures not refreshed: {}", e.toString());
            return last.get();
        }
    }

    @Override
    public Health health() {
        Figures f = refresh();
        Health.Builder health = f.retrying() > 0 ? Health.status(DEGRADED) : Health.up();
        health.withDetail("queued", f.queued()).withDetail("retrying", f.retrying())
                .withDetail("failed", f.failed()).withDetail("oldestAgeSeconds", f.oldestAgeSeconds());
        if (f.lastError() != null) {
            health.withDetail("lastError", f.lastError());
        }
        return health.build();
    }

    record Figures(long queued, long failed, long retrying, long oldestAgeSeconds, String lastError) {
    }
}
