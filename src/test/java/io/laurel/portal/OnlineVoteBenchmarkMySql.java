package io.laurel.portal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** P6 on MariaDB/MySQL, with the two-node figure. */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@ActiveProfiles({"test", "test-mysql"})
class OnlineVoteBenchmarkMySql extends OnlineVoteBenchmark {
}
