package io.laurel.vote;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.vote.BallotFileAttackSupport.indexOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.selection.SelectionDriver;
import io.laurel.vote.BallotFileAttackSupport.Cast;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The attacker with the files (issue 15, point 3). Laurel runs on a file H2 database in a temporary directory; the
 * committee (15 members) votes through the ballot form; during the vote the {@code .mv.db} file is copied as a
 * backup would copy it, and the console log is captured. The attacker then:
 * <ol>
 * <li>looks for any member's choice in the clear, and for the vote's private key, in the file and the logs;</li>
 * <li>splits the file into MVStore chunks (each commit is its own chunk) and links members to ballot rows: a chunk
 * that holds a member's receipt and ballot task also holds the ballot rows written in that commit — a stronger
 * form of the chunk-timing attack, which needs no clock;</li>
 * <li>tries to open the linked rows: impossible without the key, which is only in the key directory; the same
 * rows opened with that key give the members' true choices, which shows the link was real;</li>
 * <li>after the tally (key destroyed), reads a second copy: it proves the per-finalist totals and nothing else.</li>
 * </ol>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class BallotFileAttackTest {

    private static final Path ROOT = temporaryRoot();
    private static final Pattern CHUNK = Pattern.compile("chunk:([0-9a-f]+),len:([0-9a-f]+),");
    private static final Pattern TIME = Pattern.compile(",time:([0-9a-f]+)");
    private static final Pattern CREATED = Pattern.compile("created:([0-9a-f]+)");

    @DynamicPropertySource
    static void fileDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + ROOT.resolve("db/laurel") + ";DB_CLOSE_ON_EXIT=FALSE");
        registry.add("laurel.data-dir", () -> ROOT.resolve("data").toString());
        registry.add("laurel.ballot.key-dir", () -> ROOT.resolve("ballot-keys").toString());
        // Its own engine and no web apps: those live in static registries shared with the other test contexts.
        registry.add("camunda.bpm.process-engine-name", () -> "ballotfile");
        registry.add("camunda.bpm.webapp.enabled", () -> "false");
    }

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
    void a_copy_of_the_database_file_and_the_logs_link_no_member_to_a_choice(CapturedOutput logs) throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        List<Nomination> finalists = driver.driveToTheVote(campaign, instance);
        List<String> finalistIds = finalists.stream().map(n -> n.getId().toString()).toList();
        assertThat(finalistIds).as("finalists").hasSizeGreaterThanOrEqualTo(4);
        List<Cast> cast = BallotFileAttackSupport.castAll(driver, forms, identity, instance, finalistIds,
                finalistIds.get(0));
        Thread.sleep(1_500); // H2 writes the last commit's chunk within a second

        // The backup taken while the vote is open, and the key as it is on the server at that moment.
        byte[] file = copy("during-vote");
        BigInteger key = BallotFileAttackSupport.readKey(keys, campaign.getId());
        assertThat(keys.file(keys.keyId(campaign.getId()).orElseThrow()).startsWith(ROOT.resolve("db"))).isFalse();
        String log = logs.getAll();
        byte[] logBytes = log.getBytes(StandardCharsets.UTF_8);

        // 1. Nothing in the clear: no member's list of choices, no key, in the file or the log.
        for (Cast ballot : cast) {
            for (String plain : BallotFileAttackSupport.plainForms(ballot)) {
                byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
                assertThat(indexOf(file, bytes, 0, file.length)).as(ballot.member() + "'s choice " + plain + " in the file")
                        .isEqualTo(-1);
                assertThat(log).as(ballot.member() + "'s choice in the log").doesNotContain(plain);
            }
        }
        for (byte[] encoding : BallotFileAttackSupport.keyEncodings(key)) {
            assertThat(indexOf(file, encoding, 0, file.length)).as("the private key in the file").isEqualTo(-1);
            assertThat(indexOf(logBytes, encoding, 0, logBytes.length)).as("the private key in the log").isEqualTo(-1);
        }

        // 2. Link members to ballot rows through the chunks their commits wrote.
        Map<String, Long> rows = BallotFileAttackSupport.sealedRows(jdbc, campaign.getId());
        assertThat(rows).hasSize(cast.size() * finalistIds.size());
        Map<String, List<String>> linked = link(file, cast, rows.keySet());

        // 3. Opening the linked rows: the file holds no key (above). With the key from the key directory — what
        // the attacker does not have — the test counts how many links were right: the link is real, and the key
        // is all that keeps the ballot secret.
        int rowsLinked = 0;
        int membersRight = 0;
        for (Map.Entry<String, List<String>> link : linked.entrySet()) {
            Cast ballot = cast.stream().filter(c -> c.member().equals(link.getKey())).findFirst().orElseThrow();
            boolean right = true;
            for (String ciphertext : link.getValue()) {
                String finalist = rows.get(ciphertext).toString();
                right &= BallotFileAttackSupport.open(key, ciphertext) == (ballot.approved().contains(finalist) ? 1 : 0);
                rowsLinked++;
            }
            membersRight += right ? 1 : 0;
        }
        System.out.printf("Ballot file attack: %d of %d members linked to %d sealed rows by chunk time (%d of them "
                + "correctly, as the key shows); 0 rows opened without the key (file %d bytes)%n", linked.size(),
                cast.size(), rowsLinked, membersRight, file.length);
        assertThat(linked).as("the chunk attack still finds rows next to members; they are sealed").isNotEmpty();

        // 4. The tally; then the key is gone and a copy of the file proves the totals and only them.
        clockAt("2026-04-30T10:00");
        driver.runDueJobs(instance);
        assertThat(keys.file(keys.keyId(campaign.getId()).orElseThrow())).doesNotExist();
        assertThat(keys.directory()).isEmptyDirectory();
        Thread.sleep(1_500);
        copy("after-tally");
        Map<Long, Integer> totals;
        try (SingleConnectionDataSource copy = new SingleConnectionDataSource("jdbc:h2:file:"
                + ROOT.resolve("after-tally/laurel") + ";ACCESS_MODE_DATA=r", "sa", "", true)) {
            totals = BallotFileAttackSupport.verifiedTotals(new JdbcTemplate(copy), campaign.getId());
        }
        for (String finalist : finalistIds) {
            long approvals = cast.stream().filter(c -> c.approved().contains(finalist)).count();
            long entitled = cast.stream().filter(c -> c.entitled().contains(finalist)).count();
            assertThat(totals.get(Long.valueOf(finalist))).as("total of " + finalist).isEqualTo((int) approvals);
            Map<String, Object> result = jdbc.queryForMap("select approvals, status from award_result where nomination_id = ?",
                    Long.valueOf(finalist));
            assertThat(((Number) result.get("approvals")).longValue()).isEqualTo(approvals);
            // Two thirds of the members entitled to vote on the finalist, computed here from the seed's words.
            assertThat(result.get("status")).as("status of " + finalist)
                    .isIn(approvals * 3 >= entitled * 2 ? List.of("WINNER", "OVER_QUOTA") : List.of("NOT_APPROVED"));
        }
        String allLogs = logs.getAll();
        for (byte[] encoding : BallotFileAttackSupport.keyEncodings(key)) {
            assertThat(allLogs).doesNotContain(new String(encoding, StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * The chunk-timing attack: each MVStore chunk header carries its write time (ms since the file's "created"). The
     * ballot rows that first appear in the chunks written between a member's commit and the next member's are that
     * member's ballot.
     */
    private static Map<String, List<String>> link(byte[] file, List<Cast> cast, Iterable<String> ciphertexts) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        Matcher created = CREATED.matcher(text);
        assertThat(created.find()).as("file header").isTrue();
        long createdAt = Long.parseLong(created.group(1), 16);
        List<long[]> chunks = new ArrayList<>(); // start, end, time
        Matcher header = CHUNK.matcher(text);
        while (header.find()) {
            if (header.start() % 4096 != 0) {
                continue; // a chunk starts on a block; the same text elsewhere is its footer or the file header
            }
            int end = Math.min(file.length, header.start() + Integer.parseInt(header.group(2), 16) * 4096);
            Matcher time = TIME.matcher(text.substring(header.start(), Math.min(end, header.start() + 400)));
            if (time.find()) {
                chunks.add(new long[] {header.start(), end, createdAt + Long.parseLong(time.group(1), 16)});
            }
        }
        assertThat(chunks).as("chunks in the copy").hasSizeGreaterThan(cast.size());
        Map<String, List<String>> linked = new HashMap<>();
        for (int i = 0; i < cast.size(); i++) {
            long from = cast.get(i).committedAt() - 150;
            long to = i + 1 < cast.size() ? cast.get(i + 1).committedAt() - 150 : Long.MAX_VALUE;
            for (String ciphertext : ciphertexts) {
                byte[] bytes = HexFormat.of().parseHex(ciphertext);
                boolean before = chunks.stream().anyMatch(c -> c[2] < from && indexOf(file, bytes, (int) c[0], (int) c[1]) >= 0);
                boolean now = chunks.stream().anyMatch(c -> c[2] >= from && c[2] < to
                        && indexOf(file, bytes, (int) c[0], (int) c[1]) >= 0);
                if (now && !before) {
                    linked.computeIfAbsent(cast.get(i).member(), m -> new ArrayList<>()).add(ciphertext);
                }
            }
        }
        return linked;
    }

    private static byte[] copy(String name) throws IOException {
        Path target = Files.createDirectories(ROOT.resolve(name));
        Files.copy(ROOT.resolve("db/laurel.mv.db"), target.resolve("laurel.mv.db"));
        return Files.readAllBytes(target.resolve("laurel.mv.db"));
    }

    private static Path temporaryRoot() {
        try {
            Path root = Files.createTempDirectory("laurel-ballot-file-");
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
