package io.laurel.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.zaxxer.hikari.HikariDataSource;
import io.laurel.LaurelApplication;
import io.laurel.intake.PollLease;
import io.laurel.mail.MailService;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two Laurel nodes — two whole application contexts with their job executors on, on different ports — on
 * one MariaDB/MySQL database, as {@code docker/docker-compose.cluster.yml} runs them. 500 process
 * instances each wait on a timer and then send a mail from an async service task. Node A is crashed in
 * the middle of the run (its connection pool is closed under it, aborting its open transactions, then its
 * context is closed) while it holds locked jobs; node B runs those jobs once their locks expire.
 *
 * <p>It proves, from side effects and the engine's own history:
 * <ul>
 *   <li>every job ran exactly once: one committed row per instance and step in a side-effect table, one
 *       {@code mail_outbox} row per instance, one successful entry per job in the job log;</li>
 *   <li>no job was lost: every job node A had locked when it died ran on node B, every instance ended;</li>
 *   <li>mails go out at least once and a second copy only for a mail job whose transaction died with the
 *       node after it had sent (Laurel's process mails are sent inside the job; MailService.sendNow):
 *       GreenMail holds exactly as many mails per instance as sends were attempted;</li>
 *   <li>only one node polls the intake mailbox (the {@code intake_lease}): while A lives B's scheduled
 *       polls are all skipped, after A's death B takes the lease over.</li>
 * </ul>
 *
 * <p>The model is a small one deployed by the test, not award-selection or intake-deadlines: the property
 * under test is the engine's job execution in a cluster and Laurel's mail path, and the real models would
 * need campaigns, rosters and dates to produce 1,000 jobs. The mail step uses Laurel's real
 * {@link MailService} (outbox row and SMTP in the job's transaction), as the real models' mail tasks do.
 *
 * <p>Not on the shared {@code @LaurelTest} context: it needs two job-executing nodes on a database of their
 * own ({@code <test database>_cluster}, created afresh), so other tests' data and jobs stay out of it.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
class TwoNodeClusterMySqlTest {

    private static final String KEY = "cluster-probe";
    private static final int INSTANCES = 500;
    private static final int POOL = 3;
    private static final long LOCK_MILLIS = 5_000;
    private static final Pattern URL = Pattern.compile("^(jdbc:mysql://[^/]+/)([^?]+)(\\?.*)?$");

    /** Every completed SMTP send of a probe mail, by node and instance, kept outside any transaction. */
    static final ConcurrentLinkedQueue<String[]> SENDS = new ConcurrentLinkedQueue<>();

    private static GreenMail mail;
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterAll
    static void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void two_nodes_run_every_job_exactly_once_and_survive_the_death_of_one() throws Exception {
        String url = freshDatabase();
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});
        mail.start();
        mail.setUser("awards@laurel.local", "awards@laurel.local", "cluster");

        ConfigurableApplicationContext a = node("A", url);
        a.getBean(JdbcTemplate.class).execute("create table cluster_probe (id bigint auto_increment primary key, "
                + "process_instance_id varchar(64) not null, activity_id varchar(64) not null, node varchar(8) not null)");
        ConfigurableApplicationContext b = node("B", url);
        JdbcTemplate jdbc = b.getBean(JdbcTemplate.class); // the survivor's connections
        assertThat(port(a)).isNotEqualTo(port(b));

        ProcessEngine engineA = a.getBean(ProcessEngine.class);
        engineA.getRepositoryService().createDeployment().name(KEY).addModelInstance(KEY + ".bpmn", model()).deploy();
        for (int i = 0; i < INSTANCES; i++) {
            engineA.getRuntimeService().startProcessInstanceByKey(KEY, "c" + i);
        }

        // --- node A dies while it holds locked jobs, about halfway through
        String lockOwnerA = ((ProcessEngineConfigurationImpl) engineA.getProcessEngineConfiguration()).getJobExecutor()
                .getLockOwner();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(20)).until(() ->
                count(jdbc, "select count(*) from cluster_probe where activity_id = 'sendProbeMail'") >= INSTANCES / 3
                        && count(jdbc, "select count(*) from ACT_RU_JOB where LOCK_OWNER_ = ?", lockOwnerA) > 0
                        && polls(b, "skipped") > 0);
        MeterRegistry metersA = a.getBean(MeterRegistry.class); // still readable after A's death
        double polledByA = polls(a, "polled");
        double polledByB = polls(b, "polled");
        a.getBean(HikariDataSource.class).close(); // the crash: open transactions abort, nothing more reaches the DB
        a.close();
        nodes.remove(a);

        List<String> stranded = jdbc.queryForList("select ID_ from ACT_RU_JOB where LOCK_OWNER_ = ?", String.class,
                lockOwnerA);
        assertThat(stranded).as("jobs node A had locked when it died").isNotEmpty();
        assertThat(polledByA).as("node A polled the mailbox").isPositive();
        assertThat(polledByB).as("node B never polled while node A held the lease").isZero();

        // --- node B finishes the run
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200)).until(() ->
                count(jdbc, "select count(*) from ACT_HI_PROCINST where PROC_DEF_KEY_ = ? and END_TIME_ is not null",
                        KEY) == INSTANCES);
        ProcessEngine engineB = b.getBean(ProcessEngine.class);
        assertThat(engineB.getManagementService().createJobQuery().processDefinitionKey(KEY).count()).isZero();
        assertThat(engineB.getRuntimeService().createIncidentQuery().count()).isZero();

        // every job exactly once: one committed side effect per instance and step ...
        assertThat(count(jdbc, "select count(*) from cluster_probe")).isEqualTo(2L * INSTANCES);
        assertThat(count(jdbc, "select count(*) from (select process_instance_id, activity_id from cluster_probe "
                + "group by process_instance_id, activity_id having count(*) <> 1) twice")).isZero();
        assertThat(count(jdbc, "select count(distinct process_instance_id) from cluster_probe")).isEqualTo(INSTANCES);
        Map<String, Long> rowsByNode = jdbc.query("select node, count(*) from cluster_probe group by node",
                rs -> {
                    Map<String, Long> m = new HashMap<>();
                    while (rs.next()) {
                        m.put(rs.getString(1), rs.getLong(2));
                    }
                    return m;
                });
        assertThat(rowsByNode).as("both nodes did work").containsKeys("A", "B");
        // ... one outbox row per instance, all sent ...
        assertThat(count(jdbc, "select count(*) from mail_outbox where recipient like '%@cluster.test'"))
                .isEqualTo(INSTANCES);
        // (the sender marks a row SENT just after the server has taken its mail, so wait for the last ones)
        await().atMost(Duration.ofSeconds(30)).until(() -> count(jdbc, "select count(distinct recipient) from mail_outbox "
                + "where recipient like '%@cluster.test' and status = 'SENT'") == INSTANCES);
        // ... and one successful execution per job in the engine's job log
        assertThat(count(jdbc, "select count(*) from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? and JOB_STATE_ = 2",
                KEY)).isEqualTo(2L * INSTANCES);
        assertThat(count(jdbc, "select count(*) from (select JOB_ID_ from ACT_HI_JOB_LOG where PROCESS_DEF_KEY_ = ? "
                + "and JOB_STATE_ = 2 group by JOB_ID_ having count(*) > 1) twice", KEY)).isZero();

        // no job lost: every job node A died with ran afterwards, on node B
        for (String job : stranded) {
            assertThat(jdbc.queryForList("select HOSTNAME_ from ACT_HI_JOB_LOG where JOB_ID_ = ? and JOB_STATE_ = 2",
                    String.class, job)).as("job %s", job).containsExactly("laurel-node-B");
        }

        // mails: as many in the mailbox per instance as SMTP sends were made; a second copy only where node
        // A's job had sent and then died with its transaction (at most one per job thread of node A)
        Map<String, Long> sendsPerRecipient = SENDS.stream()
                .collect(Collectors.groupingBy(s -> recipient(s[1]), Collectors.counting()));
        Map<String, Long> received = new HashMap<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            received.merge(m.getRecipients(Message.RecipientType.TO)[0].toString(), 1L, Long::sum);
        }
        assertThat(received).hasSize(INSTANCES).isEqualTo(sendsPerRecipient);
        long duplicates = received.values().stream().mapToLong(n -> n - 1).sum();
        assertThat(duplicates).isLessThanOrEqualTo(POOL);

        // the job counters of /actuator/prometheus are per node and add up to the job log; a job A committed
        // just before dying may miss its count (the count is marked after the commit), never count twice
        double successfulA = metersA.get("laurel.engine.jobs").tag("result", "successful").counter().count();
        double successfulB = b.getBean(MeterRegistry.class).get("laurel.engine.jobs").tag("result", "successful")
                .counter().count();
        assertThat(successfulA).isPositive();
        assertThat(successfulB).isPositive();
        assertThat(successfulA + successfulB).isBetween(2.0 * INSTANCES - POOL, 2.0 * INSTANCES);

        // the intake mailbox: node B took the lease over and polls now
        await().atMost(Duration.ofSeconds(30)).until(() -> polls(b, "polled") > 0);
        assertThat(jdbc.queryForObject("select owner from intake_lease where name = 'imap-intake'", String.class))
                .isEqualTo(b.getBean(PollLease.class).owner());

        System.out.printf("cluster: %d instances, side-effect rows by node %s, %d jobs stranded on A and run by B, "
                + "%d duplicate mail(s) from A's aborted transactions, A polled %s times, B skipped %s then polled %s, "
                + "jobs counted A %s B %s%n", INSTANCES, rowsByNode, stranded.size(), duplicates, polledByA,
                polls(b, "skipped"), polls(b, "polled"), successfulA, successfulB);
    }

    /** Timer, a synchronous step in the timer's job, then an async mail step (its own job). */
    private static BpmnModelInstance model() {
        return Bpmn.createExecutableProcess(KEY).name("集群探针").camundaHistoryTimeToLive(1)
                .startEvent("probeStart")
                .intermediateCatchEvent("probeTimer").name("等待两秒").timerWithDuration("PT2S")
                .serviceTask("recordTimer").name("记录定时器").camundaDelegateExpression("${clusterProbe}")
                .serviceTask("sendProbeMail").name("发送探针邮件").camundaAsyncBefore()
                .camundaDelegateExpression("${clusterProbe}")
                .endEvent("probeEnd")
                .done();
    }

    private static ConfigurableApplicationContext node(String name, String url) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(LaurelApplication.class)
                .profiles("test", "test-mysql")
                .initializers((GenericApplicationContext c) -> c.registerBean("clusterProbe", ClusterProbe.class,
                        () -> new ClusterProbe(name, c.getBean(JdbcTemplate.class), c.getBean(MailService.class))))
                // command-line arguments: they win over the test profiles' application-test*.yml
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--laurel.data-dir=target/test-data-cluster",
                        // engines live in a static registry: each node's under its own name, no web apps
                        "--camunda.bpm.process-engine-name=cluster" + name,
                        "--camunda.bpm.webapp.enabled=false",
                        "--laurel.node-name=laurel-node-" + name,
                        "--camunda.bpm.job-execution.enabled=true",
                        "--camunda.bpm.job-execution.core-pool-size=" + POOL,
                        "--camunda.bpm.job-execution.max-pool-size=" + POOL,
                        "--camunda.bpm.job-execution.queue-capacity=" + POOL,
                        "--camunda.bpm.job-execution.max-jobs-per-acquisition=" + POOL * 2,
                        // a dead node's jobs come back after 5 s instead of 5 min
                        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS,
                        "--camunda.bpm.job-execution.wait-time-in-millis=500",
                        "--camunda.bpm.job-execution.max-wait=1000",
                        "--laurel.demo.enabled=false",
                        "--laurel.mail.embedded.enabled=false",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + mail.getSmtp().getPort(),
                        "--laurel.mail.imap.host=127.0.0.1",
                        "--laurel.mail.imap.port=" + mail.getImap().getPort(),
                        "--laurel.mail.imap.user=awards@laurel.local",
                        "--laurel.mail.imap.password=cluster",
                        "--laurel.mail.imap.ssl=false",
                        // both nodes try to poll every second; the lease lets one of them
                        "--laurel.intake.polling.enabled=true",
                        "--laurel.intake.polling.interval=PT1S",
                        "--laurel.intake.polling.initial-delay=PT1S",
                        "--laurel.intake.polling.lease=PT3S");
        nodes.add(context);
        return context;
    }

    /** The test database's server with a database of this test's own, dropped and created afresh. */
    private static String freshDatabase() throws Exception {
        Matcher m = URL.matcher(System.getenv("LAUREL_TEST_DB_URL"));
        assertThat(m.matches()).as("LAUREL_TEST_DB_URL is jdbc:mysql://host/db?...").isTrue();
        String database = m.group(2) + "_cluster";
        String params = m.group(3) == null ? "" : m.group(3);
        String user = System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(m.group(1) + params, user, password);
                Statement s = c.createStatement()) {
            s.execute("drop database if exists `" + database + "`");
            s.execute("create database `" + database + "` character set utf8mb4 collate utf8mb4_unicode_ci");
        }
        return m.group(1) + database + params;
    }

    private static long count(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    private static double polls(ConfigurableApplicationContext node, String result) {
        return node.getBean(MeterRegistry.class).get("laurel.intake.polls").tag("result", result).counter().count();
    }

    private static int port(ConfigurableApplicationContext node) {
        return Integer.parseInt(node.getEnvironment().getProperty("local.server.port"));
    }

    static String recipient(String businessKey) {
        return "p-" + businessKey + "@cluster.test";
    }

    /** The model's two steps: records the step in {@code cluster_probe}; the mail step also sends a mail. */
    static final class ClusterProbe implements JavaDelegate {

        private final String node;
        private final JdbcTemplate jdbc;
        private final MailService mails;

        ClusterProbe(String node, JdbcTemplate jdbc, MailService mails) {
            this.node = node;
            this.jdbc = jdbc;
            this.mails = mails;
        }

        @Override
        public void execute(DelegateExecution execution) throws Exception {
            String step = execution.getCurrentActivityId();
            jdbc.update("insert into cluster_probe (process_instance_id, activity_id, node) values (?, ?, ?)",
                    execution.getProcessInstanceId(), step, node);
            if (step.equals("sendProbeMail")) {
                Thread.sleep(10); // a mail server is not instant; spreads the run so the crash finds work in flight
                String key = execution.getBusinessKey();
                mails.sendNow(recipient(key), "welcome", Map.of("name", "集群探针", "campaignName", "集群探针 " + key));
                SENDS.add(new String[] {node, key});
            }
        }
    }
}
