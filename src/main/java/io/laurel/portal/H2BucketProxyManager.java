package io.laurel.portal;

import io.github.bucket4j.BucketExceptions;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.AbstractSelectForUpdateBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.LockAndGetResult;
import io.github.bucket4j.distributed.proxy.generic.select_for_update.SelectForUpdateBasedTransaction;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Bucket4j's select-for-update protocol (the one of its MySQL and PostgreSQL modules) in H2's SQL: Bucket4j
 * ships no H2 module, and H2 outside MySQL mode has no {@code INSERT IGNORE}. Only the four statements are
 * Laurel's; the token-bucket arithmetic, retries and serialisation are Bucket4j's.
 */
class H2BucketProxyManager extends AbstractSelectForUpdateBasedProxyManager<String> {

    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final String select;
    private final String insert;
    private final String update;
    private final CustomColumnProvider<String> expiresAt;

    H2BucketProxyManager(DataSource dataSource, String table, ClientSideConfig config) {
        super(config);
        this.dataSource = dataSource;
        this.select = "select state from " + table + " where id = ? for update";
        this.insert = "insert into " + table + " (id, state) select ?, null where not exists (select 1 from " + table
                + " where id = ?)";
        this.update = "update " + table + " set state = ?, expires_at = ? where id = ?";
        this.expiresAt = CustomColumnProvider.createExpiresInColumnProvider("expires_at",
                config.getExpirationAfterWriteStrategy().orElseThrow());
    }

    @Override
    protected SelectForUpdateBasedTransaction allocateTransaction(String key, Optional<Long> timeoutNanos) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
        return new SelectForUpdateBasedTransaction() {
            @Override
            public void begin(Optional<Long> timeout) {
                run(() -> connection.setAutoCommit(false));
            }

            @Override
            public LockAndGetResult tryLockAndGet(Optional<Long> timeout) {
                try (PreparedStatement statement = connection.prepareStatement(select)) {
                    statement.setString(1, key);
                    try (ResultSet rs = statement.executeQuery()) {
                        return rs.next() ? LockAndGetResult.locked(rs.getBytes(1)) : LockAndGetResult.notLocked();
                    }
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public boolean tryInsertEmptyData(Optional<Long> timeout) {
                try (PreparedStatement statement = connection.prepareStatement(insert)) {
                    statement.setString(1, key);
                    statement.setString(2, key);
                    return statement.executeUpdate() == 1;
                } catch (SQLException e) {
                    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                        return false; // a parallel request inserted it; Bucket4j retries with the row there
                    }
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void update(byte[] data, RemoteBucketState newState, Optional<Long> timeout) {
                try (PreparedStatement statement = connection.prepareStatement(update)) {
                    statement.setBytes(1, data);
                    expiresAt.setCustomField(key, 2, statement, newState, currentTimeNanos());
                    statement.setString(3, key);
                    statement.executeUpdate();
                } catch (SQLException e) {
                    throw new BucketExceptions.BucketExecutionException(e);
                }
            }

            @Override
            public void commit(Optional<Long> timeout) {
                run(connection::commit);
            }

            @Override
            public void rollback() {
                run(connection::rollback);
            }

            @Override
            public void release() {
                run(connection::close);
            }
        };
    }

    @Override
    public void removeProxy(String key) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("delete from " + PortalLimitStore.TABLE
                        + " where id = ?")) {
            statement.setString(1, key);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }

    @Override
    public boolean isExpireAfterWriteSupported() {
        return true;
    }

    private interface SqlAction {
        void run() throws SQLException;
    }

    private static void run(SqlAction action) {
        try {
            action.run();
        } catch (SQLException e) {
            throw new BucketExceptions.BucketExecutionException(e);
        }
    }
}
