package io.laurel.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.files.FileStore;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15 point 2: poison mails. A corpus of broken MIME shapes is mailed over real SMTP (byte for byte, no
 * client re-encoding) between three good packages; one poll over real IMAP (GreenMail) must store every
 * mail as it came, register the good packages, answer each poison mail whose sender can be read, and set the
 * unreadable ones aside where staff can list them ({@code GET /api/intake/set-aside}).
 */
@LaurelTest
class PoisonMailTest extends IntakeTestSupport {

    /** What must become of a poison mail. */
    enum Outcome {
        /** Unreadable: SET_ASIDE, answered with the "cannot read" mail where a sender can be read. */
        SET_ASIDE,
        /** Readable but not a package (no ZIP, a refused ZIP): the process answers with its problems mail. */
        PROBLEMS_MAIL
    }

    record Poison(String shape, Outcome outcome, boolean hasSender, String sender, String messageId, byte[] raw) {
    }

    @Autowired
    NominationRepository nominations;
    @Autowired
    FileStore files;
    @LocalServerPort
    int port;

    @Test
    void broken_mails_are_kept_answered_and_set_aside_and_never_hold_up_the_good_packages() throws Exception {
        Campaign campaign = openCampaign();
        List<Poison> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(10);

        List<String> goodSenders = new ArrayList<>();
        List<String> goodIds = new ArrayList<>();
        int good = 0;
        for (int i = 0; i < corpus.size(); i++) {
            if (i % 5 == 0) { // good packages before, among and after the poison
                String from = sender();
                goodSenders.add(from);
                goodIds.add(sendGood(from, "好包" + (++good)));
            }
            Poison p = corpus.get(i);
            sendRaw(p.hasSender() ? p.sender() : "nobody@unit.example", p.raw());
        }
        String lastFrom = sender();
        goodSenders.add(lastFrom);
        goodIds.add(sendGood(lastFrom, "好包" + (++good)));

        // one poll: nothing thrown, every mail stored (the poison ones included)
        MailboxPoller.PollReport report = poll();
        assertThat(report.stored()).isEqualTo(corpus.size() + goodIds.size());

        for (String id : goodIds) {
            IntakePackage pkg = packageOf(id);
            runJobs(pkg);
            assertThat(packages.findById(pkg.getId()).orElseThrow().getStatus())
                    .as("good package %s", id).isEqualTo(IntakePackage.Status.REGISTERED);
        }
        List<String> registered = nominations.findByCampaignIdOrderById(campaign.getId()).stream()
                .map(Nomination::getCandidateName).toList();
        for (int g = 1; g <= good; g++) {
            assertThat(registered).contains("好包" + g);
        }
        for (String from : goodSenders) {
            assertThat(subject(mailsTo(from, 1).get(0))).contains("回执");
        }

        Map<String, String> report2 = new LinkedHashMap<>();
        for (Poison p : corpus) {
            IntakeMessage row = messages.findByMessageId(p.messageId()).orElseThrow(
                    () -> new AssertionError(p.shape() + ": not stored under its Message-ID " + p.messageId()));
            // kept as it came: the stored .eml ends with the bytes we sent (the server only adds trace headers)
            byte[] stored;
            try (InputStream in = files.open(row.getEmlLocation())) {
                stored = in.readAllBytes();
            }
            assertThat(endsWith(stored, body(p.raw()))).as(p.shape() + ": original kept byte for byte").isTrue();
            if (p.outcome() == Outcome.SET_ASIDE) {
                assertThat(row.getStatus()).as(p.shape()).isEqualTo(IntakeMessage.Status.SET_ASIDE);
                assertThat(row.getProblem()).as(p.shape()).isNotBlank();
                if (p.hasSender()) {
                    assertThat(subject(mailsTo(p.sender(), 1).get(0))).as(p.shape()).contains("无法读取");
                    assertThat(content(received(p.sender()).get(0))).contains(row.getProblem());
                }
            } else {
                assertThat(row.getStatus()).as(p.shape()).isEqualTo(IntakeMessage.Status.DISPATCHED);
                runJobs(packageOf(p.messageId()));
                assertThat(subject(mailsTo(p.sender(), 1).get(0))).as(p.shape()).doesNotContain("回执");
            }
            report2.put(p.shape(), row.getStatus() + (row.getProblem() == null ? "" : ": " + row.getProblem()));
        }
        report2.forEach((shape, outcome) -> System.out.println("poison mail " + shape + " -> " + outcome));

        // staff see the set-aside ones; a department head does not
        Http.Answer list = Http.to(port).as("demo", "demo").get("/api/intake/set-aside");
        assertThat(list.status()).isEqualTo(200);
        corpus.stream().filter(p -> p.outcome() == Outcome.SET_ASIDE)
                .forEach(p -> assertThat(list.body()).contains(p.messageId()));
        assertThat(Http.to(port).get("/api/intake/set-aside").status()).isEqualTo(401);

        // a second poll finds nothing left behind
        MailboxPoller.PollReport again = poll();
        assertThat(again.stored()).isZero();
        assertThat(again.recovered()).isZero();
    }

    // ------------------------------------------------------------------ the corpus

    private List<Poison> corpus() throws Exception {
        List<Poison> list = new ArrayList<>();
        String zip = Base64.getMimeEncoder().encodeToString(PackageZip.gbk().applicant("精英客服奖", "毒包")
                .unitFiles(new String[][] {{"毒包", "客服", "1", "d@x", "2019年度精英客服奖"}}).bytes());

        list.add(poison("broken boundary", Outcome.SET_ASIDE, true, id -> headers(id, "multipart/mixed; boundary=\"AAA\"")
                + "\r\n--BBB\r\nContent-Type: text/plain\r\n\r\n请查收\r\n--BBB\r\nContent-Type: application/zip; name=\"a.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + zip + "\r\n--BBB--\r\n"));
        list.add(poison("bad base64", Outcome.SET_ASIDE, true, id -> headers(id, "multipart/mixed; boundary=\"b1\"")
                + "\r\n--b1\r\nContent-Type: text/plain\r\n\r\n请查收\r\n--b1\r\nContent-Type: application/zip; name=\"a.zip\"\r\n"
                + "Content-Disposition: attachment; filename=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + "UEsDBBQAAAAIAA=A=AAA=\r\nQUJD=QUJD\r\n--b1--\r\n"));
        list.add(poison("bad charset", Outcome.SET_ASIDE, true, id -> headers(id, "multipart/mixed; boundary=\"b2\"")
                + "\r\n--b2\r\nContent-Type: text/plain; charset=\"x-no-such-charset\"\r\n\r\n\u00c7\u00eb\u00b2\u00e9\u00ca\u00d5\r\n"
                + "--b2\r\nContent-Type: application/zip; name=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + zip + "\r\n--b2--\r\n"));
        list.add(poison("multipart nested 40 deep", Outcome.SET_ASIDE, true, id -> headers(id,
                "multipart/mixed; boundary=\"n0\"") + "\r\n" + nested(0, 40)));
        list.add(poison("message/rfc822 nested 40 deep, no attachment", Outcome.PROBLEMS_MAIL, true,
                id -> headers(id, "message/rfc822") + "\r\n" + rfc822(40)));
        list.add(poison("missing From", Outcome.SET_ASIDE, false, id -> "To: " + MAILBOX + "\r\nSubject: no sender\r\n"
                + "Message-ID: " + id + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n请查收\r\n"));
        list.add(poison("huge headers (300 KB)", Outcome.SET_ASIDE, true, id -> headers(id, "text/plain; charset=UTF-8")
                .replace("MIME-Version", "X-Filler: " + "x".repeat(900) + "\r\n" + ("X-Filler: " + "y".repeat(900)
                        + "\r\n").repeat(330) + "MIME-Version") + "\r\n请查收\r\n"));
        list.add(poison("truncated mail (no end boundary, cut attachment)", Outcome.SET_ASIDE, true,
                id -> headers(id, "multipart/mixed; boundary=\"t1\"") + "\r\n--t1\r\nContent-Type: text/plain\r\n\r\n请查收\r\n"
                        + "--t1\r\nContent-Type: application/zip; name=\"a.zip\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                        + zip.substring(0, zip.length() / 3 / 76 * 76) + "\r\n"));
        list.add(poison("invalid Content-Type", Outcome.SET_ASIDE, true, id -> headers(id,
                "multipart/mixed; boundary=\"c1\"; =;;\"") + "\r\n--c1\r\nContent-Type: application/zip; name=\"a.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + zip + "\r\n--c1--\r\n"));
        list.add(poison("unknown transfer encoding", Outcome.SET_ASIDE, true, id -> headers(id,
                "multipart/mixed; boundary=\"e1\"") + "\r\n--e1\r\nContent-Type: application/zip; name=\"a.zip\"\r\n"
                + "Content-Disposition: attachment; filename=\"a.zip\"\r\nContent-Transfer-Encoding: x-bogus\r\n\r\n"
                + zip + "\r\n--e1--\r\n"));
        list.add(poison("zip bomb attachment", Outcome.PROBLEMS_MAIL, true, id -> headers(id,
                "multipart/mixed; boundary=\"z1\"") + "\r\n--z1\r\nContent-Type: application/zip; name=\"bomb.zip\"\r\n"
                + "Content-Disposition: attachment; filename=\"bomb.zip\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(zipBomb())
                + "\r\n--z1--\r\n"));
        list.add(poison("8-bit body without charset, no attachment", Outcome.PROBLEMS_MAIL, true,
                id -> headers(id, "text/plain") + "\r\n\u00c7\u00eb\u00b2\u00e9\u00ca\u00d5\r\n"));
        return list;
    }

    interface Body {
        String of(String messageId) throws Exception;
    }

    private Poison poison(String shape, Outcome outcome, boolean hasSender, Body body) throws Exception {
        String from = sender();
        String id = "<poison-" + UUID.randomUUID() + "@unit.example>";
        String text = body.of(id).replace("{FROM}", from);
        // ISO-8859-1 keeps the \u0080-\u00ff chars above as single raw bytes (8-bit GBK, undecodable text)
        byte[] raw = text.getBytes(StandardCharsets.ISO_8859_1);
        return new Poison(shape, outcome, hasSender, from, id, raw);
    }

    private static String headers(String messageId, String contentType) {
        return "From: {FROM}\r\nTo: " + MAILBOX + "\r\nSubject: =?UTF-8?B?"
                + Base64.getEncoder().encodeToString(PackageZip.ARCHIVE.getBytes(StandardCharsets.UTF_8)) + "?=\r\n"
                + "Message-ID: " + messageId + "\r\nMIME-Version: 1.0\r\nContent-Type: " + contentType + "\r\n";
    }

    private static String nested(int level, int depth) {
        if (level == depth) {
            return "--n" + level + "\r\nContent-Type: text/plain\r\n\r\n底\r\n--n" + level + "--\r\n";
        }
        return "--n" + level + "\r\nContent-Type: multipart/mixed; boundary=\"n" + (level + 1) + "\"\r\n\r\n"
                + nested(level + 1, depth) + "--n" + level + "--\r\n";
    }

    private static String rfc822(int depth) {
        return depth == 0 ? "From: a@b.example\r\nSubject: inner\r\n\r\n底\r\n"
                : "From: a@b.example\r\nSubject: fwd\r\nContent-Type: message/rfc822\r\n\r\n" + rfc822(depth - 1);
    }

    /** 64 MB of zeros in a ZIP of about 64 KB: over the unpacker's ratio limit. */
    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("zeros.pdf"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ sending

    private String sendGood(String from, String applicant) throws Exception {
        // One unit sends every good package, and seed 000 allows a unit 3 applicants per award across all its
        // mails: the 4th good package names another award, so it is as acceptable as the others.
        String award = applicant.endsWith("4") ? "优秀培训师" : "精英客服奖";
        return send(from, "申报资料", "请查收。", PackageZip.ARCHIVE + ".zip", PackageZip.gbk().applicant(award, applicant)
                .unitFiles(new String[][] {{applicant, "客服", "1", "g@x", "2019年度" + award}}).bytes());
    }

    /** Sends the bytes as they are: no client parses, re-encodes or completes them on the way. */
    private void sendRaw(String envelopeFrom, byte[] raw) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        props.put("mail.smtp.from", envelopeFrom);
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session) {
            @Override
            public void writeTo(OutputStream out, String[] ignoreHeaders) throws java.io.IOException {
                out.write(raw);
            }
        };
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[] {new InternetAddress(MAILBOX)});
        }
    }

    /**
     * The part after the header lines: servers add trace headers at the top and GreenMail keeps the last line
     * break as part of the SMTP end-of-data mark, the rest comes back as sent.
     */
    private static byte[] body(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int blank = text.indexOf("\r\n\r\n");
        String body = text.substring(blank < 0 ? 0 : blank);
        if (body.endsWith("\r\n")) {
            body = body.substring(0, body.length() - 2);
        }
        return body.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean endsWith(byte[] all, byte[] tail) {
        if (tail.length > all.length) {
            return false;
        }
        for (int i = 0; i < tail.length; i++) {
            if (all[all.length - tail.length + i] != tail[i]) {
                return false;
            }
        }
        return true;
    }
}
