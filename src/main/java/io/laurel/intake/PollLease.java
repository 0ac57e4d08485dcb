package io.laurel.intake;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A lease row in {@code intake_lease}: only the node holding it polls the mailbox. The holder renews it
 * on every poll; another node takes it over only once it has expired (the holder died).
 */
@Component
public class PollLease {

    /**
     * The machine's time, not the engine clock: a lease is shared by JVMs whose engine clocks a test may have moved,
     * and its expiry is mechanics between nodes, not business time.
     */
    private static final Clock WALL = Clock.systemUTC();

    private final JdbcTemplate jdbc;
    private final String owner;

    PollLease(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.owner = hostName() + "/" + UUID.randomUUID();
    }

    public boolean tryAcquire(String name, Duration length) {
        return tryAcquire(name, owner, length);
    }

    boolean tryAcquire(String name, String who, Duration length) {
        Instant now = Instant.now(WALL);
        Timestamp until = Timestamp.from(now.plus(length));
        int updated = jdbc.update(
                "update intake_lease set owner = ?, expires_at = ? where name = ? and (owner = ? or expires_at < ?)",
                who, until, name, who, Timestamp.from(now));
        if (updated == 1) {
            return true;
        }
        try {
            jdbc.update("insert into intake_lease (name, owner, expires_at) values (?, ?, ?)", name, who, until);
            return true;
        } catch (DataIntegrityViolationException taken) {
            return false;
        }
    }

    public void release(String name) {
        jdbc.update("delete from intake_lease where name = ? and owner = ?", name, owner);
    }

    public String owner() {
        return owner;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
