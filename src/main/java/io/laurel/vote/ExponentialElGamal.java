package io.laurel.vote;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * Exponential ElGamal on the NIST P-256 curve: a choice m (0 or 1) under public key H = xG is the pair
 * (rG, mG + rH) for a fresh random r. Adding ciphertexts point by point adds the choices, so the ballots of a
 * candidate can be summed without opening any of them, and only the sum is decrypted: C2 - xC1 = (Σm)G, whose
 * small discrete logarithm (at most the number of ballots) is found by counting. Without x a ciphertext of 0
 * and one of 1 cannot be told apart (decisional Diffie-Hellman on P-256).
 */
final class ExponentialElGamal {

    static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    static final ECPoint G = CURVE.getG();
    static final BigInteger N = CURVE.getN();
    /** A compressed point is 33 bytes; the point at infinity is written as 33 zero bytes. */
    static final int POINT_BYTES = 33;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ExponentialElGamal() {
    }

    /** A key pair; the private scalar never goes to the database (see {@link BallotKeys}). */
    record KeyPair(BigInteger privateKey, ECPoint publicKey) {
    }

    /** (C1, C2) = (rG, mG + rH). */
    record Ciphertext(ECPoint c1, ECPoint c2) {

        Ciphertext plus(Ciphertext other) {
            return new Ciphertext(c1.add(other.c1).normalize(), c2.add(other.c2).normalize());
        }

        byte[] encoded() {
            byte[] bytes = new byte[2 * POINT_BYTES];
            System.arraycopy(encode(c1), 0, bytes, 0, POINT_BYTES);
            System.arraycopy(encode(c2), 0, bytes, POINT_BYTES, POINT_BYTES);
            return bytes;
        }

        static Ciphertext decode(byte[] bytes) {
            if (bytes.length != 2 * POINT_BYTES) {
                throw new IllegalArgumentException("a ciphertext has " + 2 * POINT_BYTES + " bytes, not " + bytes.length);
            }
            return new Ciphertext(point(Arrays.copyOfRange(bytes, 0, POINT_BYTES)),
                    point(Arrays.copyOfRange(bytes, POINT_BYTES, 2 * POINT_BYTES)));
        }

        /** The encryption of 0 with r = 0: the neutral element to start a sum from. */
        static Ciphertext zero() {
            return new Ciphertext(G.getCurve().getInfinity(), G.getCurve().getInfinity());
        }
    }

    /** An encryption together with its randomness, which only the validity proof may use and nobody keeps. */
    record Encryption(Ciphertext ciphertext, BigInteger randomness) {
    }

    static KeyPair generateKeyPair() {
        BigInteger x = randomScalar();
        return new KeyPair(x, G.multiply(x).normalize());
    }

    static Encryption encrypt(ECPoint publicKey, int choice) {
        if (choice != 0 && choice != 1) {
            throw new IllegalArgumentException("a ballot choice is 0 or 1");
        }
        BigInteger r = randomScalar();
        ECPoint c1 = G.multiply(r).normalize();
        ECPoint c2 = publicKey.multiply(r).add(choice == 1 ? G : G.getCurve().getInfinity()).normalize();
        return new Encryption(new Ciphertext(c1, c2), r);
    }

    /** xC1, the factor that removes the mask from C2. */
    static ECPoint decryptionFactor(BigInteger privateKey, Ciphertext ciphertext) {
        return ciphertext.c1().multiply(privateKey).normalize();
    }

    /**
     * The sum m in 0..max that the ciphertext holds. Only ever called on a candidate's summed ciphertext: a single
     * ballot is never decrypted.
     */
    static int decryptSum(BigInteger privateKey, Ciphertext sum, int max) {
        ECPoint target = sum.c2().subtract(decryptionFactor(privateKey, sum)).normalize();
        ECPoint candidate = G.getCurve().getInfinity();
        for (int m = 0; m <= max; m++) {
            if (candidate.equals(target)) {
                return m;
            }
            candidate = candidate.add(G).normalize();
        }
        throw new IllegalStateException("the sum decrypts to no count between 0 and " + max
                + " (wrong key, or ballots that are not 0/1)");
    }

    static BigInteger randomScalar() {
        return BigIntegers.createRandomInRange(BigInteger.ONE, N.subtract(BigInteger.ONE), RANDOM);
    }

    static byte[] encode(ECPoint point) {
        return point.isInfinity() ? new byte[POINT_BYTES] : point.getEncoded(true);
    }

    static ECPoint point(byte[] bytes) {
        boolean zero = true;
        for (byte b : bytes) {
            zero &= b == 0;
        }
        return zero ? G.getCurve().getInfinity() : G.getCurve().decodePoint(bytes).normalize();
    }

    /** Fiat-Shamir challenge: SHA-256 over the statement, reduced mod N. */
    static BigInteger challenge(String context, ECPoint... points) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(context.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (ECPoint p : points) {
                digest.update(encode(p.normalize()));
            }
            return new BigInteger(1, digest.digest()).mod(N);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] scalars(BigInteger... values) {
        byte[] bytes = new byte[32 * values.length];
        for (int i = 0; i < values.length; i++) {
            System.arraycopy(BigIntegers.asUnsignedByteArray(32, values[i]), 0, bytes, 32 * i, 32);
        }
        return bytes;
    }

    static BigInteger scalar(byte[] bytes, int index) {
        return new BigInteger(1, Arrays.copyOfRange(bytes, 32 * index, 32 * index + 32));
    }
}
