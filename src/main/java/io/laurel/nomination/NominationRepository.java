package io.laurel.nomination;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NominationRepository extends JpaRepository<Nomination, Long> {

    List<Nomination> findByCampaignIdOrderById(Long campaignId);
}
