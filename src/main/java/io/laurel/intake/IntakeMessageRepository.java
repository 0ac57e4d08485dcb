package io.laurel.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeMessageRepository extends JpaRepository<IntakeMessage, Long> {

    Optional<IntakeMessage> findByMessageId(String messageId);

    List<IntakeMessage> findByStatusOrderById(IntakeMessage.Status status);

    /** The same bytes stored before (a message without Message-ID, or fetched again after a crash). */
    Optional<IntakeMessage> findFirstByEmlSha256OrderById(String emlSha256);

    List<IntakeMessage> findByPackageIdOrderById(Long packageId);
}
