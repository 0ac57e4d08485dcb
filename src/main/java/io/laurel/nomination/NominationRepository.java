package io.laurel.nomination;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NominationRepository extends JpaRepository<Nomination, Long> {

    List<Nomination> findByCampaignIdOrderById(Long campaignId);

    List<Nomination> findByCampaignIdAndStatusInOrderById(Long campaignId, Collection<NominationStatus> statuses);

    boolean existsByCampaignIdAndEmployeeIdAndAwardCode(Long campaignId, Long employeeId, String awardCode);

    long countByCampaignIdAndChannelAndNominator(Long campaignId, NominationChannel channel, String nominator);
}
