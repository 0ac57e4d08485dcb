package io.laurel.security;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@link CamundaAuthorizationTest} on MariaDB/MySQL (LAUREL_TEST_DB_URL): the task-list authorization SQL of
 * authorizationCheckRevokes "always" differs from H2's plan, so who sees which task is checked there too.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@ActiveProfiles({"test", "test-mysql"})
class CamundaAuthorizationMySqlTest extends CamundaAuthorizationTest {
}
