package io.laurel.notice;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ObjectionRepository extends JpaRepository<Objection, Long> {

    List<Objection> findByCampaignIdOrderById(Long campaignId);
}
