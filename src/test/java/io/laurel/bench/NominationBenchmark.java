package io.laurel.bench;

import static io.laurel.bench.BenchTable.f;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.NominationRequest;
import io.laurel.nomination.NominationService;
import io.laurel.selection.SelectionFixture;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * P2 of issue 8: 10,000 nominations registered into a running service-star campaign (launched
 * award-selection instance, nomination window open), each in its own transaction through
 * {@link NominationService#submit} — what {@code POST /api/campaigns/{id}/nominations} does after
 * authentication — and a sample of 1,000 through the HTTP API itself. Baselines in the same run and
 * database: a raw JDBC batch insert of the same 10,000 rows (one transaction, batches of 1,000), and
 * single-row inserts with a commit each (the database's commits per second, which bounds any
 * one-transaction-per-nomination path). Asserts every nomination was stored.
 */
@LaurelTest
@Tag("benchmark")
class NominationBenchmark {

    static final int NOMINATIONS = Integer.getInteger("bench.nominations", 10_000);
    static final int HTTP_SAMPLE = Integer.getInteger("bench.nominations.http", 1_000);
    static final int COMMIT_SAMPLE = 1_000;
    /** Requests of each kind before the HTTP figures are timed (class loading, JIT of the request path). */
    static final int HTTP_WARM_UP = 100;
    /** Clients posting at the same time in the concurrent HTTP phase (a deadline evening: many heads at once). */
    static final int HTTP_CLIENTS = Integer.getInteger("bench.nominations.clients", 4);

    @Autowired
    SelectionFixture fixture;
    @Autowired
    NominationService nominations;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RuntimeService runtime;
    @Autowired
    Environment environment;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    MeterRegistry meters;
    @LocalServerPort
    int port;

    private ProcessInstance instance;

    @AfterEach
    void cleanUp() {
        if (instance != null) {
            runtime.deleteProcessInstance(instance.getId(), "benchmark finished");
        }
        ClockUtil.reset();
    }

    @Test
    void ten_thousand_nominations_into_a_running_campaign() throws Exception {
        String database = database();
        Campaign campaign = fixture.campaignWithRoster();
        instance = fixture.launch(campaign);
        long id = campaign.getId();
        int staff = NOMINATIONS + 2 * HTTP_SAMPLE + HTTP_WARM_UP;
        insertStaff(id, staff);
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.query("select employee_number, id from employee where campaign_id = ? and employee_number like 'B%'",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                }, id);
        long before = count(id);

        // baseline 1: the same rows by raw JDBC batch insert (then removed again)
        long t0 = System.nanoTime();
        tx.executeWithoutResult(s -> {
            for (int from = 0; from < NOMINATIONS; from += 1000) {
                List<Object[]> rows = new ArrayList<>();
                for (int i = from; i < Math.min(NOMINATIONS, from + 1000); i++) {
                    rows.add(new Object[] {id, "service-star", ids.get(number(i)), "候选人" + i, "PEER", "同事" + i,
                            "13800000000", "服务热情,业务熟练", "SUBMITTED", Timestamp.from(Instant.now())});
                }
                jdbc.batchUpdate("insert into nomination (campaign_id, award_code, employee_id, candidate_name, channel, "
                        + "nominator, nominator_contact, reason, status, submitted_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows);
            }
        });
        double batchSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(count(id)).isEqualTo(before + NOMINATIONS);
        jdbc.update("delete from nomination where campaign_id = ? and nominator like '同事%'", id);

        // baseline 2: one row per commit (autocommit), the database's commit rate
        t0 = System.nanoTime();
        for (int i = 0; i < COMMIT_SAMPLE; i++) {
            jdbc.update("insert into nomination (campaign_id, award_code, employee_id, candidate_name, channel, nominator, "
                    + "status, submitted_at) values (?, 'service-star', ?, ?, 'PEER', '提交率', 'SUBMITTED', ?)",
                    id, ids.get(number(i)), "候选人" + i, Timestamp.from(Instant.now()));
        }
        double commitSeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.update("delete from nomination where campaign_id = ? and nominator = '提交率'", id);

        if (database.equals("H2")) { // the duplicate check reads one index entry, not every nomination of the award
            assertThat(jdbc.queryForList("explain select id from nomination where campaign_id = ? and employee_id = ? "
                    + "and award_code = 'service-star'", id, 1L).toString()).contains("IX_NOMINATION_CANDIDATE");
        }

        // Laurel: NominationService.submit, one transaction each
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        t0 = System.nanoTime();
        for (int i = 0; i < NOMINATIONS; i++) {
            nominations.submit(id, new NominationRequest("PEER", "service-star", number(i), "同事" + i, "13800000000",
                    "服务热情,业务熟练"));
        }
        double laurelSeconds = (System.nanoTime() - t0) / 1e9;
        // CPU time of this thread (with H2 embedded: all of the work) — what the rate would be on a free core
        double cpuRate = NOMINATIONS / ((threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        assertThat(count(id)).isEqualTo(before + NOMINATIONS);

        // Laurel over HTTP (basic auth against Camunda's users, JSON, the controller, the same service)
        Http hr = Http.to(port).as("zhangmin", "demo");
        Http anonymous = Http.to(port);
        int concurrentFrom = NOMINATIONS + HTTP_SAMPLE + HTTP_WARM_UP;
        for (int i = NOMINATIONS + HTTP_SAMPLE; i < concurrentFrom; i++) { // warm-up, on employees of their own
            postNomination(hr, id, i);
            assertThat(hr.get("/api/campaigns/" + id).status()).isEqualTo(200);
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        }
        Timer server = meters.find("http.server.requests").tag("uri", "/api/campaigns/{id}/nominations")
                .tag("method", "POST").timer();
        long serverCount0 = server == null ? 0 : server.count();
        double serverMs0 = server == null ? 0 : server.totalTime(TimeUnit.MILLISECONDS);
        t0 = System.nanoTime();
        for (int i = NOMINATIONS; i < NOMINATIONS + HTTP_SAMPLE; i++) {
            postNomination(hr, id, i);
        }
        double httpSeconds = (System.nanoTime() - t0) / 1e9;
        assertThat(count(id)).isEqualTo(before + concurrentFrom);
        server = meters.get("http.server.requests").tag("uri", "/api/campaigns/{id}/nominations").tag("method", "POST")
                .timer();
        // Spring's own timer of the request in the server (filters, security, controller, transaction)
        double serverMeanMs = (server.totalTime(TimeUnit.MILLISECONDS) - serverMs0) / (server.count() - serverCount0);

        // the same number again from several clients at once, each on its own share of the employees
        var pool = java.util.concurrent.Executors.newFixedThreadPool(HTTP_CLIENTS);
        List<java.util.concurrent.Future<?>> clients = new ArrayList<>();
        t0 = System.nanoTime();
        for (int c = 0; c < HTTP_CLIENTS; c++) {
            int client = c;
            clients.add(pool.submit(() -> {
                Http own = Http.to(port).as("zhangmin", "demo");
                for (int i = concurrentFrom + client; i < staff; i += HTTP_CLIENTS) {
                    postNomination(own, id, i);
                }
            }));
        }
        for (var client : clients) {
            client.get();
        }
        double concurrentSeconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        assertThat(count(id)).isEqualTo(before + staff);

        // the floor of any authenticated API call: basic auth against Camunda's users, a small JSON answer
        t0 = System.nanoTime();
        for (int i = 0; i < HTTP_SAMPLE; i++) {
            assertThat(hr.get("/api/campaigns/" + id).status()).isEqualTo(200);
        }
        double floorRate = HTTP_SAMPLE / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < HTTP_SAMPLE; i++) {
            assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        }
        double healthRate = HTTP_SAMPLE / ((System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        for (int i = 0; i < HTTP_SAMPLE; i++) {
            assertThat(identity.checkPassword("zhangmin", "demo")).isTrue();
        }
        double passwordRate = HTTP_SAMPLE / ((System.nanoTime() - t0) / 1e9);

        double laurelRate = NOMINATIONS / laurelSeconds;
        double batchRate = NOMINATIONS / batchSeconds;
        double commitRate = COMMIT_SAMPLE / commitSeconds;
        double httpRate = HTTP_SAMPLE / httpSeconds;
        double target = database.equals("H2") ? 500 : 200;
        String p2 = "P2 nominations (" + database + ")";
        BenchTable.row(p2, f("register %,d via NominationService (1 tx each)", NOMINATIONS), f("%.0f /s", laurelRate),
                f("JDBC batch: %.0f /s", batchRate), f("%.1f× slower", batchRate / laurelRate), f("≥ %.0f /s", target),
                laurelRate >= target ? "yes" : "no");
        BenchTable.row(p2, "same, by this thread's CPU time (rate on a free core)", f("%.0f /s", cpuRate),
                f("wall: %.0f /s", laurelRate), "", f("≥ %.0f /s", target), cpuRate >= target ? "yes" : "no");
        BenchTable.row(p2, "same, vs one INSERT + commit each", f("%.0f /s", laurelRate),
                f("commits: %.0f /s", commitRate), f("%.2f× the commit rate", laurelRate / commitRate), "", "");
        BenchTable.row(p2, f("register %,d via POST /api/campaigns/{id}/nominations", HTTP_SAMPLE), f("%.0f /s", httpRate),
                f("JDBC batch: %.0f /s", batchRate), f("%.1f× slower", batchRate / httpRate), f("≥ %.0f /s", target),
                httpRate >= target ? "yes" : "no");
        BenchTable.row(p2, "POST, one client", f("%.0f /s", httpRate), f("GET /api/campaigns/{id}: %.0f /s", floorRate),
                f("%.2f× the floor", httpRate / floorRate), "", "");
        double concurrentRate = HTTP_SAMPLE / concurrentSeconds;
        BenchTable.row(p2, f("register %,d via POST, %d clients at once", HTTP_SAMPLE, HTTP_CLIENTS),
                f("%.0f /s", concurrentRate), f("one client: %.0f /s", httpRate),
                f("%.2f× one client", concurrentRate / httpRate), f("≥ %.0f /s", target),
                concurrentRate >= target ? "yes" : "no");
        BenchTable.row(p2, "where an API call's time goes", f("GET /actuator/health (no auth): %.0f /s", healthRate),
                f("IdentityService.checkPassword: %.0f /s", passwordRate), "", "", "");
        BenchTable.row(p2, "POST nomination: time in the server (http.server.requests) of the round trip",
                f("%.2f ms", serverMeanMs), f("round trip: %.2f ms", 1000 * httpSeconds / HTTP_SAMPLE),
                f("%.0f%% in the server", 100 * serverMeanMs / (1000 * httpSeconds / HTTP_SAMPLE)), "", "");
        System.out.printf("P2 %s: service %.0f/s (CPU-time rate %.0f/s), HTTP %.0f/s (" + HTTP_CLIENTS + " clients: %.0f/s), JDBC batch %.0f/s, single commits %.0f/s, GET floor %.0f/s, health %.0f/s, checkPassword %.0f/s, load %.2f%n",
                database, laurelRate, cpuRate, httpRate, HTTP_SAMPLE / concurrentSeconds, batchRate, commitRate, floorRate, healthRate, passwordRate, BenchTable.loadAverage());
    }

    private static void postNomination(Http http, long campaignId, int i) {
        Http.Answer answer = http.postJson("/api/campaigns/" + campaignId + "/nominations", "{\"channel\":\"PEER\","
                + "\"awardCode\":\"service-star\",\"employeeNumber\":\"" + number(i) + "\",\"nominatorName\":\"同事"
                + i + "\",\"nominatorContact\":\"13800000000\",\"reason\":\"服务热情,业务熟练\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    }

    private String database() {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:h2") ? "H2" : "MariaDB";
    }

    private long count(long campaignId) {
        return jdbc.queryForObject("select count(*) from nomination where campaign_id = ?", Long.class, campaignId);
    }

    private static String number(int i) {
        return String.format("B%05d", i);
    }

    /** Formal staff hired long ago, so every one may be nominated. Not timed. */
    private void insertStaff(long campaignId, int count) {
        jdbc.batchUpdate("insert into employee (campaign_id, employee_number, name, department, position_group, hire_date, "
                + "employment_type, satisfaction_score, major_complaints_12m, violations) "
                + "values (?, ?, ?, '客服中心', '一线客服', ?, 'FORMAL', 90, 0, 0)",
                new org.springframework.jdbc.core.BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws java.sql.SQLException {
                        ps.setLong(1, campaignId);
                        ps.setString(2, number(i));
                        ps.setString(3, "员工" + i);
                        ps.setDate(4, Date.valueOf(LocalDate.of(2020, 1, 1)));
                    }

                    @Override
                    public int getBatchSize() {
                        return count;
                    }
                });
    }
}
