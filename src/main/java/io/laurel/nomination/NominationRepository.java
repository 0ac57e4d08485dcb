package io.laurel.nomination;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NominationRepository extends JpaRepository<Nomination, Long> {

    List<Nomination> findByCampaignIdOrderById(Long campaignId);

    List<Nomination> findByCampaignIdAndStatusInOrderById(Long campaignId, Collection<NominationStatus> statuses);

    // JPQL for the same reason as EmployeeRepository#findByCampaignIdAndEmployeeNumber: checked per nomination.
    @Query("select count(n) > 0 from Nomination n"
            + " where n.campaignId = :campaignId and n.employeeId = :employeeId and n.awardCode = :awardCode")
    boolean existsByCampaignIdAndEmployeeIdAndAwardCode(@Param("campaignId") Long campaignId,
            @Param("employeeId") Long employeeId, @Param("awardCode") String awardCode);

    long countByCampaignIdAndChannelAndNominator(Long campaignId, NominationChannel channel, String nominator);
}
