package io.laurel.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDateTime;

/**
 * One phase or key date of a campaign's timeline. Times are local to the campaign's time zone
 * (Asia/Shanghai for every seed), because that is how the seeds and the staff state them.
 */
@Embeddable
public class Milestone {

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "starts_at", nullable = false)
    private LocalDateTime startsAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    protected Milestone() {
    }

    public Milestone(String code, String name, LocalDateTime startsAt, LocalDateTime endsAt) {
        this.code = code;
        this.name = name;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    /**
     * An operator moved the moment a waiting timer stands for (ended its phase early or extended it): a phase that
     * ends at {@code from} now ends at {@code to}; a phase or key date that starts at {@code from} moves as a whole.
     */
    boolean moveKeyMoment(LocalDateTime from, LocalDateTime to) {
        if (endsAt != null && sameMinute(endsAt, from)) {
            endsAt = to;
            if (startsAt.isAfter(to)) {
                startsAt = to;
            }
            return true;
        }
        if (sameMinute(startsAt, from)) {
            if (endsAt != null) {
                endsAt = endsAt.plus(java.time.Duration.between(startsAt, to));
            }
            startsAt = to;
            return true;
        }
        return false;
    }

    private static boolean sameMinute(LocalDateTime a, LocalDateTime b) {
        return a.truncatedTo(java.time.temporal.ChronoUnit.MINUTES).equals(b.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
    }

    /** True when {@code moment} lies in [startsAt, endsAt]; a milestone without end is a single day. */
    public boolean contains(LocalDateTime moment) {
        LocalDateTime end = endsAt != null ? endsAt : startsAt.toLocalDate().plusDays(1).atStartOfDay();
        return !moment.isBefore(startsAt) && !moment.isAfter(end);
    }
}
