package io.laurel.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.campaign.CampaignService;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.support.LaurelTest;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/** The demo profile's data: the cast of users, the department heads, one campaign open for nominations. */
@LaurelTest
class DemoDataTest {

    @Autowired
    IdentityService identity;

    @Autowired
    DepartmentHeadRepository departmentHeads;

    @Autowired
    CampaignRepository campaigns;

    @Autowired
    CampaignService campaignService;

    @Autowired
    EmployeeRepository employees;

    @Test
    void every_demo_user_logs_in_with_password_demo() {
        assertThat(identity.checkPassword("demo", "demo")).isTrue();
        for (DemoUser user : DemoUsers.ALL) {
            assertThat(identity.checkPassword(user.id(), "demo")).as(user.id()).isTrue();
        }
        assertThat(identity.createUserQuery().userId("demo").memberOfGroup("camunda-admin").count()).isOne();
    }

    @Test
    void the_committee_is_made_as_the_seed_says() {
        // Demo users only: tests sharing this context invite other people to committees of their own campaigns.
        var members = identity.createUserQuery().memberOfGroup("committee").list().stream()
                .filter(u -> u.getEmail() != null && u.getEmail().endsWith("@laurel.local")).toList();
        assertThat(members).hasSize(15);
        Map<String, Long> byTitle = members.stream().collect(Collectors.groupingBy(u -> kind(u.getLastName()),
                Collectors.counting()));
        assertThat(byTitle).containsExactlyInAnyOrderEntriesOf(Map.of(
                "executive", 3L, "department-head", 5L, "hr", 2L, "past-winner", 2L, "customer", 3L));
        // The department heads on the committee are real department heads.
        assertThat(members.stream()
                .filter(u -> kind(u.getLastName()).equals("department-head"))
                .allMatch(u -> identity.createUserQuery().userId(u.getId()).memberOfGroup("department-heads").count() == 1))
                .isTrue();
    }

    @Test
    void six_departments_each_have_a_head_who_is_a_department_heads_member() {
        assertThat(departmentHeads.findAll()).hasSize(6).allSatisfy(head ->
                assertThat(identity.createUserQuery().userId(head.getUserId()).memberOfGroup("department-heads").count())
                        .isOne());
    }

    @Test
    @Transactional
    void the_demo_campaign_is_open_for_nominations_with_a_roster() {
        Campaign campaign = campaigns.findByPresetKey("service-star-2025").get(0);

        assertThat(campaignService.currentPhase(campaign)).hasValueSatisfying(phase ->
                assertThat(phase.getCode()).isEqualTo("nomination"));
        // Tests start processes themselves (laurel.demo.launch-campaign=false); the demo profile launches it.
        assertThat(campaign.getStatus()).isEqualTo(io.laurel.campaign.CampaignStatus.DRAFT);
        var roster = employees.findByCampaignIdOrderByEmployeeNumber(campaign.getId());
        assertThat(roster).hasSizeBetween(280, 320);
        Map<String, Long> perDepartment = roster.stream()
                .collect(Collectors.groupingBy(Employee::getDepartment, Collectors.counting()));
        assertThat(perDepartment.keySet()).containsExactlyInAnyOrderElementsOf(DemoUsers.DEPARTMENTS);
        assertThat(departmentHeads.findAll().stream().map(h -> h.getDepartment()).collect(Collectors.toSet()))
                .isEqualTo(perDepartment.keySet());
    }

    private static String kind(String title) {
        Map<String, Function<String, Boolean>> rules = Map.of(
                "executive", t -> t.contains("总经理") || t.contains("总监"),
                "department-head", t -> t.endsWith("主管"),
                "hr", t -> t.startsWith("人力资源部代表"),
                "past-winner", t -> t.startsWith("上届服务之星"),
                "customer", t -> t.equals("客户代表"));
        return rules.entrySet().stream().filter(e -> e.getValue().apply(title)).map(Map.Entry::getKey).findFirst()
                .orElse("other:" + title);
    }
}
