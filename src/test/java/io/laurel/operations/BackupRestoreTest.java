package io.laurel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.files.FileStore;
import io.laurel.roster.Employee;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.h2.tools.RunScript;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * scripts/backup and scripts/restore on the embedded H2 database: a data directory with a running campaign, a
 * nomination and its stored file is backed up, restored into a fresh directory, and the restored database
 * opened by JDBC and by a process engine: every campaign, nomination, material file (same sha256) and running
 * process instance is there. BackupRestoreMySqlTest does the same with mysqldump on MariaDB.
 */
@LaurelTest
class BackupRestoreTest {

    static final Path WORK = Path.of("target/backup-test");

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    DataSource dataSource;

    @Autowired
    FileStore files;

    @Autowired
    ObjectMapper json;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void h2_backup_restores_into_a_fresh_data_directory_with_everything_intact() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        storeANominationWithAFile(driver, json, port, campaign);
        FileSystemUtils.deleteRecursively(WORK);
        Path source = WORK.resolve("source");
        Path restored = WORK.resolve("restored");
        Files.createDirectories(WORK);

        // The test database lives in memory; its content becomes an H2 file database in a data directory, as
        // the demo profile keeps it (data/db/laurel), next to a copy of the file store.
        new JdbcTemplate(dataSource).execute("SCRIPT TO '" + WORK.resolve("seed.sql").toAbsolutePath() + "'");
        RunScript.execute(h2Url(source), "sa", "", WORK.resolve("seed.sql").toString(), StandardCharsets.UTF_8, false);
        try (Connection seeded = DriverManager.getConnection(h2Url(source), "sa", "")) {
            seeded.createStatement().execute("SHUTDOWN"); // releases the file, as a stopped Laurel would
        }
        FileSystemUtils.copyRecursively(files.path("").toAbsolutePath(), source.resolve("files"));

        run("scripts/backup", "--data-dir", source.toString(), "--out", WORK.resolve("backup").toString());
        run("scripts/restore", "--from", WORK.resolve("backup").toString(), "--data-dir", restored.toString());
        // Nothing is overwritten: a second restore into the same place is refused.
        assertThat(exit("scripts/restore", "--from", WORK.resolve("backup").toString(), "--data-dir",
                restored.toString())).isNotZero();

        try (Connection before = dataSource.getConnection();
                Connection after = DriverManager.getConnection(h2Url(restored), "sa", "")) {
            assertSameRows(before, after, restored);
        }
        assertTheProcessRunsOn(ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
                .setJdbcUrl(h2Url(restored)).setJdbcUsername("sa").setJdbcPassword("")
                .setProcessEngineName("restored-h2"), instance, campaign);
    }

    /** A read-only engine on the restored database finds the running instance of the campaign and its six heads' tasks. */
    static void assertTheProcessRunsOn(ProcessEngineConfiguration restored, ProcessInstance instance,
            Campaign campaign) {
        ProcessEngine engine = restored.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL).setJobExecutorActivate(false).buildProcessEngine();
        try {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
                    .singleResult().getBusinessKey()).isEqualTo(campaign.getId().toString());
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey("nominateTask").count()).isEqualTo(6);
        } finally {
            engine.close();
        }
    }

    static void assertSameRows(Connection before, Connection after, Path restoredData) throws Exception {
        JdbcTemplate was = new JdbcTemplate(new SingleConnectionDataSource(before, true));
        JdbcTemplate is = new JdbcTemplate(new SingleConnectionDataSource(after, true));
        for (String table : List.of("campaign", "nomination", "material", "employee", "ACT_RU_EXECUTION",
                "ACT_RU_TASK", "ACT_RU_JOB", "ACT_RU_VARIABLE", "ACT_RE_PROCDEF")) {
            assertThat(is.queryForObject("select count(*) from " + table, Long.class)).as(table)
                    .isEqualTo(was.queryForObject("select count(*) from " + table, Long.class)).isPositive();
        }
        assertThat(is.queryForList("select id, name from campaign order by id"))
                .isEqualTo(was.queryForList("select id, name from campaign order by id"));
        List<Map<String, Object>> materials = is.queryForList("select sha256, storage_location from material");
        assertThat(materials).anyMatch(m -> !m.get("sha256").equals("0".repeat(64)));
        for (Map<String, Object> m : materials) {
            // JdbcTemplate's row maps ignore the case of column names (H2 upper-cases, MariaDB does not).
            Path file = restoredData.resolve("files").resolve((String) m.get("storage_location"));
            String sha = (String) m.get("sha256");
            if (sha.equals("0".repeat(64))) {
                continue; // the test drivers' placeholder rows name no real file
            }
            assertThat(file).as("restored file of material %s", sha).exists();
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))))
                    .isEqualTo(sha);
        }
    }

    static void storeANominationWithAFile(SelectionDriver driver, ObjectMapper json, int port, Campaign campaign)
            throws Exception {
        Employee candidate = driver.eligibleStaff(campaign.getId(), "技术支持部").get(0);
        Http hr = Http.to(port).as("zhangmin", "demo");
        Http.Answer nominated = hr.postJson("/api/campaigns/" + campaign.getId() + "/nominations", json.writeValueAsString(
                Map.of("channel", "SELF", "awardCode", "service-star", "employeeNumber", candidate.getEmployeeNumber(),
                        "nominatorName", candidate.getName(), "nominatorContact", "self@example.com", "reason", "备份测试")));
        assertThat(nominated.status()).as(nominated.body()).isEqualTo(201);
        long id = json.readTree(nominated.body()).get("id").asLong();
        Http.Answer stored = hr.upload("/api/nominations/" + id + "/materials?kind=main-document", "备份.pdf",
                ("%PDF-1.7 备份恢复 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
    }

    static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("db/laurel");
    }

    static void run(String... command) throws Exception {
        assertThat(exit(command)).as(String.join(" ", command)).isZero();
    }

    static int exit(String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve("script-" + System.nanoTime() + ".log").toFile());
        builder.environment().put("H2_JAR", org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation()
                .getPath());
        Process process = builder.start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return process.exitValue();
    }
}
