package io.laurel.selection;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/**
 * The same end-to-end run of the service-star campaign on MySQL Connector/J against a MySQL-compatible
 * server (MariaDB in CI). Runs only when LAUREL_TEST_DB_URL is set; .ci/run sets it whenever MariaDB answers.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@ActiveProfiles({"test", "test-mysql"})
class ServiceStarEndToEndMySqlTest extends ServiceStarEndToEndTest {
}
