package io.laurel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import laurelbench.BareCamundaApplication;
import org.junit.jupiter.api.Test;

/**
 * P5 of issue 8: start-up time to /actuator/health UP, Laurel against a bare Camunda starter application
 * measured in the same run. Each start is a fresh JVM with a fresh temporary data directory (new H2 file
 * database) on free ports; runs alternate between the two so load from other processes hits both alike.
 * Laurel runs as deployed, {@code java -jar target/laurel-*.jar} with the demo profile (build it first:
 * {@code ./mvnw -o -q package -DskipTests}); the baseline is {@link BareCamundaApplication} on the test
 * classpath. Also one start of Laurel without demo data, to show what the demo data costs.
 * Run with {@code ./mvnw -o -Pbench test -Dtest=StartupBenchmark}. Times are printed, never asserted.
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int RUNS = Integer.getInteger("bench.startupRuns", 3);
    static final Duration LIMIT = Duration.ofMinutes(4);
    static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
    static final List<String> JVM = List.of("-Xms256m", "-Xmx1g", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC");

    record Start(double toHealthUp, double springReported) {
    }

    @Test
    void laurelAgainstBareCamunda() throws Exception {
        Path jar = laurelJar();
        Map<String, List<Start>> results = new LinkedHashMap<>();
        results.put("bare Camunda starter (engine, H2, web, actuator)", new ArrayList<>());
        results.put("Laurel, demo profile (java -jar)", new ArrayList<>());
        for (int run = 0; run < RUNS; run++) {
            results.get("bare Camunda starter (engine, H2, web, actuator)").add(bare());
            results.get("Laurel, demo profile (java -jar)").add(laurel(jar, List.of()));
        }
        if (!Boolean.getBoolean("bench.skipBreakdown")) {
            results.put("Laurel, demo profile without demo data (1 run)",
                    List.of(laurel(jar, List.of("--laurel.demo.enabled=false"))));
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "P5 start-up to /actuator/health UP: %d runs each, %d cores, Java %s%n",
                RUNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(String.format(Locale.ROOT, "%-52s | %22s | %22s | %s%n", "application", "median s to health UP",
                "median s Spring 'Started'", "runs (s to UP)"));
        double bareMedian = 0;
        double laurelMedian = 0;
        for (var entry : results.entrySet()) {
            double up = median(entry.getValue().stream().mapToDouble(Start::toHealthUp).toArray());
            double spring = median(entry.getValue().stream().mapToDouble(Start::springReported).toArray());
            if (entry.getKey().startsWith("bare")) {
                bareMedian = up;
            } else if (entry.getKey().equals("Laurel, demo profile (java -jar)")) {
                laurelMedian = up;
            }
            out.append(String.format(Locale.ROOT, "%-52s | %22.2f | %22.2f | %s%n", entry.getKey(), up, spring,
                    entry.getValue().stream().map(s -> String.format(Locale.ROOT, "%.2f", s.toHealthUp())).toList()));
        }
        out.append(String.format(Locale.ROOT, "ratio Laurel / bare: %.2f× (target ≤ 1.3×: %s)%n", laurelMedian / bareMedian,
                laurelMedian / bareMedian <= 1.3 ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "load average at the end: %.2f (other processes share the cores)%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        BenchTable.row("P5 start-up", "Laurel demo profile, java -jar, to health UP (median of " + RUNS + ")",
                BenchTable.f("%.1f s", laurelMedian), BenchTable.f("bare Camunda starter: %.1f s", bareMedian),
                BenchTable.f("%.2f×", laurelMedian / bareMedian), "≤ 1.3×", laurelMedian / bareMedian <= 1.3 ? "yes" : "no");
        System.out.print(out);
        Files.writeString(Path.of("target/benchmark-startup.txt"), out, StandardCharsets.UTF_8);
        assertThat(bareMedian).isPositive();
    }

    private Start bare() throws Exception {
        Path dir = Files.createTempDirectory("laurel-bench-bare");
        int port = freePort();
        List<String> command = new ArrayList<>(java());
        command.add("-Dbench.dir=" + dir);
        command.addAll(List.of("-cp", testClassPath(), BareCamundaApplication.class.getName(),
                "--spring.config.location=classpath:bench/bare-camunda.yml", "--server.port=" + port));
        return deleteAfter(dir, start("bare", command, dir, port));
    }

    private Start laurel(Path jar, List<String> extra) throws Exception {
        Path dir = Files.createTempDirectory("laurel-bench-laurel");
        int port = freePort();
        List<String> command = new ArrayList<>(java());
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(), "--spring.profiles.active=demo", "--server.port=" + port,
                "--laurel.data-dir=" + dir, "--laurel.mail.embedded.smtp-port=" + freePort(),
                "--laurel.mail.embedded.imap-port=" + freePort()));
        command.addAll(extra);
        return deleteAfter(dir, start("laurel", command, dir, port));
    }

    private Start start(String name, List<String> command, Path dir, int port) throws Exception {
        Path log = dir.resolve(name + ".log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue() + ", see " + log);
                }
                if (System.nanoTime() - begin > LIMIT.toNanos()) {
                    throw new IllegalStateException(name + " not UP within " + LIMIT + ", see " + log);
                }
                try {
                    HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200 && response.body().contains("\"UP\"")) {
                        double seconds = (System.nanoTime() - begin) / 1e9;
                        return new Start(seconds, springReported(log));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /** A start that reached UP leaves nothing behind; a failed one keeps its directory and log for reading. */
    private static Start deleteAfter(Path dir, Start start) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return start;
    }

    private static double springReported(Path log) throws IOException {
        Matcher m = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static List<String> java() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        return command;
    }

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** The packaged application; the benchmark is skipped (not failed) when it has not been built. */
    private static Path laurelJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            var jar = files.filter(p -> p.getFileName().toString().matches("laurel-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst();
            assumeTrue(jar.isPresent(), "target/laurel-*.jar missing: run ./mvnw -o -q package -DskipTests first");
            return jar.get();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
