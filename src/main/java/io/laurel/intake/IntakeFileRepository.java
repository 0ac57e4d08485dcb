package io.laurel.intake;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeFileRepository extends JpaRepository<IntakeFile, Long> {

    List<IntakeFile> findByMessageIdOrderById(Long messageId);

    List<IntakeFile> findByMessageIdAndOriginOrderById(Long messageId, String origin);
}
