package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.laurel.files.FileStore;
import io.laurel.support.LaurelTest;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The intake benchmark (not part of {@code ./mvnw verify}; run {@code ./mvnw -o -Pbench test}, optionally
 * {@code -Dbench.packages=N}). Ingests N generated packages end to end through the real path — SMTP into the
 * embedded GreenMail, {@link MailboxPoller#pollOnce()} over IMAP, then every job of every instance (unpack,
 * check, register, receipt, on the engine's job executor; {@code -Dbench.jobs=serial} runs them on this
 * thread) — and prints packages/s, MB/s, CPU and heap figures, next to a baseline measured in the same run
 * on the same messages: IMAP fetch of the raw message with Laurel's fetch strategy (connections, fetch
 * size) plus one {@link FileStore} write of its bytes; the pre-tuning baseline (one connection, 1 MB pieces,
 * temporary file) is kept as a row. Then one ~50 MB package, with the heap growth it causes. Figures go to stdout and to
 * {@code target/benchmark.txt}; docs/benchmarks.md records a run.
 */
@LaurelTest
@Tag("benchmark")
class IntakeBenchmarkTest extends IntakeTestSupport {

    static final int MB = 1024 * 1024;

    @Autowired
    FileStore files;
    @Autowired
    MessageStore store;
    @Autowired
    IntakeService intake;
    @Autowired
    IntakeProperties intakeProperties;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    private final StringBuilder report = new StringBuilder();

    @Test
    void ingest_generated_packages_end_to_end_and_one_50_mb_package() throws Exception {
        int n = Integer.getInteger("bench.packages", 20);
        openCampaign();
        line("Laurel intake benchmark — %d CPU(s), max heap %d MB, Java %s", Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / MB, System.getProperty("java.version"));

        // ---- N packages of ~5 MB (one applicant: 2 MB video, 3 MB photo, forms), in batches of BATCH: the
        // in-JVM GreenMail keeps every message in this heap (a real IMAP server is out of process), so each
        // batch is sent, measured by the baseline and by Laurel on the same messages, then purged.
        int batch = Integer.getInteger("bench.batch", 20);
        // Jobs: "executor" (default) runs them on the engine's job executor, as the application does (polling and
        // jobs overlap, several packages at once); "serial" runs them one by one on this thread after the poll.
        boolean executor = !"serial".equals(System.getProperty("bench.jobs", "executor"));
        int connections = intakeProperties.polling().connections();
        int fetchSize = intakeProperties.polling().fetchSize();
        line("Laurel polls with %d IMAP connection(s), fetch size %d KB; jobs: %s", connections, fetchSize / 1024,
                executor ? "job executor" : "serial on the test thread");
        long zipBytes = 0;
        long emlBytes = 0;
        Totals oldBase = new Totals();
        Totals base = new Totals();
        Totals laurel = new Totals();
        long pollNanos = 0;
        long jobNanos = 0;
        var jobExecutor = ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration()).getJobExecutor();
        if (executor) {
            jobExecutor.start();
        }
        try {
            for (int from = 0; from < n; from += batch) {
                List<String> ids = new ArrayList<>();
                for (int i = from; i < Math.min(n, from + batch); i++) {
                    byte[] zip = benchPackage(i, 1, 2 * MB);
                    zipBytes += zip.length;
                    ids.add(send(sender(), "申报资料", "请查收", PackageZip.ARCHIVE + ".zip", zip));
                }
                emlBytes += unseenBytes();
                oldBase.add(Phase.run(this::oldFetchAndStoreRaw));
                if (from == 0) {
                    // what bounds the fetch: the same messages with 1, 2 and 4 connections (first batch only)
                    for (int c : new int[] {1, 2, 4}) {
                        Phase scan = Phase.run(() -> fetchAndStore(c, fetchSize));
                        long batchBytes = unseenBytes();
                        line("  fetch scan: %d connection(s), %d MB pieces: %.1f MB/s, CPU %.0f ms per package "
                                + "(GreenMail threads %.0f ms)", c, fetchSize / MB,
                                batchBytes / (double) MB / scan.seconds(), scan.cpuNanos / 1e6 / ids.size(),
                                scan.greenMailCpuNanos / 1e6 / ids.size());
                        io.laurel.bench.BenchTable.row("P4 intake (H2, IMAP fetch bound)",
                                "IMAP fetch + FileStore write, " + c + " connection(s), batch of " + ids.size(),
                                fmt("%.1f MB/s", batchBytes / (double) MB / scan.seconds()),
                                fmt("CPU %.0f ms/package, GreenMail's %.0f ms", scan.cpuNanos / 1e6 / ids.size(),
                                        scan.greenMailCpuNanos / 1e6 / ids.size()), "", "", "");
                    }
                }
                base.add(Phase.run(() -> fetchAndStore(connections, fetchSize)));
                long[] split = new long[2];
                Phase batchPhase = Phase.run(() -> {
                    long t0 = System.nanoTime();
                    MailboxPoller.PollReport report = poll();
                    split[0] = System.nanoTime() - t0;
                    assertThat(report.stored()).isEqualTo(ids.size());
                    if (executor) {
                        awaitRegistered(ids);
                    } else {
                        ids.forEach(id -> runJobs(packageOf(id)));
                    }
                    split[1] = System.nanoTime() - t0 - split[0];
                });
                laurel.add(batchPhase);
                // per batch: the first ones carry the JIT's compiling of the whole path (same JVM, fresh code)
                line("  batch %d: Laurel %.2f s (%.2f packages/s), CPU %.0f ms per package", from / batch + 1,
                        batchPhase.seconds(), ids.size() / batchPhase.seconds(), batchPhase.cpuNanos / 1e6 / ids.size());
                pollNanos += split[0];
                jobNanos += split[1];
                for (String id : ids) {
                    assertThat(packages.findById(packageOf(id).getId()).orElseThrow().getStatus())
                            .as("every package takes the whole path").isEqualTo(IntakePackage.Status.REGISTERED);
                }
                server.greenMail().purgeEmailFromAllMailboxes();
            }
        } finally {
            if (executor) {
                jobExecutor.shutdown();
            }
        }
        line("%d packages in batches of %d, 1 applicant each: %.1f MB of ZIP (%.2f MB each), %.1f MB of raw mail", n,
                batch, zipBytes / (double) MB, zipBytes / (double) MB / n, emlBytes / (double) MB);
        print("old baseline (1 IMAP connection, 1 MB fetch, temp file + FileStore write)", oldBase, n, emlBytes);
        print("baseline (IMAP fetch on " + connections + " connection(s), " + fetchSize / MB
                + " MB fetch, written once to the FileStore)", base, n, emlBytes);
        print("Laurel end to end (poll, store, unpack, check, register, receipt)", laurel, n, emlBytes);
        line("  end to end / baseline time: %.1f×; Laurel's time: poll (IMAP fetch, store .eml and attachment, start) "
                + "%.1f s, then until all registered (jobs) %.1f s", laurel.seconds() / base.seconds(),
                pollNanos / 1e9, jobNanos / 1e9);
        String p4 = "P4 intake (H2, " + n + " × " + String.format(Locale.ROOT, "%.1f", zipBytes / (double) MB / n)
                + " MB packages)";
        double rate = n / laurel.seconds();
        io.laurel.bench.BenchTable.row(p4, "end to end over IMAP: packages/s", fmt("%.2f /s", rate),
                "IMAP fetch + FileStore write: " + fmt("%.2f /s", n / base.seconds()),
                fmt("%.1f× slower", laurel.seconds() / base.seconds()), "≥ 20 /s", rate >= 20 ? "yes" : "no");
        io.laurel.bench.BenchTable.row(p4, "baseline with the old fetch (1 connection, 1 MB pieces, temp file)",
                fmt("%.2f /s", n / oldBase.seconds()), "", "", "", "");
        io.laurel.bench.BenchTable.row(p4, "end to end over IMAP: MB/s of raw mail",
                fmt("%.1f MB/s", emlBytes / (double) MB / laurel.seconds()),
                fmt("%.1f MB/s", emlBytes / (double) MB / base.seconds()), "", "", "");
        io.laurel.bench.BenchTable.row(p4, "where Laurel's time goes (s per package)",
                fmt("poll %.2f s + jobs after it %.2f s", pollNanos / 1e9 / n, jobNanos / 1e9 / n),
                fmt("baseline %.2f s", base.seconds() / n), "", "", "");
        io.laurel.bench.BenchTable.row(p4, "CPU per package: whole JVM / in-JVM GreenMail's threads",
                fmt("%.0f / %.0f ms", laurel.cpuNanos / 1e6 / n, laurel.greenMailCpuNanos / 1e6 / n),
                fmt("%.0f / %.0f ms", base.cpuNanos / 1e6 / n, base.greenMailCpuNanos / 1e6 / n), "", "", "");
        io.laurel.bench.BenchTable.row(p4, "peak heap growth per batch of " + batch + ": sampled / live after GC",
                fmt("+%d / +%d MB", laurel.peakGrowth / MB, laurel.liveGrowth / MB),
                fmt("+%d / +%d MB", base.peakGrowth / MB, base.liveGrowth / MB), "", "", "");

        // ---- one ~50 MB package (GreenMail keeps every message in this JVM's heap: empty it first)
        server.greenMail().purgeEmailFromAllMailboxes();
        byte[] big = benchPackage(n, 1, 46 * MB + 512 * 1024);
        String bigId = send(sender(), "申报资料", "请查收", PackageZip.ARCHIVE + ".zip", big);
        long bigEml = unseenBytes();
        line("one large package: %.1f MB of ZIP, %.1f MB of raw mail", big.length / (double) MB, bigEml / (double) MB);
        Phase bigBaseline = Phase.run(() -> fetchAndStore(connections, fetchSize));
        print("baseline, large package", bigBaseline, 1, bigEml);
        Phase bigIntake = Phase.run(() -> {
            poll();
            runJobs(packageOf(bigId));
        });
        // (jobs of the large package on this thread: the job executor is stopped by now)
        assertThat(packages.findById(packageOf(bigId).getId()).orElseThrow().getStatus())
                .isEqualTo(IntakePackage.Status.REGISTERED);
        print("Laurel end to end, large package", bigIntake, 1, bigEml);

        // The in-JVM GreenMail materialises a message to serve an IMAP FETCH, so the figures above include the
        // mail server's own heap. Laurel alone: the same raw message from a file (stored under another
        // Message-ID), through MessageStore, dispatch and every job.
        Path raw = Files.createTempFile("bench-large-", ".eml");
        try {
            rawMessage(bigId, raw);
            String copyId = "<bench-copy-" + System.nanoTime() + "@unit.example>";
            Phase laurelOnly = Phase.run(() -> {
                IntakeMessage row = store.storeRaw(raw, copyId);
                intake.dispatch(row.getId());
                runJobs(packageOf(copyId));
            });
            assertThat(packages.findById(packageOf(copyId).getId()).orElseThrow().getStatus())
                    .isEqualTo(IntakePackage.Status.REGISTERED);
            print("Laurel without the IMAP server, large package (store, unpack, check, register)", laurelOnly, 1,
                    bigEml);
            String big50 = "P4 intake (H2, one " + String.format(Locale.ROOT, "%.1f", big.length / (double) MB)
                    + " MB package)";
            long laurelGrowth = Math.max(laurelOnly.peakSampled, laurelOnly.maxAfterGc) - laurelOnly.before;
            io.laurel.bench.BenchTable.row(big50, "heap growth, Laurel alone (stored from a file): sampled peak",
                    fmt("+%d MB", laurelGrowth / MB), "IMAP fetch + FileStore write: "
                            + fmt("+%d MB", (bigBaseline.peakSampled - bigBaseline.before) / MB), "", "≤ 64 MB",
                    laurelGrowth <= 64L * MB ? "yes" : "no");
            io.laurel.bench.BenchTable.row(big50, "heap growth end to end incl. in-JVM GreenMail: sampled / live",
                    fmt("+%d / +%d MB", (bigIntake.peakSampled - bigIntake.before) / MB,
                            Math.max(0, bigIntake.maxAfterGc - bigIntake.before) / MB),
                    fmt("+%d / +%d MB", (bigBaseline.peakSampled - bigBaseline.before) / MB,
                            Math.max(0, bigBaseline.maxAfterGc - bigBaseline.before) / MB), "", "", "");
            io.laurel.bench.BenchTable.row(big50, "time: end to end / Laurel alone",
                    fmt("%.2f s / %.2f s", bigIntake.seconds(), laurelOnly.seconds()),
                    fmt("%.2f s", bigBaseline.seconds()), fmt("%.1f× baseline", bigIntake.seconds() / bigBaseline.seconds()),
                    "", "");
        } finally {
            Files.deleteIfExists(raw);
        }

        Files.writeString(Path.of("target", "benchmark.txt"), report, StandardCharsets.UTF_8);
    }

    /** A package of {@code applicants} complete applicants whose videos carry {@code videoPayload} bytes. */
    private static byte[] benchPackage(int index, int applicants, int videoPayload) {
        PackageZip zip = PackageZip.gbk();
        String[][] rows = new String[applicants][];
        for (int a = 0; a < applicants; a++) {
            String name = "员工" + index + "号" + (char) ('甲' + a);
            String folder = PackageZip.ARCHIVE + "/2019年度精英客服奖+" + PackageZip.UNIT + "+" + name + "/";
            zip.put(folder + name + "参选视频.mp4", TestMedia.mp4(1920, 1080, 120 + a, videoPayload))
                    .put(folder + name + "职业照.jpg", TestMedia.jpeg(3 * MB + index))
                    .put(folder + "活动申报表（盖章）.pdf", TestMedia.pdf())
                    .put(folder + "活动申报表.docx", TestMedia.docx("申报表 " + name));
            rows[a] = new String[] {name, "客服专员", "1380000" + String.format("%04d", index * 10 + a),
                    "p" + index + a + "@x.example", "2019年度精英客服奖"};
        }
        return zip.unitFiles(rows).bytes();
    }

    /** Sum of the sizes of the unseen messages in the intake mailbox. */
    private long unseenBytes() throws Exception {
        try (Store imap = imap()) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            long total = 0;
            for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                total += m.getSize();
            }
            inbox.close(false);
            return total;
        }
    }

    /**
     * The baseline: what storing the raw mail costs without Laurel (read-only: messages stay unseen), with
     * Laurel's fetch strategy — the same number of IMAP connections, each taking the next message, the same
     * fetch size, BODY.PEEK, each message written once into the file store and hashed on the way.
     */
    private void fetchAndStore(int connections, int fetchSize) throws Exception {
        long[] uids;
        try (Store imap = imap(fetchSize)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(unseen, profile);
            uids = new long[unseen.length];
            for (int i = 0; i < unseen.length; i++) {
                uids[i] = ((UIDFolder) inbox).getUID(unseen[i]);
            }
            inbox.close(false);
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    try (Store imap = imap(fetchSize)) {
                        Folder inbox = imap.getFolder("INBOX");
                        inbox.open(Folder.READ_ONLY);
                        int i;
                        while ((i = next.getAndIncrement()) < uids.length) {
                            Message m = ((UIDFolder) inbox).getMessageByUID(uids[i]);
                            files.write(m::writeTo);
                        }
                        inbox.close(false);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The baseline as measured before issue 8's tuning: one connection, 1 MB pieces, a temporary file. */
    private void oldFetchAndStoreRaw() {
        try (Store imap = imap(MB)) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            for (Message m : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                Path temp = Files.createTempFile("bench-", ".eml");
                try {
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        m.writeTo(out);
                    }
                    try (var in = Files.newInputStream(temp)) {
                        files.store(in);
                    }
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            inbox.close(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until every package of {@code messageIds} is registered by the job executor. */
    private void awaitRegistered(List<String> messageIds) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        for (String id : messageIds) {
            while (packages.findById(packageOf(id).getId()).orElseThrow().getStatus()
                    != IntakePackage.Status.REGISTERED) {
                assertThat(System.nanoTime()).as("package of " + id + " registered within 10 min").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    /** Writes the raw message with {@code messageId} from the mailbox to {@code target}. */
    private void rawMessage(String messageId, Path target) throws Exception {
        try (Store imap = imap()) {
            Folder inbox = imap.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message m = inbox.search(new jakarta.mail.search.HeaderTerm("Message-ID", messageId))[0];
            try (OutputStream out = Files.newOutputStream(target)) {
                m.writeTo(out);
            }
            inbox.close(false);
        }
    }

    private Store imap() throws Exception {
        return imap(intakeProperties.polling().fetchSize());
    }

    /** IMAP to the embedded mailbox: BODY.PEEK, the given fetch size. */
    private Store imap(int fetchSize) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.peek", "true");
        props.put("mail.imap.fetchsize", String.valueOf(fetchSize));
        Store imap = Session.getInstance(props).getStore("imap");
        imap.connect(server.host(), server.imapPort(), server.mailbox(), server.mailboxPassword());
        return imap;
    }

    private void print(String what, Phase phase, int packages, long bytes) {
        line("%s: %.2f s, %.2f packages/s, %.1f MB/s; CPU %.1f s (GreenMail threads %.1f s); heap before %d MB, "
                + "peak sampled %d MB (+%d), max live after GC %d MB (+%d), %d GCs", what, phase.seconds(),
                packages / phase.seconds(), bytes / (double) MB / phase.seconds(), phase.cpuNanos / 1e9,
                phase.greenMailCpuNanos / 1e9, phase.before / MB, phase.peakSampled / MB,
                (phase.peakSampled - phase.before) / MB, phase.maxAfterGc / MB,
                Math.max(0, phase.maxAfterGc - phase.before) / MB, phase.gcs);
    }

    private void print(String what, Totals t, int packages, long bytes) {
        line("%s: %.2f s, %.2f packages/s, %.1f MB/s; CPU %.1f s (GreenMail threads %.1f s); per batch: heap peak "
                + "sampled +%d MB, live after GC +%d MB, %d GCs in all", what, t.seconds(), packages / t.seconds(),
                bytes / (double) MB / t.seconds(), t.cpuNanos / 1e9, t.greenMailCpuNanos / 1e9, t.peakGrowth / MB,
                t.liveGrowth / MB, t.gcs);
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Phases of the batches added up: total time, the largest heap growth of any batch. */
    static final class Totals {
        long nanos;
        long peakGrowth;
        long liveGrowth;
        int gcs;
        long cpuNanos;
        long greenMailCpuNanos;

        void add(Phase phase) {
            nanos += phase.nanos;
            cpuNanos += phase.cpuNanos;
            greenMailCpuNanos += phase.greenMailCpuNanos;
            peakGrowth = Math.max(peakGrowth, phase.peakSampled - phase.before);
            liveGrowth = Math.max(liveGrowth, phase.maxAfterGc - phase.before);
            gcs += phase.gcs;
        }

        double seconds() {
            return nanos / 1e9;
        }
    }

    private void line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        report.append(line).append('\n');
    }

    /**
     * One timed phase with its heap: used heap after a full GC before it, the highest used heap sampled
     * every 2 ms during it, and the highest heap still in use after any GC during it (from GC notifications)
     * — the live set, which is what must stay well below a package's size when packages stream.
     */
    interface Work {
        void run() throws Exception;
    }

    /**
     * CPU time used by GreenMail's connection threads since the first sample. Its threads end with their
     * connection, so they are sampled every 20 ms and each thread's last figure counts (up to 20 ms of a thread
     * that ends is missed).
     */
    static final class GreenMailCpu {
        private final java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final java.util.Map<Long, Long> first = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Map<Long, Long> last = new java.util.concurrent.ConcurrentHashMap<>();
        private boolean started;

        synchronized void sample() {
            for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null || !(info.getThreadName().startsWith("imap:")
                        || info.getThreadName().startsWith("smtp:"))) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu < 0) {
                    continue;
                }
                // a thread alive at the first sample counts from there, a later one from its start
                first.putIfAbsent(info.getThreadId(), started ? 0L : cpu);
                last.put(info.getThreadId(), cpu);
            }
            started = true;
        }

        synchronized long used() {
            return last.entrySet().stream().mapToLong(e -> e.getValue() - first.getOrDefault(e.getKey(), 0L)).sum();
        }
    }

    static final class Phase {
        long before;
        volatile long peakSampled;
        volatile long maxAfterGc;
        volatile int gcs;
        long nanos;
        /** CPU time of the whole JVM during the phase (all threads, GC and JIT included). */
        long cpuNanos;
        /** CPU time of the in-JVM GreenMail's connection threads ("imap:…", "smtp:…"), sampled every 20 ms. */
        long greenMailCpuNanos;

        double seconds() {
            return nanos / 1e9;
        }

        static Phase run(Work work) throws Exception {
            Phase phase = new Phase();
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            Thread.sleep(200);
            phase.before = memory.getHeapMemoryUsage().getUsed();
            phase.peakSampled = phase.before;
            Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
                    .collect(Collectors.toSet());
            NotificationListener listener = (Notification notification, Object handback) -> {
                if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long after = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey())).mapToLong(e -> e.getValue().getUsed()).sum();
                phase.gcs++;
                phase.maxAfterGc = Math.max(phase.maxAfterGc, after);
            };
            var collectors = ManagementFactory.getGarbageCollectorMXBeans();
            collectors.forEach(gc -> ((NotificationEmitter) gc).addNotificationListener(listener, null, null));
            var running = new java.util.concurrent.atomic.AtomicBoolean(true);
            var greenMail = new GreenMailCpu();
            greenMail.sample();
            Thread sampler = new Thread(() -> {
                int round = 0;
                while (running.get()) {
                    phase.peakSampled = Math.max(phase.peakSampled, memory.getHeapMemoryUsage().getUsed());
                    if (++round % 10 == 0) {
                        greenMail.sample();
                    }
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            sampler.setDaemon(true);
            sampler.start();
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long start = System.nanoTime();
            try {
                work.run();
            } finally {
                phase.nanos = System.nanoTime() - start;
                phase.cpuNanos = os.getProcessCpuTime() - cpuStart;
                running.set(false);
                sampler.join();
                greenMail.sample();
                phase.greenMailCpuNanos = greenMail.used();
                Thread.sleep(100); // late GC notifications
                for (var gc : collectors) {
                    try {
                        ((NotificationEmitter) gc).removeNotificationListener(listener);
                    } catch (Exception ignored) {
                        // not registered
                    }
                }
            }
            return phase;
        }
    }
}
