package io.laurel.vote;

import io.laurel.vote.ExponentialElGamal.Ciphertext;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.math.ec.ECPoint;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The homomorphic count. Per finalist: every sealed ballot row's 0/1 proof is checked, the ciphertexts are added
 * up (no single ballot is ever decrypted), the sum is decrypted with the vote's private key, and the total is
 * stored in {@code ballot_tally} with the sum and a proof that the total is its decryption — so anyone holding the
 * database can re-add the rows and verify the totals, and nobody can open a ballot. When the tally commits, the
 * key file is destroyed.
 */
@Component
class BallotTally {

    private final JdbcTemplate jdbc;
    private final BallotKeys keys;

    BallotTally(JdbcTemplate jdbc, BallotKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Approvals per finalist. Runs in the tally's transaction (the engine's command). */
    Map<Long, Integer> count(Long campaignId, Collection<Long> finalists) {
        Map<Long, Integer> approvals = new LinkedHashMap<>();
        Integer voters = jdbc.queryForObject("select count(*) from ballot_receipt where campaign_id = ?", Integer.class,
                campaignId);
        int voted = voters == null ? 0 : voters;
        // A vote open while Laurel was upgraded has plain ballots from before: then only "not more rows than voters".
        boolean legacyVote = legacyRows(campaignId) > 0;
        ECPoint publicKey = keys.publicKey(campaignId).orElse(null);
        BigInteger privateKey = publicKey == null ? null : keys.privateKey(campaignId);
        for (Long nominationId : finalists) {
            int legacy = legacyApprovals(nominationId);
            List<Row> rows = jdbc.query("select ciphertext, validity_proof from sealed_ballot where campaign_id = ? "
                    + "and nomination_id = ?", (rs, i) -> new Row(Ciphertext.decode(rs.getBytes(1)), rs.getBytes(2)),
                    campaignId, nominationId);
            if (rows.isEmpty() && privateKey == null) {
                approvals.put(nominationId, legacy);
                continue;
            }
            if (legacyVote ? rows.size() > voted : rows.size() != voted) {
                throw new ProcessEngineException("计票中止:候选人 " + nominationId + " 的密封选票数 (" + rows.size()
                        + ") 与已投票委员人数 (" + voters + ") 不符 (sealed ballot count does not match receipts)");
            }
            String context = BallotBox.proofContext(campaignId, nominationId);
            Ciphertext sum = Ciphertext.zero();
            for (Row row : rows) {
                if (!BallotProofs.verifyZeroOrOne(publicKey, row.ciphertext(), row.proof(), context)) {
                    throw new ProcessEngineException("计票中止:候选人 " + nominationId
                            + " 有一张选票未通过有效性校验 (a sealed ballot fails its 0/1 proof)");
                }
                sum = sum.plus(row.ciphertext());
            }
            int total = ExponentialElGamal.decryptSum(privateKey, sum, rows.size());
            jdbc.update("insert into ballot_tally (campaign_id, nomination_id, ballots, ciphertext_sum, approvals, "
                    + "decryption_proof) values (?, ?, ?, ?, ?, ?)", campaignId, nominationId, rows.size(),
                    sum.encoded(), total, BallotProofs.proveDecryption(privateKey, publicKey, sum, total, context));
            approvals.put(nominationId, total + legacy);
        }
        // Plain ballots of a vote that was open when Laurel was upgraded: counted above, gone with the tally.
        jdbc.update("delete from ballot where campaign_id = ?", campaignId);
        if (publicKey != null) {
            keys.markTallied(campaignId);
            Context.getCommandContext().getTransactionContext()
                    .addTransactionListener(TransactionState.COMMITTED, committed -> keys.destroy(campaignId));
        }
        return approvals;
    }

    private int legacyApprovals(Long nominationId) {
        Integer count = jdbc.queryForObject("select count(*) from ballot where nomination_id = ? and approve = ?",
                Integer.class, nominationId, true);
        return count == null ? 0 : count;
    }

    private int legacyRows(Long campaignId) {
        Integer rows = jdbc.queryForObject("select count(*) from ballot where campaign_id = ?", Integer.class, campaignId);
        return rows == null ? 0 : rows;
    }

    private record Row(Ciphertext ciphertext, byte[] proof) {
    }
}
