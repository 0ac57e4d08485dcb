package io.laurel.bench;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** {@link TaskListBenchmark} on MariaDB/MySQL (LAUREL_TEST_DB_URL), in the same run as the H2 figures. */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@ActiveProfiles({"test", "test-mysql"})
class TaskListBenchmarkMySql extends TaskListBenchmark {
}
