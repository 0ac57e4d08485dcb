package io.laurel.mail;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's bounded sending pool: {@code n} lanes of one thread each, a mail's lane chosen by its recipient.
 * Mails to different people go out in parallel; mails to one person leave in the order they were queued (a
 * newer code never overtakes the older one it replaces, a receipt never overtakes the mail it answers). A full
 * lane refuses the task; the mail stays PENDING in the outbox and the periodic sweep sends it.
 *
 * <p>A lane keeps its SMTP connection while it has mails queued ({@link OutboxSender} reuses it from one mail to
 * the next) and is told through {@link #onIdle} when its queue has run empty, so the connection is closed then.
 */
public final class MailLanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MailLanes.class);

    private static final ThreadLocal<Boolean> ON_LANE = new ThreadLocal<>();

    private final ExecutorService[] lanes;
    private volatile Runnable idle = () -> {
    };

    private MailLanes(ExecutorService[] lanes) {
        this.lanes = lanes;
    }

    /** True on a lane's own thread (where a connection may be kept from one task to the next). */
    static boolean onLane() {
        return Boolean.TRUE.equals(ON_LANE.get());
    }

    /** {@code hook} runs on a lane's thread after a task whenever that lane's queue is empty. */
    void onIdle(Runnable hook) {
        this.idle = hook;
    }

    /** {@code count} lanes of one thread, each queueing at most {@code queueCapacity} mails. */
    static MailLanes of(int count, int queueCapacity) {
        ExecutorService[] lanes = new ExecutorService[count];
        MailLanes mailLanes = new MailLanes(lanes);
        for (int i = 0; i < count; i++) {
            String name = "mail-" + (i + 1);
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queueCapacity),
                    r -> {
                        Thread t = new Thread(() -> {
                            ON_LANE.set(true);
                            r.run();
                        }, name);
                        t.setDaemon(true);
                        return t;
                    }) {
                @Override
                protected void afterExecute(Runnable task, Throwable failure) {
                    if (getQueue().isEmpty()) {
                        try {
                            mailLanes.idle.run();
                        } catch (RuntimeException e) {
                            log.warn("Mail lane {}: closing its connection failed: {}", name, e.toString());
                        }
                    }
                }
            };
        }
        return mailLanes;
    }

    /** Runs every task at once on the caller's thread (tests that drive the outbox step by step). */
    public static MailLanes inline() {
        return new MailLanes(new ExecutorService[0]);
    }

    void execute(String recipient, Runnable task) {
        if (lanes.length == 0) {
            task.run();
            return;
        }
        int lane = Math.floorMod(recipient.trim().toLowerCase().hashCode(), lanes.length);
        try {
            lanes[lane].execute(task);
        } catch (RejectedExecutionException full) {
            log.warn("Mail lane {} is full; the mail to {} waits for the outbox sweep", lane + 1, recipient);
        }
    }

    int size() {
        return lanes.length;
    }

    /** On shutdown: queued mails get 10 seconds to go out. */
    @Override
    public void close() throws InterruptedException {
        shutdown(10);
    }

    /** Lets queued mails go out for up to {@code seconds}; what is left stays PENDING for the next start. */
    void shutdown(int seconds) throws InterruptedException {
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (ExecutorService lane : lanes) {
            lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }
}
