package io.laurel.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EmployeeRepository extends JpaRepository<Employee, Long> {

    List<Employee> findByCampaignIdOrderByEmployeeNumber(Long campaignId);

    List<Employee> findByCampaignIdAndDepartmentOrderByEmployeeNumber(Long campaignId, String department);

    List<Employee> findByCampaignIdAndEmployeeNumberIn(Long campaignId, Collection<String> employeeNumbers);

    // JPQL instead of a derived query: Hibernate 6 caches the plan of a query string, not of the criteria
    // query Spring Data derives, and this lookup runs for every nomination (issue 8, P2).
    @Query("select e from Employee e where e.campaignId = :campaignId and e.employeeNumber = :employeeNumber")
    Optional<Employee> findByCampaignIdAndEmployeeNumber(@Param("campaignId") Long campaignId,
            @Param("employeeNumber") String employeeNumber);

    long countByCampaignId(Long campaignId);

    /** The whole roster with past wins in one query; the eager collection would otherwise cost a query per employee. */
    @Query("select distinct e from Employee e left join fetch e.pastWins where e.campaignId = :campaignId")
    List<Employee> findWithPastWinsByCampaignId(Long campaignId);

    /** The roster listing without loading entities or past wins. */
    @Query("""
            select new io.laurel.roster.RosterEntry(e.employeeNumber, e.name, e.department, e.positionGroup,
                e.hireDate, e.employmentType, e.satisfactionScore)
            from Employee e where e.campaignId = :campaignId order by e.employeeNumber""")
    List<RosterEntry> findEntriesByCampaignId(Long campaignId);

    /** The departments on a campaign's roster, each once, in order. */
    @Query("select distinct e.department from Employee e where e.campaignId = :campaignId order by e.department")
    List<String> findDepartments(@Param("campaignId") Long campaignId);
}
