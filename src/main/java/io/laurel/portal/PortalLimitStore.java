package io.laurel.portal;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.mysql.Bucket4jMySQL;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Where the portal's token buckets live: table {@code portal_limit_bucket}, through Bucket4j's MySQL proxy
 * manager on MySQL/MariaDB and {@link H2BucketProxyManager} (the same select-for-update protocol in H2's SQL)
 * on the embedded database. Buckets take the portal's clock (the engine clock, which tests move) and expire a
 * minute after they would be full again; a sweep deletes expired rows.
 */
@Component
class PortalLimitStore {

    static final String TABLE = "portal_limit_bucket";

    private final ProxyManager<String> buckets;
    private final JdbcTemplate jdbc;
    private final PortalTime time;

    PortalLimitStore(DataSource dataSource, JdbcTemplate jdbc, PortalTime time) {
        this.jdbc = jdbc;
        this.time = time;
        TimeMeter portalClock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return TimeUnit.MILLISECONDS.toNanos(time.now().toEpochMilli());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        ExpirationAfterWriteStrategy expiry = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                Duration.ofMinutes(1));
        Duration timeout = Duration.ofSeconds(10);
        this.buckets = isH2(dataSource)
                ? new H2BucketProxyManager(dataSource, TABLE, ClientSideConfig.getDefault().withClientClock(portalClock)
                        .withExpirationAfterWriteStrategy(expiry).withRequestTimeout(timeout))
                : Bucket4jMySQL.selectForUpdateBasedBuilder(dataSource).primaryKeyMapper(PrimaryKeyMapper.STRING)
                        .table(TABLE).idColumn("id").stateColumn("state").expiresAtColumn("expires_at")
                        .clientClock(portalClock).expirationAfterWrite(expiry).requestTimeout(timeout).build();
    }

    ProxyManager<String> buckets() {
        return buckets;
    }

    /** Deletes buckets that have been full (unused) for a minute; they are created again when needed. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void deleteExpired() {
        // Bucket4j writes expires_at in system time (System.currentTimeMillis() + time to live).
        jdbc.update("delete from " + TABLE + " where expires_at < ?", System.currentTimeMillis());
    }

    private static boolean isH2(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase().contains("h2");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database the portal limits are stored in", e);
        }
    }
}
