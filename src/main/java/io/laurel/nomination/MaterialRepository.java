package io.laurel.nomination;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MaterialRepository extends JpaRepository<Material, Long> {

    List<Material> findByNominationIdOrderById(Long nominationId);

    long countByNominationIdAndKind(Long nominationId, String kind);
}
