package io.laurel.operations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hibernate.dialect.DatabaseVersion;
import org.hibernate.dialect.Dialect;
import org.hibernate.dialect.MariaDBDialect;
import org.hibernate.dialect.MySQLDialect;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolutionInfo;
import org.hibernate.engine.jdbc.dialect.spi.DialectResolver;

/**
 * Picks Hibernate's MariaDB dialect when the server is MariaDB and the MySQL 8 dialect when it is MySQL. Laurel
 * talks to both through MySQL Connector/J, which names every server "MySQL" and reports MariaDB as version
 * "5.5.5-10.x-MariaDB"; Hibernate's own resolution then chose the MySQL dialect for a 5.5 server and warned at
 * every start that the version is unsupported (HHH000511). Registered by {@code hibernate.dialect_resolvers}.
 */
public class MariaDbAwareDialectResolver implements DialectResolver {

    /** "5.5.5-10.11.19-MariaDB-0+deb12u1" or "10.11.19-MariaDB": the MariaDB version is the one before "-MariaDB". */
    private static final Pattern MARIADB_VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)-MariaDB");

    @Override
    public Dialect resolveDialect(DialectResolutionInfo info) {
        if (!"MySQL".equals(info.getDatabaseName())) {
            return null; // H2 and the rest: Hibernate's standard resolution
        }
        String version = info.getDatabaseVersion();
        if (version != null && version.contains("MariaDB")) {
            Matcher m = MARIADB_VERSION.matcher(version);
            return m.find()
                    ? new MariaDBDialect(DatabaseVersion.make(Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                    : new MariaDBDialect();
        }
        return new MySQLDialect(info);
    }
}
