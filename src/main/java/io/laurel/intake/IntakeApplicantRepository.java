package io.laurel.intake;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface IntakeApplicantRepository extends JpaRepository<IntakeApplicant, Long> {

    List<IntakeApplicant> findByCampaignIdOrderByUnitIdAscPositionNoAsc(Long campaignId);

    List<IntakeApplicant> findByPackageIdOrderByPositionNo(Long packageId);
}
