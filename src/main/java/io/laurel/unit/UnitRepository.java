package io.laurel.unit;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface UnitRepository extends JpaRepository<Unit, Long> {

    Optional<Unit> findByCampaignIdAndName(Long campaignId, String name);

    List<Unit> findByCampaignIdOrderByName(Long campaignId);
}
