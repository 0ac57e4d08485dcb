package io.laurel.vote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.vote.ExponentialElGamal.Ciphertext;
import io.laurel.vote.ExponentialElGamal.Encryption;
import io.laurel.vote.ExponentialElGamal.KeyPair;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The ballot cryptography on its own: homomorphic sums, the proofs, and what the stored bytes do not give away. */
class ExponentialElGamalTest {

    private static final String CONTEXT = BallotBox.proofContext(7L, 42L);

    @Test
    void the_sum_of_encrypted_choices_decrypts_to_the_number_of_approvals() {
        KeyPair key = ExponentialElGamal.generateKeyPair();
        Random choices = new Random(15);
        for (int vote = 0; vote < 5; vote++) {
            Ciphertext sum = Ciphertext.zero();
            int approvals = 0;
            for (int member = 0; member < 15; member++) {
                int choice = choices.nextInt(2);
                approvals += choice;
                sum = sum.plus(Ciphertext.decode(ExponentialElGamal.encrypt(key.publicKey(), choice).ciphertext().encoded()));
            }
            assertThat(ExponentialElGamal.decryptSum(key.privateKey(), sum, 15)).isEqualTo(approvals);
        }
        assertThat(ExponentialElGamal.decryptSum(key.privateKey(), Ciphertext.zero(), 0)).isZero();
    }

    @Test
    void equal_choices_never_give_equal_ciphertexts() {
        KeyPair key = ExponentialElGamal.generateKeyPair();
        byte[] first = ExponentialElGamal.encrypt(key.publicKey(), 1).ciphertext().encoded();
        byte[] second = ExponentialElGamal.encrypt(key.publicKey(), 1).ciphertext().encoded();
        assertThat(first).hasSize(66).isNotEqualTo(second);
        assertThat(ExponentialElGamal.encrypt(key.publicKey(), 0).ciphertext().encoded()).hasSize(66);
    }

    @Test
    void a_ballot_row_proves_zero_or_one_and_nothing_else_passes() {
        KeyPair key = ExponentialElGamal.generateKeyPair();
        for (int choice = 0; choice <= 1; choice++) {
            Encryption sealed = ExponentialElGamal.encrypt(key.publicKey(), choice);
            byte[] proof = BallotProofs.proveZeroOrOne(key.publicKey(), sealed, choice, CONTEXT);
            assertThat(BallotProofs.verifyZeroOrOne(key.publicKey(), sealed.ciphertext(), proof, CONTEXT)).isTrue();
            // Bound to its candidate: the same row moved to another finalist fails.
            assertThat(BallotProofs.verifyZeroOrOne(key.publicKey(), sealed.ciphertext(), proof,
                    BallotProofs.class.getName())).isFalse();
        }
        // A "2" (two approvals in one row) cannot be given a passing proof, whichever branch is claimed.
        BigInteger r = ExponentialElGamal.randomScalar();
        Ciphertext two = new Ciphertext(ExponentialElGamal.G.multiply(r).normalize(),
                key.publicKey().multiply(r).add(ExponentialElGamal.G.multiply(BigInteger.TWO)).normalize());
        for (int claimed = 0; claimed <= 1; claimed++) {
            byte[] forged = BallotProofs.proveZeroOrOne(key.publicKey(), new Encryption(two, r), claimed, CONTEXT);
            assertThat(BallotProofs.verifyZeroOrOne(key.publicKey(), two, forged, CONTEXT)).isFalse();
        }
        assertThatThrownBy(() -> ExponentialElGamal.encrypt(key.publicKey(), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_published_total_is_checkable_without_the_key_and_a_false_one_is_not() {
        KeyPair key = ExponentialElGamal.generateKeyPair();
        Ciphertext sum = Ciphertext.zero();
        for (int choice : new int[] {1, 1, 0, 1, 0, 1, 1, 1, 1, 1}) {
            sum = sum.plus(ExponentialElGamal.encrypt(key.publicKey(), choice).ciphertext());
        }
        int total = ExponentialElGamal.decryptSum(key.privateKey(), sum, 10);
        assertThat(total).isEqualTo(8);
        byte[] proof = BallotProofs.proveDecryption(key.privateKey(), key.publicKey(), sum, total, CONTEXT);
        assertThat(BallotProofs.verifyDecryption(key.publicKey(), sum, 8, proof, CONTEXT)).isTrue();
        assertThat(BallotProofs.verifyDecryption(key.publicKey(), sum, 7, proof, CONTEXT)).isFalse();
        assertThat(BallotProofs.verifyDecryption(key.publicKey(), sum, 9, proof, CONTEXT)).isFalse();
    }

    /**
     * Everything the database keeps of a vote — public key, each row's ciphertext and proof, the sums, totals and
     * decryption proofs — does not contain the private key: no 32-byte window of it (nor the public key's
     * coordinate) is a scalar x with xG = H, and opening one ballot with any of those candidates gives no 0/1.
     * Only the real key, which is kept outside the database, opens it.
     */
    @Test
    void a_single_ballot_cannot_be_opened_with_what_the_database_holds() {
        KeyPair key = ExponentialElGamal.generateKeyPair();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        stored.writeBytes(ExponentialElGamal.encode(key.publicKey()));
        List<Ciphertext> ballots = new ArrayList<>();
        Ciphertext sum = Ciphertext.zero();
        for (int member = 0; member < 12; member++) {
            int choice = member % 3 == 0 ? 0 : 1;
            Encryption sealed = ExponentialElGamal.encrypt(key.publicKey(), choice);
            stored.writeBytes(sealed.ciphertext().encoded());
            stored.writeBytes(BallotProofs.proveZeroOrOne(key.publicKey(), sealed, choice, CONTEXT));
            ballots.add(sealed.ciphertext());
            sum = sum.plus(sealed.ciphertext());
        }
        int total = ExponentialElGamal.decryptSum(key.privateKey(), sum, 12);
        stored.writeBytes(sum.encoded());
        stored.writeBytes(BallotProofs.proveDecryption(key.privateKey(), key.publicKey(), sum, total, CONTEXT));
        byte[] database = stored.toByteArray();

        byte[] secret = ExponentialElGamal.scalars(key.privateKey());
        int tried = 0;
        for (int at = 0; at + 32 <= database.length; at++) {
            byte[] window = Arrays.copyOfRange(database, at, at + 32);
            assertThat(window).as("the private key stored at byte " + at).isNotEqualTo(secret);
            BigInteger candidate = new BigInteger(1, window).mod(ExponentialElGamal.N);
            if (candidate.signum() == 0) {
                continue;
            }
            assertThat(ExponentialElGamal.G.multiply(candidate).normalize()).isNotEqualTo(key.publicKey());
            tried++;
            if (at % 97 == 0) {
                // Opening a ballot with a wrong key yields a point that is neither 0·G nor 1·G.
                assertThatThrownBy(() -> ExponentialElGamal.decryptSum(candidate, ballots.get(0), 1))
                        .isInstanceOf(IllegalStateException.class);
            }
        }
        assertThat(tried).isGreaterThan(2000);
        assertThat(ExponentialElGamal.decryptSum(key.privateKey(), ballots.get(0), 1)).isZero();
        assertThat(ExponentialElGamal.decryptSum(key.privateKey(), ballots.get(1), 1)).isOne();
    }
}
