package io.laurel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.selection.SelectionDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.FileSystemUtils;

/**
 * {@link BackupRestoreTest} on MariaDB/MySQL: scripts/backup with mysqldump --single-transaction while Laurel
 * runs, scripts/restore into a fresh database ({@code <test database>_restore}) and data directory, then every
 * campaign, nomination, material file and the running process instance found there. Needs LAUREL_TEST_DB_URL
 * (a root-like user that may create the restore database) and mysqldump (mariadb-client, installed by .ci/run).
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "test-mysql"})
class BackupRestoreMySqlTest {

    static final Path WORK = Path.of("target/backup-mysql-test");

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    DataSource dataSource;

    @Autowired
    ObjectMapper json;

    @Value("${laurel.data-dir}")
    String dataDir;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void mysqldump_backup_restores_into_a_fresh_database_with_everything_intact() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        BackupRestoreTest.storeANominationWithAFile(driver, json, port, campaign);

        String url = System.getenv("LAUREL_TEST_DB_URL");
        String database = url.replaceAll("^jdbc:\\w+://[^/]+/([^?]+).*$", "$1");
        String restoreUrl = url.replaceFirst("/" + database + "(\\?|$)", "/" + database + "_restore$1");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("drop database if exists `" + database + "_restore`");
        jdbc.execute("create database `" + database + "_restore` character set utf8mb4 collate utf8mb4_unicode_ci");
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(WORK);

        script(url, "scripts/backup", "--data-dir", dataDir, "--out", WORK.resolve("backup").toString());
        script(restoreUrl, "scripts/restore", "--from", WORK.resolve("backup").toString(), "--data-dir",
                WORK.resolve("restored").toString());

        String user = System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", "");
        try (Connection before = dataSource.getConnection();
                Connection after = DriverManager.getConnection(restoreUrl, user, password)) {
            BackupRestoreTest.assertSameRows(before, after, WORK.resolve("restored"));
        }
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration();
        // This engine only reads (no jobs run): the server's default isolation level does not matter here.
        config.setSkipIsolationLevelCheck(true);
        try {
            BackupRestoreTest.assertTheProcessRunsOn(config.setJdbcUrl(restoreUrl + (restoreUrl.contains("?") ? "&"
                    : "?") + "nullCatalogMeansCurrent=true").setJdbcDriver("com.mysql.cj.jdbc.Driver")
                    .setJdbcUsername(user).setJdbcPassword(password).setProcessEngineName("restored-mysql"), instance,
                    campaign);
        } finally {
            jdbc.execute("drop database if exists `" + database + "_restore`");
        }
    }

    private static void script(String dbUrl, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("script-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("LAUREL_DB_URL", dbUrl);
        builder.environment().put("LAUREL_DB_USER", System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root"));
        builder.environment().put("LAUREL_DB_PASSWORD", System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", ""));
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
