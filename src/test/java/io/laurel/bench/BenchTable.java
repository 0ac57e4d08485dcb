package io.laurel.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The one table of a benchmark run: each benchmark adds its figures, each with the baseline measured in
 * the same run, the ratio, the target and the load average at that moment (other builds share the
 * cores, so ratios are what compares across runs). Written to {@code target/benchmark-table.md};
 * {@link BenchTablePrinter} prints it when the run ends.
 */
public final class BenchTable {

    static final Path FILE = Path.of("target", "benchmark-table.md");
    private static boolean started;

    private BenchTable() {
    }

    /** Adds a row; {@code ratio} is figure / baseline as the benchmark defines it (e.g. "2.1× slower"). */
    public static synchronized void row(String benchmark, String figure, String value, String baseline,
            String ratio, String target, String met) {
        try {
            // -Dbench.table.append=true (scripts/benchmarks, which deletes the table first and runs each benchmark
            // class in a JVM of its own): rows of earlier JVMs of the run stay; the header only if there is none.
            boolean append = Boolean.getBoolean("bench.table.append") && Files.exists(FILE);
            if (!started && !append) {
                Files.createDirectories(FILE.getParent());
                Files.writeString(FILE, "Benchmark run " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                        + " cores, Java " + System.getProperty("java.version") + "\n\n"
                        + "| benchmark | figure | value | same-run baseline | ratio | target | met | load avg |\n"
                        + "| --- | --- | ---: | ---: | ---: | --- | --- | ---: |\n", StandardCharsets.UTF_8);
            }
            started = true;
            Files.writeString(FILE, String.join(" | ", "| " + benchmark, figure, value, baseline, ratio, target, met,
                    String.format(Locale.ROOT, "%.2f |%n", loadAverage())), StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized boolean written() {
        return started;
    }

    /** The 1-minute load average (other processes on the machine included). */
    public static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    public static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
