package io.laurel.vote;

import static io.laurel.vote.ExponentialElGamal.G;
import static io.laurel.vote.ExponentialElGamal.N;
import static io.laurel.vote.ExponentialElGamal.challenge;
import static io.laurel.vote.ExponentialElGamal.randomScalar;
import static io.laurel.vote.ExponentialElGamal.scalar;
import static io.laurel.vote.ExponentialElGamal.scalars;

import io.laurel.vote.ExponentialElGamal.Ciphertext;
import io.laurel.vote.ExponentialElGamal.Encryption;
import java.math.BigInteger;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Non-interactive zero-knowledge proofs (Fiat-Shamir), as Helios uses them, so that anyone holding the database —
 * an auditor as much as an attacker — can check the tally without being able to open a ballot:
 * <ul>
 * <li>{@link #proveZeroOrOne}: the ciphertext holds 0 or 1, without saying which (a disjunctive Chaum-Pedersen
 * proof). A ballot row that fails it, e.g. a "5" written into the table, stops the tally.</li>
 * <li>{@link #proveDecryption}: a candidate's published total is what the sum of its ballots decrypts to
 * (Chaum-Pedersen: log_G H = log_C1 (C2 - total·G)), checkable without the private key.</li>
 * </ul>
 * The context string (campaign and candidate) is hashed in, so a proof cannot be moved to another candidate.
 */
final class BallotProofs {

    private BallotProofs() {
    }

    /** (e0, e1, z0, z1): 128 bytes. */
    static byte[] proveZeroOrOne(ECPoint h, Encryption encryption, int choice, String context) {
        Ciphertext c = encryption.ciphertext();
        int fake = 1 - choice;
        BigInteger[] e = new BigInteger[2];
        BigInteger[] z = new BigInteger[2];
        ECPoint[] a = new ECPoint[2];
        ECPoint[] b = new ECPoint[2];
        // The branch that is not true is simulated: choose its challenge and answer, derive its commitments.
        e[fake] = randomScalar();
        z[fake] = randomScalar();
        a[fake] = commitmentA(z[fake], e[fake], c);
        b[fake] = commitmentB(h, z[fake], e[fake], c, fake);
        BigInteger w = randomScalar();
        a[choice] = G.multiply(w);
        b[choice] = h.multiply(w);
        BigInteger total = challenge(context, h, c.c1(), c.c2(), a[0], b[0], a[1], b[1]);
        e[choice] = total.subtract(e[fake]).mod(N);
        z[choice] = w.add(e[choice].multiply(encryption.randomness())).mod(N);
        return scalars(e[0], e[1], z[0], z[1]);
    }

    static boolean verifyZeroOrOne(ECPoint h, Ciphertext c, byte[] proof, String context) {
        if (proof == null || proof.length != 128) {
            return false;
        }
        BigInteger e0 = scalar(proof, 0);
        BigInteger e1 = scalar(proof, 1);
        BigInteger z0 = scalar(proof, 2);
        BigInteger z1 = scalar(proof, 3);
        BigInteger expected = challenge(context, h, c.c1(), c.c2(), commitmentA(z0, e0, c), commitmentB(h, z0, e0, c, 0),
                commitmentA(z1, e1, c), commitmentB(h, z1, e1, c, 1));
        return e0.add(e1).mod(N).equals(expected);
    }

    /** (e, z): 64 bytes. Proves the total decrypts the sum, for the holder of x only. */
    static byte[] proveDecryption(java.math.BigInteger privateKey, ECPoint h, Ciphertext sum, int total, String context) {
        ECPoint d = ExponentialElGamal.decryptionFactor(privateKey, sum);
        BigInteger w = randomScalar();
        ECPoint a = G.multiply(w);
        ECPoint b = sum.c1().multiply(w);
        BigInteger e = challenge(context + "|total=" + total, h, sum.c1(), sum.c2(), d, a, b);
        BigInteger z = w.add(e.multiply(privateKey)).mod(N);
        return scalars(e, z);
    }

    static boolean verifyDecryption(ECPoint h, Ciphertext sum, int total, byte[] proof, String context) {
        if (proof == null || proof.length != 64) {
            return false;
        }
        BigInteger e = scalar(proof, 0);
        BigInteger z = scalar(proof, 1);
        ECPoint d = sum.c2().subtract(G.multiply(BigInteger.valueOf(total))).normalize();
        ECPoint a = G.multiply(z).subtract(h.multiply(e));
        ECPoint b = sum.c1().multiply(z).subtract(d.multiply(e));
        return e.equals(challenge(context + "|total=" + total, h, sum.c1(), sum.c2(), d, a, b));
    }

    /** A = zG - eC1: equals wG when the branch is real (z = w + e·r). */
    private static ECPoint commitmentA(BigInteger z, BigInteger e, Ciphertext c) {
        return G.multiply(z).subtract(c.c1().multiply(e));
    }

    /** B = zH - e(C2 - mG): equals wH when C2 - mG = rH. */
    private static ECPoint commitmentB(ECPoint h, BigInteger z, BigInteger e, Ciphertext c, int m) {
        ECPoint unmasked = m == 1 ? c.c2().subtract(G) : c.c2();
        return h.multiply(z).subtract(unmasked.multiply(e));
    }
}
