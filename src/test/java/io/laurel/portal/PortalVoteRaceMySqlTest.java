package io.laurel.portal;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.test.context.ActiveProfiles;

/** {@link PortalVoteRaceTest} on MariaDB/MySQL (InnoDB row locks, deadlock detection, Bucket4j's MySQL module). */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@ActiveProfiles({"test", "test-mysql"})
class PortalVoteRaceMySqlTest extends PortalVoteRaceTest {
}
