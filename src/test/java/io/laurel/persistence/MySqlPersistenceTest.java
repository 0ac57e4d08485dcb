package io.laurel.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.PresetCatalog;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.mail.MailService;
import io.laurel.mail.OutboxRepository;
import io.laurel.mail.OutboxStatus;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.roster.EmploymentType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Camunda + Flyway + JPA through MySQL Connector/J on a MySQL-compatible server (MariaDB in CI).
 * Runs only when LAUREL_TEST_DB_URL is set; .ci/run sets it whenever MariaDB answers.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "test-mysql"})
class MySqlPersistenceTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CampaignService campaigns;

    @Autowired
    EmployeeRepository employees;

    @Autowired
    PresetCatalog presets;

    @Autowired
    DecisionService decisions;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    MailService mail;

    @Autowired
    OutboxRepository outbox;

    @Autowired
    EmbeddedMailServer mailServer;

    @Autowired
    TransactionTemplate tx;

    @Test
    void runs_on_mysql_connector_j_with_read_committed() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getURL()).startsWith("jdbc:mysql:");
            assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
        assertThat(jdbc.queryForList("select version from flyway_schema_history where success = 1", String.class))
                .contains("1", "2");
    }

    @Test
    void campaign_and_roster_round_trip_chinese_text() {
        Campaign campaign = campaigns.createFromPreset("service-star-2025", LocalDate.of(2030, 1, 31), "test");
        Long employeeId = tx.execute(s -> {
            Employee e = new Employee(campaign.getId(), "MY" + System.nanoTime() % 1_000_000);
            e.setName("欧阳娜娜");
            e.setDepartment("国际业务部");
            e.setPositionGroup("一线客服");
            e.setHireDate(LocalDate.of(2020, 2, 29));
            e.setEmploymentType(EmploymentType.FORMAL);
            e.setSatisfactionScore(new BigDecimal("97.50"));
            return employees.save(e).getId();
        });

        // Read back with plain SQL: what the server stored, not what Hibernate's cache remembers.
        assertThat(jdbc.queryForObject("select name from campaign where id = ?", String.class, campaign.getId()))
                .isEqualTo(presets.find("service-star-2025").orElseThrow().name()).contains("服务之星");
        assertThat(jdbc.queryForObject("select name from employee where id = ?", String.class, employeeId))
                .isEqualTo("欧阳娜娜");
        Employee loaded = employees.findById(employeeId).orElseThrow();
        assertThat(loaded.getName()).isEqualTo("欧阳娜娜");
        assertThat(loaded.getDepartment()).isEqualTo("国际业务部");
        assertThat(loaded.getSatisfactionScore()).isEqualByComparingTo("97.5");
        assertThat(campaigns.view(campaign.getId()).awards()).anySatisfy(a -> {
            assertThat(a.code()).isEqualTo("service-star");
            assertThat(a.winnersQuota()).isEqualTo(5);
        });
    }

    @Test
    void the_engine_evaluates_eligibility_with_history_on_mysql() {
        var result = decisions.evaluateDecisionTableByKey("eligibility", Variables.createVariables()
                .putValue("formalEmployee", true).putValue("tenureMonths", 5).putValue("satisfactionTopPercent", 10.0)
                .putValue("majorComplaints12m", 0).putValue("violations", 0).putValue("consecutiveWinsSameAward", 0));

        assertThat((Boolean) result.getSingleResult().getEntry("eligible")).isFalse();
        assertThat((String) result.getSingleResult().getEntry("reason")).isNotBlank();
    }

    @Test
    void process_variables_keep_chinese_names_and_values() {
        Deployment deployment = repository.createDeployment().addModelInstance("mysql-fixture.bpmn",
                Bpmn.createExecutableProcess("mysql-fixture").camundaHistoryTimeToLive(1)
                        .startEvent().userTask("wait").name("等待").endEvent().done()).deploy();
        try {
            String id = runtime.startProcessInstanceByKey("mysql-fixture", Map.of("候选人", "张三丰")).getId();
            assertThat(runtime.getVariable(id, "候选人")).isEqualTo("张三丰");
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    @Test
    void the_outbox_delivers_through_mysql() throws Exception {
        String to = "mysql-" + System.nanoTime() + "@staff.laurel.local";
        tx.executeWithoutResult(s -> mail.queue(to, "welcome",
                Map.of("name", "测试", "campaignName", "数据库测试", "tasklistUrl", "http://localhost/")));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() ->
                outbox.findByRecipientOrderById(to).stream().allMatch(m -> m.getStatus() == OutboxStatus.SENT));
        assertThat(mailServer.greenMail().getReceivedMessagesForDomain(to)[0].getSubject()).contains("数据库测试");
    }
}
