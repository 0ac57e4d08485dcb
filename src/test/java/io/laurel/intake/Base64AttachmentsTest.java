package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.eclipse.angus.mail.util.BASE64DecoderStream;
import org.junit.jupiter.api.Test;

/** The fast attachment decoder gives JavaMail's bytes for what mail clients send, and refuses the rest. */
class Base64AttachmentsTest {

    @Test
    void decodes_mime_base64_like_javamail_for_every_padding_and_chunk_boundary() throws Exception {
        Random random = new Random(8);
        for (int size : new int[] {0, 1, 2, 3, 57, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 200_001, 1_000_002}) {
            byte[] data = new byte[size];
            random.nextBytes(data);
            byte[] encoded = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).encode(data);
            byte[] withTrailingBreak = (new String(encoded, StandardCharsets.US_ASCII) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            for (byte[] input : new byte[][] {encoded, withTrailingBreak}) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Base64Attachments.decode(new ByteArrayInputStream(input), out);
                assertThat(out.toByteArray()).as("size " + size).isEqualTo(data)
                        .isEqualTo(new BASE64DecoderStream(new ByteArrayInputStream(input)).readAllBytes());
            }
        }
    }

    @Test
    void irregular_input_is_refused_so_the_caller_falls_back_to_javamail() {
        for (String bad : new String[] {"QUJD\r\nRA", "QQ==QUJD", "QUJDRA=\r\n=QUJD", "Q"}) {
            assertThatThrownBy(() -> Base64Attachments.decode(
                    new ByteArrayInputStream(bad.getBytes(StandardCharsets.US_ASCII)), new ByteArrayOutputStream()))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
