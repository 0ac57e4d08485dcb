package io.laurel.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {

    List<Employee> findByCampaignIdOrderByEmployeeNumber(Long campaignId);

    List<Employee> findByCampaignIdAndDepartmentOrderByEmployeeNumber(Long campaignId, String department);

    List<Employee> findByCampaignIdAndEmployeeNumberIn(Long campaignId, Collection<String> employeeNumbers);

    Optional<Employee> findByCampaignIdAndEmployeeNumber(Long campaignId, String employeeNumber);

    long countByCampaignId(Long campaignId);
}
