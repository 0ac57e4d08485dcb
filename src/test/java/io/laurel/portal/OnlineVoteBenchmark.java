package io.laurel.portal;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.LaurelApplication;
import io.laurel.bench.BenchTable;
import io.laurel.campaign.Campaign;
import io.laurel.mail.EmbeddedMailServer;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.onlinevote.OnlineVoteCounts;
import io.laurel.support.LaurelTest;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark P6 (issue 16): the public online vote over HTTP with 32 concurrent clients whose sessions are
 * already verified, at 1,000 and at 1,000,000 votes already cast (seeded with one bulk INSERT ... SELECT),
 * beside plain INSERTs into a table with the same unique key by the same number of clients; the cost growth;
 * 10,000 code requests until all mails are in the SMTP server beside one JavaMail loop; on MariaDB also two
 * Laurel nodes on one database. Limits are raised (a benchmark measures the path, not the 429s) and every
 * client has its own address (X-Forwarded-For through Tomcat's RemoteIpValve, as behind a reverse proxy).
 */
@LaurelTest
@Tag("benchmark")
@TestPropertySource(properties = {"server.forward-headers-strategy=native",
        "laurel.portal.limits.votes-per-ip.count=1000000", "laurel.portal.limits.mail-requests-per-ip.count=1000000",
        "laurel.portal.limits.mails-per-address.count=1000000", "spring.datasource.hikari.maximum-pool-size=40",
        "server.tomcat.threads.max=64"})
class OnlineVoteBenchmark {

    static final int CLIENTS = 32;
    static final int VOTES_PER_CLIENT = Integer.getInteger("bench.vote.perClient", 100);
    /** 30 per client left the JIT at 12-30 % of the CPU in the first timed phase (async-profiler, 15:18 run). */
    static final int WARM_UP_PER_CLIENT = Integer.getInteger("bench.vote.warmUp", 100);
    static final int MAILS = Integer.getInteger("bench.vote.mails", 10_000);
    static final int ENTRIES = 3 * (VOTES_PER_CLIENT + WARM_UP_PER_CLIENT) + 10;
    static final long SMALL = 1_000;
    static final long LARGE = Long.getLong("bench.vote.large", 1_000_000);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    PortalFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    OnlineVoteCounts counts;
    @Autowired
    EmbeddedMailServer mail;
    @Autowired
    JavaMailSender mailSender;
    @Autowired
    PortalLimitStore store;
    @LocalServerPort
    int port;

    final String run = Long.toString(System.nanoTime(), 36);
    final AtomicInteger ips = new AtomicInteger();
    List<Long> entries;
    Campaign campaign;
    int nextEntry;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void p6_online_vote() throws Exception {
        String db = h2() ? "H2" : "MariaDB";
        Cpu.withDbServer = !h2();
        List<Nomination> three = PortalFixture.list();
        campaign = fixture.essayInVoteWindow(three);
        entries = createEntries(three);
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            clients.add(verifiedClient(port, "c" + c));
        }
        String plainTable = "bench_plain_vote_" + run;
        jdbc.execute("create table " + plainTable + " (id bigint auto_increment primary key, campaign_id bigint not null,"
                + " nomination_id bigint not null, email varchar(200) not null, vote_date date not null, client_ip "
                + "varchar(64) not null, cast_at " + (h2() ? "timestamp(6)" : "datetime(6)") + " not null, constraint uq_" + plainTable
                + " unique (campaign_id, nomination_id, email, vote_date))");

        seed(SMALL);
        votes(clients, WARM_UP_PER_CLIENT);
        Phase small = votes(clients, VOTES_PER_CLIENT);
        Phase plainSmall = plainInserts(plainTable, VOTES_PER_CLIENT);
        seed(LARGE);
        Phase large = votes(clients, VOTES_PER_CLIENT);
        Phase plainLarge = plainInserts(plainTable, VOTES_PER_CLIENT);
        assertExact();

        report(db, SMALL, small, plainSmall, 0);
        double target = h2() ? 1000 : 400;
        report(db, LARGE, large, plainLarge, target);
        double growth = large.msPerVote() / small.msPerVote();
        BenchTable.row("P6 online vote cost growth", db + ": ms per vote at " + LARGE + " cast / at " + SMALL
                + " cast (" + CLIENTS + " clients, mean latency)", BenchTable.f("%.2f", growth),
                BenchTable.f("%.1f ms / %.1f ms", large.msPerVote(), small.msPerVote()), BenchTable.f("%.2f", growth),
                "≤ 1.2", growth <= 1.2 ? "yes" : "no");
        jdbc.execute("drop table " + plainTable);

        if (h2()) {
            codeMails(db);
        } else {
            twoNodes(db, large);
        }
    }

    // ------------------------------------------------------------------------------------------ vote phases

    record Phase(int votes, int refused, long nanos, long latencyNanos, Cpu cpu) {
        double perSecond() {
            return votes / (nanos / 1e9);
        }

        /** CPU per vote in ms, this JVM (server and its HTTP clients) and the database server process. */
        String cpuText() {
            double n = Math.max(1, votes + refused);
            String db = cpu.dbNanos() < 0 ? "" : BenchTable.f(" + MariaDB server %.2f ms", cpu.dbNanos() / 1e6 / n);
            double total = (cpu.jvmNanos() + Math.max(0, cpu.dbNanos())) / 1e6 / n;
            return BenchTable.f("CPU per vote: JVM %.2f ms (of which Tomcat's request threads %.2f ms; the rest: "
                    + "the %d HTTP clients, GC, JIT, background)", cpu.jvmNanos() / 1e6 / n, cpu.tomcatNanos() / 1e6 / n,
                    CLIENTS) + db + BenchTable.f(" = %.2f ms, i.e. at most %.0f/s on %d idle cores", total,
                    Runtime.getRuntime().availableProcessors() * 1000 / total, Runtime.getRuntime().availableProcessors());
        }

        double msPerVote() {
            return latencyNanos / 1e6 / Math.max(1, votes + refused);
        }
    }

    private Phase votes(List<Client> clients, int perClient) throws Exception {
        List<Long> mine = entries.subList(nextEntry, nextEntry + perClient);
        nextEntry += perClient;
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        AtomicLong latency = new AtomicLong();
        Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
        AutoCloseable profile = perClient == WARM_UP_PER_CLIENT ? () -> { } : profile(); // not the warm-up
        Cpu cpu0 = Cpu.now();
        long start = System.nanoTime();
        parallel(clients.size(), c -> {
            Client client = clients.get(c);
            for (Long entry : mine) { // every client votes the same entries in the same order: the hot case
                long t0 = System.nanoTime();
                int status = client.vote(campaign.getId(), entry);
                latency.addAndGet(System.nanoTime() - t0);
                if (status == 201) {
                    ok.incrementAndGet();
                } else {
                    unexpected.merge(status, 1, Integer::sum);
                }
            }
            return null;
        });
        long nanos = System.nanoTime() - start;
        Cpu cpu = Cpu.now().minus(cpu0);
        profile.close();
        assertThat(unexpected).as("answers other than 201").isEmpty();
        return new Phase(ok.get(), refused.get(), nanos, latency.get(), cpu);
    }

    /**
     * Optional profiles of each timed vote phase (not seeding, start-up or warm-up), phases numbered in order
     * (H2: 1 = 1,000 cast, 2 = 1,000,000 cast; MariaDB: the same and 3 = two nodes):
     * <ul>
     * <li>-Dbench.vote.jfr=DIR: JFR with its "profile" settings (CPU samples, lock waits) into DIR/p6-n.jfr;
     * <li>-Dbench.vote.asprof=DIR: async-profiler's CPU samples, one collapsed stack per line with the thread
     * name as root frame, into DIR/p6-n.collapsed. Needs the profiler's classes and library: its jar from
     * Maven Central ({@code tools.profiler:async-profiler}) given as -Dmaven.test.additionalClasspath=JAR.
     * JFR's sampler takes few samples on a loaded machine (150 in an 11 s phase at load 13); this one counts
     * CPU time itself.
     * </ul>
     */
    private static AutoCloseable profile() throws Exception {
        int n = PROFILES.incrementAndGet();
        if (System.getProperty("bench.vote.asprof") != null) {
            Class<?> type = Class.forName("one.profiler.AsyncProfiler");
            String library = System.getProperty("bench.vote.asprof.lib"); // else the one inside the jar
            Object profiler = library == null ? type.getMethod("getInstance").invoke(null)
                    : type.getMethod("getInstance", String.class).invoke(null, library);
            java.lang.reflect.Method execute = type.getMethod("execute", String.class);
            java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("bench.vote.asprof"));
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Path file = dir.resolve("p6-" + n + ".collapsed").toAbsolutePath();
            execute.invoke(profiler, "start,event=" + System.getProperty("bench.vote.asprof.event", "cpu")
                    + ",interval=1ms,threads");
            return () -> {
                execute.invoke(profiler, "stop");
                execute.invoke(profiler, "collapsed,threads,file=" + file);
                System.out.println("P6 async-profiler samples of the phase: " + file);
            };
        }
        if (System.getProperty("bench.vote.jfr") != null) {
            jdk.jfr.Recording recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
            recording.start();
            return () -> {
                recording.stop();
                java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("bench.vote.jfr"));
                java.nio.file.Files.createDirectories(dir);
                java.nio.file.Path file = dir.resolve("p6-" + n + ".jfr");
                recording.dump(file);
                recording.close();
                System.out.println("P6 JFR recording of the phase: " + file.toAbsolutePath());
            };
        }
        return () -> {
        };
    }

    private static final AtomicInteger PROFILES = new AtomicInteger();

    /** The baseline: the same number of single-row INSERTs (auto-commit) by as many clients, same unique key. */
    private Phase plainInserts(String table, int perClient) throws Exception {
        AtomicLong latency = new AtomicLong();
        AtomicInteger base = new AtomicInteger(ips.get() * 1000);
        Timestamp now = Timestamp.from(Instant.now());
        java.sql.Date day = java.sql.Date.valueOf("2026-10-21");
        Cpu cpu0 = Cpu.now();
        long start = System.nanoTime();
        parallel(CLIENTS, c -> {
            int offset = base.get() + c * perClient;
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var insert = connection.prepareStatement("insert into " + table + " (campaign_id, nomination_id, "
                        + "email, vote_date, client_ip, cast_at) values (?, ?, ?, ?, ?, ?)")) {
                    for (int i = 0; i < perClient; i++) {
                        long t0 = System.nanoTime();
                        insert.setLong(1, campaign.getId());
                        insert.setLong(2, entries.get(i));
                        insert.setString(3, "plain" + (offset + i) + "@example.com");
                        insert.setDate(4, day);
                        insert.setString(5, "10.0.0." + c);
                        insert.setTimestamp(6, now);
                        insert.executeUpdate();
                        latency.addAndGet(System.nanoTime() - t0);
                    }
                }
            }
            return null;
        });
        ips.addAndGet(CLIENTS * perClient / 1000 + 1);
        return new Phase(CLIENTS * perClient, 0, System.nanoTime() - start, latency.get(), Cpu.now().minus(cpu0));
    }

    private void report(String db, long cast, Phase vote, Phase plain, double target) {
        double ratio = vote.perSecond() / plain.perSecond();
        String targets = target > 0 ? BenchTable.f("≥ %.0f votes/s, ≥ 0.5× baseline", target) : "≥ 0.5× baseline";
        boolean met = ratio >= 0.5 && vote.perSecond() >= target;
        BenchTable.row("P6 online vote " + db + " " + cast + " cast", CLIENTS + " HTTP clients, votes/s ("
                + vote.votes() + " votes, mean " + BenchTable.f("%.1f", vote.msPerVote()) + " ms; " + vote.cpuText()
                + "; baseline " + plain.cpuText().replace("vote", "INSERT") + ")",
                BenchTable.f("%.0f", vote.perSecond()), BenchTable.f("%.0f plain INSERTs/s", plain.perSecond()),
                BenchTable.f("%.3f×", ratio), targets, met ? "yes" : "no");
    }

    /** Stored counts equal the vote rows, entry by entry. */
    private void assertExact() {
        Map<Long, Long> rows = new HashMap<>();
        jdbc.query("select nomination_id, count(*) from portal_vote where campaign_id = ? group by nomination_id",
                rs -> {
                    rows.put(rs.getLong(1), rs.getLong(2));
                }, campaign.getId());
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL)).isEqualTo(rows);
    }

    // ------------------------------------------------------------------------------------------ set-up

    private boolean h2() {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Long> createEntries(List<Nomination> three) {
        List<Long> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < ENTRIES; i++) {
                Nomination n = new Nomination(campaign.getId(), "popularity", "参评者" + i, NominationChannel.UNIT,
                        "星河电信客服中心", "zhoumin@unit.example.com", "参评作品 " + i, Instant.now());
                ids.add(fixture.nominations.save(n).getId());
            }
        });
        three.forEach(n -> ids.add(0, n.getId()));
        return ids;
    }

    /** Brings the votes already cast up to {@code total} with one bulk INSERT ... SELECT, counters to match. */
    private void seed(long total) {
        long have = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ?", Long.class,
                campaign.getId());
        long missing = total - have;
        if (missing <= 0) {
            return;
        }
        long a = entries.get(0);
        long b = entries.get(1);
        long c = entries.get(2);
        Timestamp earlier = Timestamp.from(ClockUtil.getCurrentTime().toInstant().minus(Duration.ofHours(2)));
        java.sql.Date day = java.sql.Date.valueOf("2026-10-21");
        String rows = h2() ? "system_range(1, " + missing + ") r" : "seq_1_to_" + missing + " r";
        String x = h2() ? "r.x" : "r.seq";
        long t0 = System.nanoTime();
        jdbc.update("insert into portal_vote (campaign_id, nomination_id, email, vote_date, client_ip, cast_at) select ?, "
                + "case mod(" + x + ", 3) when 0 then " + a + " when 1 then " + b + " else " + c + " end, "
                + "concat('seed" + have + "-', " + x + ", '@seed.example.com'), ?, '192.0.2.1', ? from " + rows,
                campaign.getId(), day, earlier);
        // Counters: the seeded votes of each entry added to shard 0 (the other shards keep their counts).
        for (long entry : List.of(a, b, c)) {
            long seeded = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and nomination_id"
                    + " = ? and email like 'seed%'", Long.class, campaign.getId(), entry);
            long counted = jdbc.queryForObject("select coalesce(sum(votes), 0) from portal_vote_count where campaign_id"
                    + " = ? and nomination_id = ? and shard = 0", Long.class, campaign.getId(), entry);
            long voted = jdbc.queryForObject("select count(*) from portal_vote where campaign_id = ? and nomination_id"
                    + " = ? and email not like 'seed%'", Long.class, campaign.getId(), entry);
            jdbc.update("delete from portal_vote_count where campaign_id = ? and nomination_id = ?", campaign.getId(),
                    entry);
            jdbc.update("insert into portal_vote_count (campaign_id, nomination_id, shard, votes) values (?, ?, 0, ?)",
                    campaign.getId(), entry, seeded + voted);
            assertThat(counted).isGreaterThanOrEqualTo(0);
        }
        System.out.printf("P6 seeded %d votes in %.1f s%n", missing, (System.nanoTime() - t0) / 1e9);
    }

    // ------------------------------------------------------------------------------------------ clients

    /** One voter's browser: its cookie (session), the CSRF token of the page, its own client address. */
    final class Client {
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        final int port;
        final String ip;
        String csrf;

        Client(int port) {
            this.port = port;
            int n = ips.incrementAndGet();
            this.ip = "10.1." + (n / 256 % 256) + "." + (n % 256);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", ip).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String accept, String... form) throws Exception {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < form.length; i += 2) {
                body.append(body.length() == 0 ? "" : "&").append(form[i]).append('=')
                        .append(URLEncoder.encode(form[i + 1], StandardCharsets.UTF_8));
            }
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("X-Forwarded-For", ip).header("X-CSRF-TOKEN", csrf).header("Accept", accept)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        int vote(long campaignId, long entry) throws Exception {
            return post("/campaigns/" + campaignId + "/vote/" + entry, "application/json").statusCode();
        }

        void open(long campaignId) throws Exception {
            Matcher m = CSRF.matcher(get("/campaigns/" + campaignId + "/vote").body());
            assertThat(m.find()).isTrue();
            csrf = m.group(1);
        }
    }

    private Client verifiedClient(int nodePort, String name) throws Exception {
        Client client = new Client(nodePort);
        client.open(campaign.getId());
        String email = name + "-" + run + "@voters.example.com";
        int before = fixture.received(email);
        assertThat(client.post("/campaigns/" + campaign.getId() + "/vote/code", "application/json", "email", email)
                .statusCode()).isEqualTo(202);
        String code = PortalFixture.code(fixture.nextMail(email, before));
        assertThat(client.post("/campaigns/" + campaign.getId() + "/vote/verify", "text/html", "email", email, "code",
                code).body()).contains("邮箱已验证");
        return client;
    }

    // ------------------------------------------------------------------------------------------ code mails

    private void codeMails(String db) throws Exception {
        String domain = "burst" + run + ".example.com";
        List<Client> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Client client = new Client(port);
            client.open(campaign.getId());
            clients.add(client);
        }
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> unexpected = new ConcurrentHashMap<>();
        int before = mail.greenMail().getReceivedMessages().length;
        long start = System.nanoTime();
        parallel(CLIENTS, c -> {
            for (int i = next.getAndIncrement(); i < MAILS; i = next.getAndIncrement()) {
                int status = clients.get(c).post("/campaigns/" + campaign.getId() + "/vote/code", "application/json",
                        "email", "v" + i + "@" + domain).statusCode();
                if (status != 202) {
                    unexpected.merge(status, 1, Integer::sum);
                }
            }
            return null;
        });
        long requested = System.nanoTime() - start;
        long deadline = System.currentTimeMillis() + 600_000;
        int arrived = 0;
        // Poll by the server's message count (cheap); read the recipients (a header parse per message) only when
        // the count says they may all be there.
        while (System.currentTimeMillis() < deadline) {
            if (mail.greenMail().getReceivedMessages().length - before >= MAILS
                    && (arrived = received(domain).size()) >= MAILS) {
                break;
            }
            Thread.sleep(100);
        }
        long delivered = System.nanoTime() - start;
        Thread.sleep(2000);
        List<String> recipients = received(domain);
        Set<String> distinct = new HashSet<>(recipients);
        int lost = MAILS - distinct.size();
        int duplicates = recipients.size() - distinct.size();
        assertThat(unexpected).isEmpty();

        // Baseline: the same number of mails by one JavaMail loop (one message at a time, as the old outbox did).
        String loopDomain = "loop" + run + ".example.com";
        Session session = Session.getInstance(new java.util.Properties());
        long loopStart = System.nanoTime();
        long loopCap = loopStart + Long.getLong("bench.vote.loopSeconds", 120) * 1_000_000_000L;
        int looped = 0;
        for (int i = 0; i < MAILS && System.nanoTime() < loopCap; i++, looped++) {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress("awards@laurel.local"));
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress("v" + i + "@" + loopDomain));
            message.setSubject("【投票】验证码", "UTF-8");
            message.setText("您的验证码是 123456", "UTF-8");
            mailSender.send(message);
        }
        long loopTime = System.nanoTime() - loopStart;
        // Capped (-Dbench.vote.loopSeconds, default 120 s): past the cap the loop's time for all mails is projected
        // from its rate so far, and the row says so.
        long loop = looped == MAILS ? loopTime : loopTime / looped * MAILS;
        String loopText = looped == MAILS ? BenchTable.f("%.1f s one JavaMail loop", loop / 1e9)
                : BenchTable.f("%.1f s one JavaMail loop (projected: %d mails in %.1f s)", loop / 1e9, looped,
                        loopTime / 1e9);
        double ratio = (double) delivered / loop;
        BenchTable.row("P6 online vote code mails", db + ": " + MAILS + " code requests (" + CLIENTS
                + " HTTP clients) until all in the SMTP server; lost " + lost + ", duplicates " + duplicates
                + BenchTable.f(", requests answered after %.1f s", requested / 1e9),
                BenchTable.f("%.1f s", delivered / 1e9), loopText,
                BenchTable.f("%.2f×", ratio), "≤ 60 s, 0 lost", delivered / 1e9 <= 60 && lost == 0 && duplicates == 0
                        ? "yes" : "no");
        assertThat(arrived).isGreaterThan(0);
    }

    private List<String> received(String domain) throws Exception {
        List<String> to = new ArrayList<>();
        for (MimeMessage m : mail.greenMail().getReceivedMessages()) {
            String address = m.getAllRecipients()[0].toString();
            if (address.endsWith("@" + domain)) {
                to.add(address);
            }
        }
        return to;
    }

    // ------------------------------------------------------------------------------------------ two nodes

    private void twoNodes(String db, Phase oneNode) throws Exception {
        String url = System.getenv("LAUREL_TEST_DB_URL");
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LaurelApplication.class)
                .profiles("test", "test-mysql")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--laurel.data-dir=target/test-data-p6",
                        "--camunda.bpm.process-engine-name=p6node2", "--camunda.bpm.webapp.enabled=false",
                        "--laurel.demo.enabled=false", "--laurel.mail.embedded.enabled=false",
                        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.greenMail().getSmtp().getPort(),
                        "--server.forward-headers-strategy=native", "--spring.datasource.hikari.maximum-pool-size=40",
                        "--laurel.portal.limits.votes-per-ip.count=1000000",
                        "--laurel.portal.limits.mail-requests-per-ip.count=1000000",
                        "--laurel.portal.limits.mails-per-address.count=1000000")) {
            int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
            // Sticky sessions, as behind a load balancer: half the voters on each node.
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(verifiedClient(c % 2 == 0 ? port : secondPort, "n" + c));
            }
            votes(clients, WARM_UP_PER_CLIENT);
            Phase both = votes(clients, VOTES_PER_CLIENT);
            assertExact();
            int[] allowedRefused = limitAcrossNodes(second);
            double ratio = both.perSecond() / oneNode.perSecond();
            boolean limitHeld = allowedRefused[0] == PortalLimitSettings.VOTES_PER_IP;
            BenchTable.row("P6 online vote two nodes", db + ": " + CLIENTS + " HTTP clients on two Laurel nodes, votes/s "
                    + "(" + LARGE + "+ cast), counts == vote rows; vote limit of " + PortalLimitSettings.VOTES_PER_IP
                    + " per address, " + LIMIT_TAKES + " parallel takes alternating between the nodes' limiters: "
                    + allowedRefused[0] + " allowed, " + allowedRefused[1] + " refused; " + both.cpuText(),
                    BenchTable.f("%.0f", both.perSecond()), BenchTable.f("%.0f one node", oneNode.perSecond()),
                    BenchTable.f("%.2f×", ratio), "≥ 1.5× one node, exact, limits across both",
                    ratio >= 1.5 && limitHeld ? "yes" : "no");
            assertThat(allowedRefused[0]).as("votes allowed across two nodes").isEqualTo(PortalLimitSettings.VOTES_PER_IP);
        }
    }

    /** CPU time used so far by this JVM and by the MariaDB/MySQL server process (-1 when none runs here). */
    record Cpu(long jvmNanos, long dbNanos, long tomcatNanos) {

        /** Set on MariaDB: the server's CPU counts (on H2 the database is in this JVM). */
        static volatile boolean withDbServer;

        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long tomcat = 0;
            for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t != null && t.getThreadName().startsWith("http-nio") && t.getThreadName().contains("-exec-")) {
                    tomcat += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
                }
            }
            return new Cpu(jvm, withDbServer ? dbServerCpuNanos() : -1, tomcat);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvmNanos - earlier.jvmNanos, dbNanos < 0 || earlier.dbNanos < 0 ? -1 : dbNanos - earlier.dbNanos,
                    tomcatNanos - earlier.tomcatNanos);
        }

        /** utime + stime of the mariadbd/mysqld process from /proc (clock ticks of 10 ms on Linux). */
        private static long dbServerCpuNanos() {
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) procs::iterator) {
                    if (!p.getFileName().toString().matches("\\d+")) {
                        continue;
                    }
                    try {
                        String comm = java.nio.file.Files.readString(p.resolve("comm")).trim();
                        if (comm.equals("mariadbd") || comm.equals("mysqld")) {
                            String stat = java.nio.file.Files.readString(p.resolve("stat"));
                            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L;
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended while we looked
                    }
                }
            } catch (java.io.IOException e) {
                return -1;
            }
            return -1;
        }
    }

    static final int LIMIT_TAKES = 50;

    /**
     * The default vote limit (30 per address per 10 minutes) taken {@link #LIMIT_TAKES} times in parallel for one
     * address, alternating between this node's and the second node's bucket store (each node's own Bucket4j proxy
     * manager and connection pool, one table): {allowed, refused}.
     */
    private int[] limitAcrossNodes(ConfigurableApplicationContext second) throws Exception {
        PortalLimitSettings defaults = new PortalLimitSettings(null, null, null);
        PortalLimits[] nodes = {new PortalLimits(store, defaults),
                new PortalLimits(second.getBean(PortalLimitStore.class), defaults)};
        String ip = "198.51.100." + (System.nanoTime() % 200);
        long campaignId = -System.nanoTime(); // a bucket of its own, no campaign needed
        AtomicInteger allowed = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> takes = new ArrayList<>();
            for (int i = 0; i < LIMIT_TAKES; i++) {
                PortalLimits node = nodes[i % 2];
                takes.add(pool.submit(() -> {
                    try {
                        node.vote(campaignId, ip);
                        allowed.incrementAndGet();
                    } catch (io.laurel.web.ApiException e) {
                        assertThat(e.status().value()).isEqualTo(429);
                        refused.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : takes) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new int[] {allowed.get(), refused.get()};
    }

    // ------------------------------------------------------------------------------------------ helpers

    private interface Task {
        Object run(int i) throws Exception;
    }

    private static void parallel(int n, Task task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.run(index)));
            }
            for (Future<Object> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
