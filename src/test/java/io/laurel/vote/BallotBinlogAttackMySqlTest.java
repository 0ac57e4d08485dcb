package io.laurel.vote;

import static io.laurel.selection.SelectionDriver.clockAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.selection.SelectionDriver;
import io.laurel.vote.BallotFileAttackSupport.Cast;
import java.io.File;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import io.laurel.support.LaurelTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The attacker with MariaDB's binary log (issue 15, point 3): the member's task completion, receipt and ballot
 * rows are one transaction there, so the binlog links members to ballot rows by construction. The test votes
 * through the ballot form, reads the binlog back with mysqlbinlog (rows decoded), and checks that the linked rows
 * are sealed: no choice and no key in the clear, only the totals decrypted.
 *
 * <p>Needs a server whose binlog is on ({@code log_bin} is read-only at runtime, so it cannot be switched on from
 * here) and the mysqlbinlog client; otherwise it is skipped with the reason.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@LaurelTest
@ActiveProfiles({"test", "test-mysql"})
class BallotBinlogAttackMySqlTest {

    private static final Pattern SERVER = Pattern.compile("jdbc:mysql://([^:/]+)(?::(\\d+))?/");

    @Autowired
    SelectionDriver driver;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    BallotKeys keys;

    @AfterEach
    void resetClock() {
        BallotFileAttackSupport.resetClock();
    }

    @Test
    void the_binlog_links_members_only_to_sealed_ballots() throws Exception {
        String logBin = jdbc.queryForObject("select @@log_bin", String.class);
        Assumptions.assumeTrue("1".equals(logBin) || "ON".equalsIgnoreCase(logBin), "The server's binary log is off "
                + "(log_bin=" + logBin + "); it can only be switched on in the server's configuration (log_bin, "
                + "binlog_format=ROW), not at runtime: the binlog part of the ballot attack is skipped. The H2 file "
                + "attack (BallotFileAttackTest) still runs.");
        String client = binlogClient();
        Assumptions.assumeTrue(client != null, "No mysqlbinlog/mariadb-binlog client to read the binlog: skipped.");
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        List<Nomination> finalists = driver.driveToTheVote(campaign, instance);
        List<String> finalistIds = finalists.stream().map(n -> n.getId().toString()).toList();
        List<Cast> cast = BallotFileAttackSupport.castAll(driver, forms, identity, instance, finalistIds,
                finalistIds.get(0));
        BigInteger key = BallotFileAttackSupport.readKey(keys, campaign.getId());
        clockAt("2026-04-30T10:00");
        driver.runDueJobs(instance);
        assertThat(keys.file(keys.keyId(campaign.getId()).orElseThrow())).doesNotExist();

        String binlog = readBinlog(client);
        for (Cast ballot : cast) {
            for (String plain : BallotFileAttackSupport.plainForms(ballot)) {
                assertThat(binlog).as(ballot.member() + "'s choice in the binlog").doesNotContain(plain);
            }
        }
        for (byte[] encoding : BallotFileAttackSupport.keyEncodings(key)) {
            assertThat(binlog).as("the private key in the binlog")
                    .doesNotContain(new String(encoding, StandardCharsets.ISO_8859_1));
        }
        // The link the binlog gives: a transaction with the member's receipt also writes sealed ballot rows.
        int linked = 0;
        for (String transaction : binlog.split("(?m)^BEGIN")) {
            if (transaction.contains("sealed_ballot") && transaction.contains("ballot_receipt")) {
                linked += cast.stream().filter(c -> transaction.contains("'" + c.member() + "'")).count() == 1 ? 1 : 0;
            }
        }
        System.out.printf("Ballot binlog attack: %d of %d members linked to sealed rows by transaction%n", linked,
                cast.size());
        Map<Long, Integer> totals = BallotFileAttackSupport.verifiedTotals(jdbc, campaign.getId());
        for (String finalist : finalistIds) {
            long approvals = cast.stream().filter(c -> c.approved().contains(finalist)).count();
            assertThat(totals.get(Long.valueOf(finalist))).as("total of " + finalist).isEqualTo((int) approvals);
        }
    }

    private String readBinlog(String client) throws Exception {
        List<String> files = jdbc.query("show binary logs", (rs, i) -> rs.getString(1));
        Matcher server = SERVER.matcher(System.getenv("LAUREL_TEST_DB_URL"));
        assertThat(server.find()).isTrue();
        List<String> command = new ArrayList<>(List.of(client, "--read-from-remote-server", "--host=" + server.group(1),
                "--port=" + (server.group(2) == null ? "3306" : server.group(2)),
                "--user=" + System.getenv().getOrDefault("LAUREL_TEST_DB_USER", "root"), "-v",
                "--base64-output=DECODE-ROWS"));
        command.addAll(files);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MYSQL_PWD", System.getenv().getOrDefault("LAUREL_TEST_DB_PASSWORD", ""));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.ISO_8859_1);
        assertThat(process.exitValue()).as(text.substring(0, Math.min(2000, text.length()))).isZero();
        return text;
    }

    private static String binlogClient() {
        for (String name : List.of("mariadb-binlog", "mysqlbinlog")) {
            for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
                if (new File(dir, name).canExecute()) {
                    return new File(dir, name).getPath();
                }
            }
        }
        return null;
    }
}
