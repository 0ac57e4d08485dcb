package io.laurel.mail;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface OutboxRepository extends JpaRepository<OutboxMail, Long> {

    @Query("select m.id from OutboxMail m where m.status in :statuses and m.nextAttemptAt <= :now order by m.nextAttemptAt")
    List<Long> findDueIds(Collection<OutboxStatus> statuses, Instant now, Pageable page);

    List<OutboxMail> findByRecipientOrderById(String recipient);

    long countByStatus(OutboxStatus status);

    /** Mails waiting for delivery whose last attempt failed (lastError set, not given up yet). */
    long countByStatusAndLastErrorIsNotNull(OutboxStatus status);

    @Query("select min(m.createdAt) from OutboxMail m where m.status in :statuses")
    Instant oldestCreatedAt(Collection<OutboxStatus> statuses);

    @Query("select m.lastError from OutboxMail m where m.status = :status and m.lastError is not null"
            + " order by m.nextAttemptAt desc")
    List<String> lastErrors(OutboxStatus status, Pageable page);
}
