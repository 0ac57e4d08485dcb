package io.laurel.intake;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakePackageRepository extends JpaRepository<IntakePackage, Long> {

    List<IntakePackage> findByCampaignIdOrderById(Long campaignId);

    List<IntakePackage> findByCampaignIdAndStatusOrderById(Long campaignId, IntakePackage.Status status);
}
