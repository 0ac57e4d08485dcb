package io.laurel.vote;

import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.selection.SelectionDriver;
import io.laurel.vote.ExponentialElGamal.Ciphertext;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.bouncycastle.math.ec.ECPoint;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the file attacker tests share: a vote of the whole committee (15 members) through the ballot form,
 * the members' known choices, and the checks every stolen copy (H2 file, binlog, captured logs) must pass.
 */
final class BallotFileAttackSupport {

    /** One member's ballot as cast: the finalists they approved, out of those they may vote on. */
    record Cast(String member, Set<String> entitled, Set<String> approved, long committedAt) {
    }

    private BallotFileAttackSupport() {
    }

    /**
     * Member i approves finalist j unless bit j of (i + 1) is set: every member's choice differs. Each ballot is
     * submitted through the ballot form (FormService.submitTaskForm as the member, what Tasklist's submit-form
     * calls), a pause apart so that each lands in its own H2 chunk — the attacker's best case.
     */
    static List<Cast> castAll(SelectionDriver driver, FormService forms, IdentityService identity,
            ProcessInstance instance, List<String> finalistIds, String recused) throws InterruptedException {
        List<Task> tasks = driver.tasks(instance, "castBallot").stream()
                .sorted((a, b) -> a.getAssignee().compareTo(b.getAssignee())).toList();
        assertThat(tasks).as("ballot tasks").hasSizeGreaterThanOrEqualTo(10);
        List<Cast> cast = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            Task task = tasks.get(i);
            Set<String> entitled = new TreeSet<>(finalistIds);
            if (task.getAssignee().equals("majun")) {
                entitled.remove(recused);
            }
            Set<String> approved = new TreeSet<>();
            for (int j = 0; j < finalistIds.size(); j++) {
                if (((i + 1) >> j & 1) == 0 && entitled.contains(finalistIds.get(j))) {
                    approved.add(finalistIds.get(j));
                }
            }
            identity.setAuthentication(task.getAssignee(), identity.createGroupQuery().groupMember(task.getAssignee())
                    .list().stream().map(Group::getId).toList());
            try {
                forms.submitTaskForm(task.getId(), vars(BallotBox.CHOICE_VARIABLE, new ArrayList<>(approved)));
            } finally {
                identity.clearAuthentication();
            }
            // Wall-clock time of the commit: what ACT_HI_TASKINST.END_TIME_ says in production (the tests move
            // the engine clock, so its END_TIME_ is fictitious here).
            cast.add(new Cast(task.getAssignee(), entitled, approved, System.currentTimeMillis()));
            Thread.sleep(1_200);
        }
        return cast;
    }

    /** The ways a member's choice would be written in the clear: the lists as a client or Camunda writes them. */
    static List<String> plainForms(Cast cast) {
        List<String> forms = new ArrayList<>();
        if (cast.approved().size() >= 2) {
            List<String> ids = new ArrayList<>(cast.approved());
            forms.add("[\"" + String.join("\",\"", ids) + "\"]");
            forms.add("[\"" + String.join("\", \"", ids) + "\"]");
            forms.add("[" + String.join(",", ids) + "]");
            forms.add("[" + String.join(", ", ids) + "]");
        }
        return forms;
    }

    /** Every encoding of the private key someone could have written: raw 32 bytes, hex, decimal, base64. */
    static List<byte[]> keyEncodings(BigInteger key) {
        byte[] raw = ExponentialElGamal.scalars(key);
        return List.of(raw, key.toString(16).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().formatHex(raw).getBytes(StandardCharsets.US_ASCII),
                HexFormat.of().withUpperCase().formatHex(raw).getBytes(StandardCharsets.US_ASCII),
                key.toString().getBytes(StandardCharsets.US_ASCII),
                Base64.getEncoder().encode(raw));
    }

    static int indexOf(byte[] haystack, byte[] needle, int from, int to) {
        outer:
        for (int i = Math.max(0, from); i + needle.length <= Math.min(haystack.length, to); i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static BigInteger readKey(BallotKeys keys, Long campaignId) throws java.io.IOException {
        return new BigInteger(Files.readString(keys.file(keys.keyId(campaignId).orElseThrow())).trim(), 16);
    }

    /** Sealed rows (ciphertext → finalist), read as the attacker reads the copy. */
    static Map<String, Long> sealedRows(JdbcTemplate jdbc, Long campaignId) {
        Map<String, Long> rows = new HashMap<>();
        jdbc.query("select ciphertext, nomination_id from sealed_ballot where campaign_id = ?",
                rs -> {
                    rows.put(HexFormat.of().formatHex(rs.getBytes(1)), rs.getLong(2));
                }, campaignId);
        return rows;
    }

    /** Opens one ballot row: possible only with the private key, which the attacker of the files does not have. */
    static int open(BigInteger key, String ciphertextHex) {
        return ExponentialElGamal.decryptSum(key, Ciphertext.decode(HexFormat.of().parseHex(ciphertextHex)), 1);
    }

    /** The totals the copy alone proves: each finalist's sum re-added from the rows and its decryption proof. */
    static Map<Long, Integer> verifiedTotals(JdbcTemplate copy, Long campaignId) {
        ECPoint h = copy.queryForObject("select public_key from ballot_key where campaign_id = ?",
                (rs, i) -> ExponentialElGamal.point(rs.getBytes(1)), campaignId);
        Map<Long, Integer> totals = new HashMap<>();
        copy.query("select nomination_id, approvals, ciphertext_sum, decryption_proof from ballot_tally "
                + "where campaign_id = ?", rs -> {
                    long nomination = rs.getLong(1);
                    Ciphertext sum = Ciphertext.zero();
                    for (byte[] row : copy.queryForList("select ciphertext from sealed_ballot where campaign_id = ? "
                            + "and nomination_id = ?", byte[].class, campaignId, nomination)) {
                        sum = sum.plus(Ciphertext.decode(row));
                    }
                    assertThat(sum.encoded()).as("stored sum of " + nomination).isEqualTo(rs.getBytes(3));
                    assertThat(BallotProofs.verifyDecryption(h, sum, rs.getInt(2), rs.getBytes(4),
                            BallotBox.proofContext(campaignId, nomination))).as("decryption proof of " + nomination)
                            .isTrue();
                    totals.put(nomination, rs.getInt(2));
                }, campaignId);
        return totals;
    }

    static void resetClock() {
        ClockUtil.reset();
    }
}
