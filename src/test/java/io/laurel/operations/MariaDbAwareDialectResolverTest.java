package io.laurel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.junit.jupiter.api.Test;

/** What MySQL Connector/J reports for each server (read from a MariaDB 10.11 and MySQL 8.4) and the dialect chosen. */
class MariaDbAwareDialectResolverTest {

    private final MariaDbAwareDialectResolver resolver = new MariaDbAwareDialectResolver();

    @Test
    void mariadb_through_connector_j_gets_the_mariadb_dialect_with_its_real_version() {
        Dialect dialect = resolver.resolveDialect(info("MySQL", "5.5.5-10.11.19-MariaDB-0+deb12u1", 5, 5));

        assertThat(dialect).isExactlyInstanceOf(MariaDBDialect.class);
        assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(10);
        assertThat(dialect.getVersion().getDatabaseMinorVersion()).isEqualTo(11);
    }

    @Test
    void mysql_gets_the_mysql_dialect() {
        Dialect dialect = resolver.resolveDialect(info("MySQL", "8.4.3", 8, 4));

        assertThat(dialect).isExactlyInstanceOf(MySQLDialect.class);
        assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(8);
    }

    @Test
    void other_databases_are_left_to_hibernate() {
        assertThat(resolver.resolveDialect(info("H2", "2.3.232 (2024-08-11)", 2, 3))).isNull();
    }

    private static DialectResolutionInfo info(String name, String version, int major, int minor) {
        return new DialectResolutionInfo() {
            @Override
            public String getDatabaseName() {
                return name;
            }

            @Override
            public String getDatabaseVersion() {
                return version;
            }

            @Override
            public int getDatabaseMajorVersion() {
                return major;
            }

            @Override
            public int getDatabaseMinorVersion() {
                return minor;
            }

            @Override
            public int getDatabaseMicroVersion() {
                return 0;
            }

            @Override
            public String getDriverName() {
                return "MySQL Connector/J";
            }

            @Override
            public int getDriverMajorVersion() {
                return 9;
            }

            @Override
            public int getDriverMinorVersion() {
                return 0;
            }

            @Override
            public String getSQLKeywords() {
                return "";
            }
        };
    }
}
