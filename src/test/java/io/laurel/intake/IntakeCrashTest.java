package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 15 point 1: a real Laurel process (a JVM of its own, started from target/classes and the dependency
 * jars) takes packages from an external GreenMail (SMTP + IMAP, in this JVM) and is killed with SIGKILL at
 * random points of intake: during start-up and recovery, right after a package is dispatched, right after a
 * receipt goes out, and at random delays; every fourth stop is a SIGTERM under the same load instead (a clean
 * stop must never damage the database). Each restart must open the database again. At the end every package
 * is registered exactly once, every original is in the file store with its hash, every sender has an answer,
 * and receipt duplicates are counted and printed; each receipt carries its idempotency key (Message-ID
 * {@code <outbox-ROW.SECOND@domain>}), the same on a duplicate. On H2 (the default) always; on MariaDB when
 * LAUREL_TEST_DB_URL is set. {@code -Dcrash.kills=N} per database (default: 12 on H2 alone, 6 on each when
 * MariaDB is there too: 12 in total, which keeps CI's run under its time limit; 20+ by hand with -Dcrash.kills), {@code -Dcrash.seed=S} to replay a run.
 */
@Tag("crash")
class IntakeCrashTest {

    static final String MAILBOX = "awards@laurel.local";
    static final String MAILBOX_PASSWORD = "crash-secret";
    static final Pattern OUTBOX_ID = Pattern.compile("<outbox-\\d+\\.\\d+@laurel\\.local>");
    static final Duration START_LIMIT = Duration.ofMinutes(5); // a first start on MariaDB creates the schema
    static final Duration FINISH_LIMIT = Duration.ofMinutes(3);

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort()});

    /** Class path of the Laurel processes: the application classes as a jar, then the dependency jars. */
    static String classPath;
    /** Class-data sharing for the Laurel processes, from a training start (empty when that failed). */
    static List<String> cdsFlags = List.of();

    /**
     * Each cycle is one start of Laurel, so start-up time is most of this test's time. The application classes go
     * into a jar (class-data sharing archives classes from jars only) and one training start writes a CDS archive
     * ({@code -XX:ArchiveClassesAtExit}); measured here: 20 s instead of 26 s per start on the loaded 2-core machine.
     * {@code -Dcrash.cds=false} starts without it.
     */
    @BeforeAll
    static void prepareLaunch() throws Exception {
        Path base = Files.createDirectories(Path.of("target", "crash-test").toAbsolutePath());
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path jar = base.resolve("laurel-classes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                var files = Files.walk(classes)) {
            for (Path f : files.filter(f -> !f.equals(classes)).sorted().toList()) {
                String name = classes.relativize(f).toString().replace(File.separatorChar, '/');
                // directory entries too: Flyway and Spring look resources up by directory (db/migration, processes)
                out.putNextEntry(new JarEntry(Files.isDirectory(f) ? name + "/" : name));
                if (Files.isRegularFile(f)) {
                    Files.copy(f, out);
                }
                out.closeEntry();
            }
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        appClassPath().stream().filter(e -> e.endsWith(".jar")).forEach(entries::add);
        classPath = String.join(File.pathSeparator, entries);
        if (!Boolean.parseBoolean(System.getProperty("crash.cds", "true"))) {
            return;
        }
        Path archive = base.resolve("laurel.jsa");
        Files.deleteIfExists(archive);
        Path dir = freshDir("cds-training");
        List<String> command = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-Xmx768m",
                "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-Dfile.encoding=UTF-8",
                "-Duser.timezone=UTC", "-cp", classPath, "io.laurel.LaurelApplication",
                "--spring.profiles.active=demo", "--server.port=0", "--laurel.data-dir=" + dir.resolve("data"),
                "--laurel.mail.embedded.smtp-port=0", "--laurel.mail.embedded.imap-port=0",
                "--camunda.bpm.webapp.enabled=false"));
        Process training = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("training.log").toFile()).start();
        if (!training.waitFor(4, TimeUnit.MINUTES)) {
            training.destroyForcibly().waitFor();
        }
        if (Files.exists(archive)) {
            cdsFlags = List.of("-XX:SharedArchiveFile=" + archive);
        } else {
            System.out.println("Crash test: no CDS archive (see " + dir.resolve("training.log") + "), starting without");
        }
    }

    @Test
    void h2_loses_no_package_and_registers_none_twice_across_sigkills() throws Exception {
        Path dir = freshDir("h2");
        String url = "jdbc:h2:file:" + dir.resolve("data/db/laurel").toAbsolutePath()
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0";
        int kills = Integer.getInteger("crash.kills", System.getenv("LAUREL_TEST_DB_URL") == null ? 12 : 6);
        new CrashRun("H2", dir, List.of("--spring.profiles.active=demo", "--laurel.demo.launch-campaign=false"),
                Map.of(), url, "sa", "", "demo", "demo", kills).run();
    }

    @Test
    void mariadb_loses_no_package_and_registers_none_twice_across_sigkills() throws Exception {
        String url = System.getenv("LAUREL_TEST_DB_URL");
        assumeTrue(url != null && !url.isBlank(), "LAUREL_TEST_DB_URL is not set");
        String user = System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root");
        String password = System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", "");
        url = freshDatabase(url, user, password);
        Path dir = freshDir("mariadb");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LAUREL_DB_URL", url);
        env.put("LAUREL_DB_USER", user);
        // RequiredSettings refuses an empty LAUREL_DB_PASSWORD; a root without password comes in as an argument
        env.put("LAUREL_DB_PASSWORD", password.isEmpty() ? "see --spring.datasource.password" : password);
        env.put("LAUREL_PUBLIC_BASE_URL", "http://localhost:8080");
        env.put("LAUREL_ADMIN_USER", "crashadmin");
        env.put("LAUREL_ADMIN_PASSWORD", "crash-admin-secret");
        env.put("LAUREL_SMTP_HOST", "127.0.0.1");
        env.put("LAUREL_SMTP_AUTH", "false");
        env.put("LAUREL_SMTP_STARTTLS", "false");
        env.put("LAUREL_MAIL_FROM", "Laurel <awards@laurel.local>");
        env.put("LAUREL_IMAP_HOST", "127.0.0.1");
        env.put("LAUREL_IMAP_USER", MAILBOX);
        env.put("LAUREL_IMAP_PASSWORD", MAILBOX_PASSWORD);
        env.put("LAUREL_IMAP_SSL", "false");
        int kills = Integer.getInteger("crash.kills", 6);
        new CrashRun("MariaDB", dir, List.of("--spring.profiles.active=mysql", "--spring.datasource.password=" + password),
                env, url, user, password,
                "crashadmin", "crash-admin-secret", kills).run();
    }

    /** One database's run: mail, start, kill, restart ... then finish, stop and check. */
    static final class CrashRun {
        final String name;
        final Path dir;
        final List<String> profileArgs;
        final Map<String, String> env;
        final String jdbcUrl;
        final String dbUser;
        final String dbPassword;
        final String admin;
        final String adminPassword;
        final int kills;
        final long seed = Long.getLong("crash.seed", System.nanoTime());
        final Random random = new Random(seed);
        final List<String> senders = new ArrayList<>();
        final Map<String, String> applicantOf = new LinkedHashMap<>();
        final List<String> killLog = new ArrayList<>();
        int starts;
        int sigterms;
        double lastStartSeconds = 20;

        CrashRun(String name, Path dir, List<String> profileArgs, Map<String, String> env, String jdbcUrl,
                String dbUser, String dbPassword, String admin, String adminPassword, int kills) {
            this.name = name;
            this.dir = dir;
            this.profileArgs = profileArgs;
            this.env = env;
            this.jdbcUrl = jdbcUrl;
            this.dbUser = dbUser;
            this.dbPassword = dbPassword;
            this.admin = admin;
            this.adminPassword = adminPassword;
            this.kills = kills;
        }

        void run() throws Exception {
            long begin = System.nanoTime();
            mail.setUser(MAILBOX, MAILBOX, MAILBOX_PASSWORD);
            System.out.printf("Crash test %s: %d SIGKILLs, seed %d (-Dcrash.seed=%d replays it)%n", name, kills, seed,
                    seed);
            int killed = 0;
            int cycle = 0;
            while (killed < kills) {
                cycle++;
                boolean sigterm = cycle % 4 == 0;
                boolean first = cycle == 1;
                if (!first) {
                    mailPackages(2 + random.nextInt(2));
                }
                try (Laurel laurel = start()) {
                    if (first) { // an open campaign to send packages to, then the first packages
                        laurel.awaitStarted();
                        laurel.createCampaign();
                        mailPackages(3);
                    }
                    String point = laurel.waitForRandomPoint(random, sigterm || first);
                    if (sigterm) {
                        laurel.stop();
                        sigterms++;
                        killLog.add("SIGTERM " + point);
                    } else {
                        laurel.kill();
                        killed++;
                        killLog.add("SIGKILL " + point);
                    }
                }
            }
            // last start: everything still open finishes; then a clean stop and the checks
            try (Laurel laurel = start()) {
                laurel.awaitStarted();
                awaitAnswers(laurel);
                laurel.stop();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            check(seconds);
        }

        Laurel start() throws IOException {
            starts++;
            return new Laurel(this, starts);
        }

        void mailPackages(int count) throws Exception {
            for (int i = 0; i < count; i++) {
                int n = senders.size() + 1;
                String from = "unit" + n + "-" + Long.toHexString(seed & 0xffff) + "@unit.example";
                String applicant = "崩溃测试" + n;
                // One unit per package: seed 000 allows a unit 3 applicants per award across all its mails.
                PackageZip unitZip = PackageZip.gbk().forUnit("崩溃测试单位" + n);
                byte[] zip = unitZip.applicant("精英客服奖", applicant)
                        .unitFiles(new String[][] {{applicant, "客服", "1", "c" + n + "@x", "2019年度精英客服奖"}})
                        .bytes();
                Properties props = new Properties();
                props.put("mail.smtp.host", "127.0.0.1");
                props.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
                Session session = Session.getInstance(props);
                MimeMessage message = new MimeMessage(session);
                message.setFrom(new InternetAddress(from));
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
                message.setSubject("申报资料 " + n, "UTF-8");
                MimeMultipart multipart = new MimeMultipart();
                MimeBodyPart text = new MimeBodyPart();
                text.setText("请查收。", "UTF-8");
                multipart.addBodyPart(text);
                MimeBodyPart file = new MimeBodyPart();
                file.setDataHandler(new DataHandler(new ByteArrayDataSource(zip, "application/zip")));
                file.setFileName(MimeUtility.encodeText(unitZip.archive() + ".zip", "UTF-8", "B"));
                multipart.addBodyPart(file);
                message.setContent(multipart);
                Transport.send(message);
                senders.add(from);
                applicantOf.put(from, applicant);
            }
        }

        /** Waits until every sender has an answer and no mail is left to send. */
        void awaitAnswers(Laurel laurel) throws Exception {
            long deadline = System.nanoTime() + FINISH_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                laurel.assertAlive();
                if (senders.stream().allMatch(s -> !received(s).isEmpty())) {
                    Thread.sleep(2000); // a due retry of a receipt may still go out: count it too
                    return;
                }
                Thread.sleep(250);
            }
            List<String> unanswered = senders.stream().filter(s -> received(s).isEmpty()).toList();
            throw new AssertionError(name + ": no answer within " + FINISH_LIMIT + " for " + unanswered + ", see "
                    + laurel.log);
        }

        List<MimeMessage> received(String address) {
            return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
                } catch (Exception e) {
                    return false;
                }
            }).toList();
        }

        void check(double seconds) throws Exception {
            int duplicates = 0;
            int receipts = 0;
            try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword)) {
                for (String from : senders) {
                    // one package, one registration
                    assertThat(count(db, "select count(*) from intake_package where sender = ?", from))
                            .as("%s: packages from %s", name, from).isEqualTo(1);
                    assertThat(count(db, "select count(*) from intake_message where sender = ?", from))
                            .as("%s: stored messages from %s", name, from).isEqualTo(1);
                    assertThat(count(db, "select count(*) from intake_package where sender = ? and status = 'REGISTERED'",
                            from)).as("%s: registered package from %s", name, from).isEqualTo(1);
                    assertThat(count(db, "select count(*) from nomination where candidate_name = ?", applicantOf.get(from)))
                            .as("%s: nominations of %s", name, applicantOf.get(from)).isEqualTo(1);
                    // every answer is a receipt carrying the idempotency key of one outbox row
                    List<MimeMessage> answers = received(from);
                    assertThat(answers).as("%s: answers to %s", name, from).isNotEmpty();
                    List<String> ids = new ArrayList<>();
                    for (MimeMessage answer : answers) {
                        assertThat(answer.getSubject()).as(name).contains("回执");
                        assertThat(answer.getMessageID()).as(name).matches(OUTBOX_ID);
                        ids.add(answer.getMessageID());
                    }
                    assertThat(ids.stream().distinct().count()).as("%s: receipts to %s are copies of one mail: %s",
                            name, from, ids).isEqualTo(1);
                    receipts += answers.size();
                    duplicates += answers.size() - 1;
                }
                // every original kept, with the hash it was stored under
                int originals = 0;
                try (ResultSet rows = db.createStatement().executeQuery(
                        "select eml_location, eml_sha256 from intake_message")) {
                    while (rows.next()) {
                        assertStored(rows.getString(1), rows.getString(2));
                        originals++;
                    }
                }
                try (ResultSet rows = db.createStatement().executeQuery(
                        "select storage_location, sha256 from intake_file")) {
                    while (rows.next()) {
                        assertStored(rows.getString(1), rows.getString(2));
                        originals++;
                    }
                }
                assertThat(originals).isGreaterThanOrEqualTo(senders.size() * 2);
                System.out.printf("Crash test %s: %d packages, %d SIGKILLs (all exit 137) and %d SIGTERM stops in %d "
                        + "starts, %.0f s; lost 0, registered twice 0, originals kept %d/%d; receipts %d for %d "
                        + "packages, duplicates %d (same Message-ID)%n", name, senders.size(), kills, sigterms, starts,
                        seconds, originals, originals, receipts, senders.size(), duplicates);
                killLog.forEach(k -> System.out.println("  " + name + " " + k));
            }
        }

        void assertStored(String location, String sha256) throws Exception {
            Path file = dir.resolve("data/files").resolve(location);
            assertThat(file).as("%s: original %s", name, location).isRegularFile();
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    digest.update(buffer, 0, n);
                }
            }
            assertThat(HexFormat.of().formatHex(digest.digest())).as("%s: hash of %s", name, location).isEqualTo(sha256);
        }

        static long count(Connection db, String sql, String arg) throws Exception {
            try (var statement = db.prepareStatement(sql)) {
                statement.setString(1, arg);
                try (ResultSet r = statement.executeQuery()) {
                    r.next();
                    return r.getLong(1);
                }
            }
        }
    }

    /** One Laurel process; its output goes to a log file that the kill triggers read. */
    static final class Laurel implements AutoCloseable {
        final CrashRun run;
        final Path log;
        final int port;
        final Process process;
        final long startedAt = System.nanoTime();

        Laurel(CrashRun run, int number) throws IOException {
            this.run = run;
            this.log = run.dir.resolve("laurel-" + number + ".log");
            this.port = freePort();
            List<String> command = new ArrayList<>(List.of(javaBin(), "-XX:TieredStopAtLevel=1", "-Xmx768m"));
            command.addAll(cdsFlags);
            command.addAll(List.of("-Dfile.encoding=UTF-8", "-Duser.timezone=UTC", "-cp", classPath,
                    "io.laurel.LaurelApplication"));
            command.addAll(run.profileArgs);
            command.addAll(List.of("--server.port=" + port,
                    "--laurel.data-dir=" + run.dir.resolve("data").toAbsolutePath(),
                    "--camunda.bpm.webapp.enabled=false",
                    "--management.endpoint.health.probes.enabled=true",
                    "--laurel.mail.embedded.enabled=false",
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
                    "--laurel.mail.imap.host=127.0.0.1", "--laurel.mail.imap.port=" + mail.getImap().getPort(),
                    "--laurel.mail.imap.user=" + MAILBOX, "--laurel.mail.imap.password=" + MAILBOX_PASSWORD,
                    "--laurel.mail.imap.ssl=false",
                    "--laurel.intake.polling.enabled=true", "--laurel.intake.polling.interval=PT1S",
                    "--laurel.intake.polling.initial-delay=PT0S", "--laurel.intake.polling.lease=PT3S",
                    "--laurel.mail.retry.poll-interval=PT1S", "--laurel.mail.retry.lease=PT5S",
                    // a job locked by a killed node waits for its lock to run out (5 minutes by default)
                    "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                    "--camunda.bpm.job-execution.max-wait=1000"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(run.dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(run.env);
            this.process = builder.start();
        }

        /** Ready: the context is up and its start-up runners (demo data, authorizations) are done. */
        void awaitStarted() throws Exception {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            HttpRequest readiness = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build();
            long deadline = System.nanoTime() + START_LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                assertAlive();
                try {
                    HttpResponse<String> answer = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                        run.lastStartSeconds = (System.nanoTime() - startedAt) / 1e9;
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(100);
            }
            throw new AssertionError("Not ready within " + START_LIMIT + ", see " + log);
        }

        /** Waits for one of the kill points, chosen at random; answers what it waited for. */
        String waitForRandomPoint(Random random, boolean notInStartUp) throws Exception {
            int choice = random.nextInt(notInStartUp ? 3 : 4);
            long extraMillis = random.nextInt(1500);
            switch (choice) {
                case 0 -> {
                    awaitLine(Pattern.compile("started package"), START_LIMIT);
                    long d = random.nextInt(400);
                    Thread.sleep(d);
                    return "dispatch + " + d + " ms";
                }
                case 1 -> {
                    awaitLine(Pattern.compile("Mail \\d+ '.*' sent to"), START_LIMIT);
                    long d = random.nextInt(300);
                    Thread.sleep(d);
                    return "a receipt sent + " + d + " ms";
                }
                case 2 -> {
                    awaitStarted();
                    Thread.sleep(extraMillis);
                    return "start-up + " + extraMillis + " ms";
                }
                default -> {
                    // during start-up and recovery: a random share of the last start-up time
                    long d = (long) (run.lastStartSeconds * 1000 * (0.5 + random.nextDouble() * 0.5));
                    Thread.sleep(d);
                    assertAlive();
                    return "start-up/recovery at " + d + " ms";
                }
            }
        }

        void awaitLine(Pattern pattern, Duration limit) throws Exception {
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                assertAlive();
                if (Files.exists(log) && pattern.matcher(Files.readString(log, StandardCharsets.UTF_8)).find()) {
                    return;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("No '" + pattern + "' within " + limit + " in " + log);
        }

        void assertAlive() {
            if (!process.isAlive()) {
                throw new AssertionError("Laurel exited with " + process.exitValue() + " (did the database open?), see "
                        + log);
            }
        }

        void createCampaign() throws Exception {
            String auth = Base64.getEncoder().encodeToString((run.admin + ":" + run.adminPassword)
                    .getBytes(StandardCharsets.UTF_8));
            String body = "{\"preset\":\"most-beautiful-cs-2019\",\"startsOn\":\"" + LocalDate.now().minusDays(10) + "\"}";
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/campaigns")).header("Authorization", "Basic " + auth)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        }

        /** SIGKILL: on Linux {@link Process#destroyForcibly()} sends signal 9, so the exit status is 128 + 9. */
        void kill() throws Exception {
            process.destroyForcibly();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed with SIGKILL").isEqualTo(137);
        }

        /** SIGTERM: Spring closes the context (the pool, then H2) and the JVM exits. */
        void stop() throws Exception {
            process.destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s, see " + log).isTrue();
            assertThat(process.exitValue()).as("SIGTERM exit, see " + log).isIn(0, 143);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(output).as("H2 closed by its own hook while Laurel stopped, see " + log)
                    .doesNotContain("Database is already closed");
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    static Path freshDir(String name) throws IOException {
        Path dir = Path.of("target", "crash-test", name).toAbsolutePath();
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
        return Files.createDirectories(dir);
    }

    /** The test class path without the test classes (surefire's own JVM starts from a manifest-only jar). */
    static List<String> appClassPath() {
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.contains("surefire")).toList();
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A database of its own next to the test database ({@code <name>_crash}, made anew): the other MySQL tests keep
     * their cached application contexts on the test database, so its tables must not be dropped under them.
     */
    static String freshDatabase(String url, String user, String password) throws Exception {
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        int query = url.indexOf('?', slash);
        String name = (query < 0 ? url.substring(slash + 1) : url.substring(slash + 1, query)) + "_crash";
        String crashUrl = url.substring(0, slash + 1) + name + (query < 0 ? "" : url.substring(query));
        try (Connection db = DriverManager.getConnection(url, user, password); var s = db.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS `" + name + "`");
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return crashUrl;
    }
}
