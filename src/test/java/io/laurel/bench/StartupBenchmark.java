package io.laurel.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
 * Extra rows, in the same alternation: Laurel from Spring Boot's extracted layout ({@code -Djarmode=tools
 * extract}), and both applications with {@code -XX:TieredStopAtLevel=1} (a development flag); skip them with
 * {@code -Dbench.startupSkipVariants=true}. With {@code -Dbench.startupCds=true} also both with class-data
 * sharing (AppCDS), each from an archive of its own training run. Besides the wall time each start reports
 * the CPU seconds the process used until UP, which moves far less with the load of other processes.
 * Run with {@code ./mvnw -o -Pbench test -Dtest=StartupBenchmark}. Times are printed, never asserted.
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int RUNS = Integer.getInteger("bench.startupRuns", 3);
    static final Duration LIMIT = Duration.ofMinutes(4);
    static final Pattern STARTED = Pattern.compile("Started \\w+ in ([0-9.]+) seconds");
    static final List<String> JVM = List.of("-Xms256m", "-Xmx1g", "-Dfile.encoding=UTF-8", "-Duser.timezone=UTC");

    /** Seconds to health UP, Spring's own "Started ... in" figure, and the CPU seconds the process had used at UP. */
    record Start(double toHealthUp, double springReported, double cpuSeconds) {
    }

    /** One way of starting an application; the runs of all variants alternate. */
    record Variant(String name, Launcher launcher) {
    }

    interface Launcher {
        Start start() throws Exception;
    }

    static final String BARE = "bare Camunda starter (engine, H2, web, actuator)";
    static final String LAUREL = "Laurel, demo profile (java -jar)";
    static final String LAUREL_EXTRACTED = "Laurel, demo profile, extracted jar (plain jars on the class path)";
    static final String BARE_C1 = "bare Camunda starter, -XX:TieredStopAtLevel=1 (dev flag)";
    static final String LAUREL_C1 = "Laurel, demo profile (java -jar), -XX:TieredStopAtLevel=1 (dev flag)";
    static final String BARE_CDS = "bare Camunda starter, AppCDS (as a jar, trained archive)";
    static final String LAUREL_CDS = "Laurel, demo profile, extracted jar + AppCDS (trained archive)";

    @Test
    void laurelAgainstBareCamunda() throws Exception {
        Path jar = laurelJar();
        boolean variants = !Boolean.getBoolean("bench.startupSkipVariants");
        List<Variant> plan = new ArrayList<>();
        plan.add(new Variant(BARE, () -> bare(List.of(), testClassPath())));
        plan.add(new Variant(LAUREL, () -> laurel(List.of(), List.of("-jar", jar.toAbsolutePath().toString()), List.of())));
        if (variants) {
            // Spring Boot's own "unpacked" layout (-Djarmode=tools extract): the application jar and its libraries
            // as plain jars, as spring-boot:run and the bare baseline load them, instead of jars nested in the jar.
            Path extracted = extract(jar);
            plan.add(new Variant(LAUREL_EXTRACTED,
                    () -> laurel(List.of(), List.of("-jar", extracted.toAbsolutePath().toString()), List.of())));
            // C1 only: a development trick (no C2, slower code once warm), given to both applications alike.
            plan.add(new Variant(BARE_C1, () -> bare(List.of("-XX:TieredStopAtLevel=1"), testClassPath())));
            plan.add(new Variant(LAUREL_C1, () -> laurel(List.of("-XX:TieredStopAtLevel=1"),
                    List.of("-jar", jar.toAbsolutePath().toString()), List.of())));
        }
        boolean cds = Boolean.getBoolean("bench.startupCds");
        if (cds) {
            // Class-data sharing for both, each with an archive from its own training run (Spring Boot's
            // -Dspring.context.exit=onRefresh). CDS only archives classes from jars, so the baseline runs from a
            // jar of its class and settings plus the dependency jars, and Laurel from the extracted layout.
            Path cdsDir = Files.createDirectories(Path.of("target", "startup-cds").toAbsolutePath());
            String bareCp = bareJarClassPath(cdsDir);
            Path bareArchive = train(cdsDir.resolve("bare.jsa"), "laurel-bench-bare",
                    (flags, dir) -> bareCommand(flags, bareCp, dir, 0));
            Path laurelJar = extract(jar);
            Path laurelArchive = train(cdsDir.resolve("laurel.jsa"), "laurel-bench-laurel", (flags, dir) -> laurelCommand(flags,
                    List.of("-jar", laurelJar.toString()), dir, 0, List.of()));
            plan.add(new Variant(BARE_CDS, () -> bare(List.of("-XX:SharedArchiveFile=" + bareArchive), bareCp)));
            plan.add(new Variant(LAUREL_CDS, () -> laurel(List.of("-XX:SharedArchiveFile=" + laurelArchive),
                    List.of("-jar", laurelJar.toString()), List.of())));
        }
        Map<String, List<Start>> results = new LinkedHashMap<>();
        plan.forEach(v -> results.put(v.name(), new ArrayList<>()));
        for (int run = 0; run < RUNS; run++) {
            for (Variant v : plan) {
                results.get(v.name()).add(v.launcher().start());
            }
        }
        if (!Boolean.getBoolean("bench.skipBreakdown")) {
            results.put("Laurel, demo profile without demo data (1 run)", List.of(
                    laurel(List.of(), List.of("-jar", jar.toAbsolutePath().toString()), List.of("--laurel.demo.enabled=false"))));
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "P5 start-up to /actuator/health UP: %d runs each, %d cores, Java %s%n",
                RUNS, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        out.append(String.format(Locale.ROOT, "%-70s | %9s | %9s | %9s | %s%n", "application", "s to UP",
                "'Started'", "CPU s", "runs (s to UP / CPU s)"));
        Map<String, double[]> medians = new LinkedHashMap<>();
        for (var entry : results.entrySet()) {
            double up = median(entry.getValue().stream().mapToDouble(Start::toHealthUp).toArray());
            double spring = median(entry.getValue().stream().mapToDouble(Start::springReported).toArray());
            double cpu = median(entry.getValue().stream().mapToDouble(Start::cpuSeconds).toArray());
            medians.put(entry.getKey(), new double[] {up, cpu});
            out.append(String.format(Locale.ROOT, "%-70s | %9.2f | %9.2f | %9.1f | %s%n", entry.getKey(), up, spring, cpu,
                    entry.getValue().stream().map(s -> String.format(Locale.ROOT, "%.2f/%.1f", s.toHealthUp(), s.cpuSeconds()))
                            .toList()));
        }
        double bareMedian = medians.get(BARE)[0];
        double laurelMedian = medians.get(LAUREL)[0];
        out.append(String.format(Locale.ROOT, "ratio Laurel / bare: %.2f× to UP, %.2f× CPU (target ≤ 1.3×: %s)%n",
                laurelMedian / bareMedian, medians.get(LAUREL)[1] / medians.get(BARE)[1],
                laurelMedian / bareMedian <= 1.3 ? "met" : "NOT met"));
        out.append(String.format(Locale.ROOT, "load average at the end: %.2f (other processes share the cores)%n",
                BenchTable.loadAverage()));
        row(LAUREL + " to health UP (median of " + RUNS + ")", medians.get(LAUREL), medians.get(BARE), true);
        if (variants) {
            row(LAUREL_EXTRACTED + " to health UP (median of " + RUNS + ")", medians.get(LAUREL_EXTRACTED),
                    medians.get(BARE), true);
            row("both with -XX:TieredStopAtLevel=1 (dev flag, not a production setting), Laurel java -jar (median of "
                    + RUNS + ")", medians.get(LAUREL_C1), medians.get(BARE_C1), false);
        }
        if (cds) {
            row("both with AppCDS (trained archives; Laurel extracted, the baseline as a jar) (median of " + RUNS + ")",
                    medians.get(LAUREL_CDS), medians.get(BARE_CDS), false);
        }
        System.out.print(out);
        Files.writeString(Path.of("target/benchmark-startup.txt"), out, StandardCharsets.UTF_8);
        assertThat(bareMedian).isPositive();
    }

    /** A row for the one table: seconds to UP with the same-run baseline, and the CPU seconds beside it. */
    private static void row(String figure, double[] laurel, double[] bare, boolean againstTarget) {
        double ratio = laurel[0] / bare[0];
        BenchTable.row("P5 start-up", figure,
                BenchTable.f("%.1f s (CPU %.1f s)", laurel[0], laurel[1]),
                BenchTable.f("bare Camunda starter: %.1f s (CPU %.1f s)", bare[0], bare[1]),
                BenchTable.f("%.2f× (CPU %.2f×)", ratio, laurel[1] / bare[1]),
                againstTarget ? "≤ 1.3×" : "", againstTarget ? (ratio <= 1.3 ? "yes" : "no") : "");
    }

    /** Spring Boot's unpacked layout of the packaged jar, made afresh for this run. */
    private static Path extract(Path jar) throws Exception {
        Path destination = Path.of("target", "startup-extracted").toAbsolutePath();
        Process p = new ProcessBuilder(java().get(0), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", destination.toString(), "--force").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES) && p.exitValue() == 0).as("jarmode=tools extract").isTrue();
        return destination.resolve(jar.getFileName());
    }

    private Start bare(List<String> jvmFlags, String classPath) throws Exception {
        Path dir = Files.createTempDirectory("laurel-bench-bare");
        int port = freePort();
        return deleteAfter(dir, start("bare", bareCommand(jvmFlags, classPath, dir, port), dir, port));
    }

    private static List<String> bareCommand(List<String> jvmFlags, String classPath, Path dir, int port) {
        List<String> command = new ArrayList<>(java());
        command.addAll(jvmFlags);
        command.add("-Dbench.dir=" + dir);
        command.addAll(List.of("-cp", classPath, BareCamundaApplication.class.getName(),
                "--spring.config.location=classpath:bench/bare-camunda.yml", "--server.port=" + port));
        return command;
    }

    private Start laurel(List<String> jvmFlags, List<String> launch, List<String> extra) throws Exception {
        Path dir = Files.createTempDirectory("laurel-bench-laurel");
        int port = freePort();
        return deleteAfter(dir, start("laurel", laurelCommand(jvmFlags, launch, dir, port, extra), dir, port));
    }

    private static List<String> laurelCommand(List<String> jvmFlags, List<String> launch, Path dir, int port,
            List<String> extra) throws IOException {
        List<String> command = new ArrayList<>(java());
        command.addAll(jvmFlags);
        command.addAll(launch);
        command.addAll(List.of("--spring.profiles.active=demo", "--server.port=" + port,
                "--laurel.data-dir=" + dir, "--laurel.mail.embedded.smtp-port=" + freePort(),
                "--laurel.mail.embedded.imap-port=" + freePort()));
        command.addAll(extra);
        return command;
    }

    interface CommandWithFlags {
        List<String> command(List<String> jvmFlags, Path dataDir) throws IOException;
    }

    /** A training run: starts until the context is refreshed, then exits and leaves the class archive. */
    private static Path train(Path archive, String dirPrefix, CommandWithFlags command) throws Exception {
        Files.deleteIfExists(archive);
        Path dir = Files.createTempDirectory(dirPrefix);
        List<String> cmd = command.command(
                List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh"), dir);
        Path log = archive.resolveSibling(archive.getFileName() + ".training.log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertThat(p.waitFor(LIMIT.toMinutes(), TimeUnit.MINUTES) && p.exitValue() == 0 && Files.exists(archive))
                .as("CDS training run, see " + log).isTrue();
        deleteAfter(dir, null);
        return archive;
    }

    /** The baseline's class and settings as a jar, then the dependency jars of the test class path. */
    private static String bareJarClassPath(Path dir) throws IOException {
        Path jar = dir.resolve("bare-camunda.jar");
        Path classes = Path.of("target", "test-classes");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.startsWith(classes.resolve("laurelbench"))
                    || f.equals(classes.resolve("bench/bare-camunda.yml"))).toList()) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
        }
        List<String> entries = new ArrayList<>(List.of(jar.toString()));
        Arrays.stream(testClassPath().split(java.io.File.pathSeparator)).filter(e -> e.endsWith(".jar")).forEach(entries::add);
        return String.join(java.io.File.pathSeparator, entries);
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
                        double cpu = process.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                        return new Start(seconds, springReported(log), cpu);
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
