package io.laurel.intake;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeMessageRepository extends JpaRepository<IntakeMessage, Long> {

    Optional<IntakeMessage> findByMessageId(String messageId);

    List<IntakeMessage> findByStatusOrderById(IntakeMessage.Status status);

    List<IntakeMessage> findByPackageIdOrderById(Long packageId);
}
