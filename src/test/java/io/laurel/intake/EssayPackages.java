package io.laurel.intake;

import io.laurel.mail.EmbeddedMailServer;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.List;
import java.util.Properties;

/**
 * cs-essay-2018 unit packages as a unit's contact builds and mails them (for tests outside the intake package):
 * summary table and business licence at the top, one folder “作品名称+参赛单位+参赛人员” per entry with a
 * 3 MB photo, the article as Word and PDF (1,000 characters) and the recommendation letter.
 */
public final class EssayPackages {

    private EssayPackages() {
    }

    public static String archiveName(String unit) {
        return unit + "+2018年度最美客服人征文大赛申报资料";
    }

    /** {@code entries}: {作品名称, 参赛人员} per entry. */
    public static byte[] zip(String unit, List<String[]> entries) {
        String root = archiveName(unit) + "/";
        String[][] rows = entries.stream().map(e -> new String[] {e[1], "客服专员", "13800000000",
                "author@" + Math.abs(unit.hashCode()) + ".example", e[0]}).toArray(String[][]::new);
        PackageZip zip = PackageZip.gbk()
                .put(root + "推荐单位资料汇总表.xlsx", TestMedia.summaryXlsx(unit, "联系人", "010-12345678",
                        "contact@" + Math.abs(unit.hashCode()) + ".example", rows))
                .put(root + "营业执照.jpg", TestMedia.jpeg(200 * 1024));
        byte[] photo = TestMedia.jpeg(3 * 1024 * 1024);
        byte[] docx = ChineseArticles.docx(1000);
        byte[] pdf = ChineseArticles.pdf(1000);
        for (String[] entry : entries) {
            String folder = root + entry[0] + "+" + unit + "+" + entry[1] + "/";
            zip.put(folder + "单位推荐函.pdf", TestMedia.pdf())
                    .put(folder + "工作照片.jpg", photo)
                    .put(folder + "文章.docx", docx)
                    .put(folder + "文章.pdf", pdf);
        }
        return zip.bytes();
    }

    // Files of an entry folder, for tests that build their own packages (seed 001: 照片 ≥ 3 MB, 文章 800–1200 字 as
    // Word and PDF, or a 4–6 minute video; 推荐函)

    public static byte[] photo(int bytes) {
        return TestMedia.jpeg(bytes);
    }

    public static byte[] articleDocx(int chars) {
        return ChineseArticles.docx(chars);
    }

    public static byte[] articlePdf(int chars) {
        return ChineseArticles.pdf(chars);
    }

    public static byte[] video(int seconds) {
        return TestMedia.mp4(1280, 720, seconds, 4096);
    }

    public static byte[] letter() {
        return TestMedia.pdf();
    }

    /** A ZIP of the given paths (UTF-8 names), in order. */
    public static byte[] zipOf(java.util.Map<String, byte[]> files) {
        PackageZip zip = PackageZip.utf8();
        files.forEach(zip::put);
        return zip.bytes();
    }

    /** Mails the package to the intake mailbox over SMTP, as the unit's contact does. */
    public static void send(EmbeddedMailServer server, String from, String unit, byte[] zip) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", server.host());
        props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props));
        message.setFrom(new InternetAddress(from));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(IntakeTestSupport.MAILBOX));
        message.setSubject(archiveName(unit), "UTF-8");
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("您好,附件是我单位的征文大赛申报资料,请查收。", "UTF-8");
        multipart.addBodyPart(text);
        MimeBodyPart file = new MimeBodyPart();
        file.setDataHandler(new DataHandler(new ByteArrayDataSource(zip, "application/zip")));
        file.setFileName(MimeUtility.encodeText(archiveName(unit) + ".zip", "UTF-8", "B"));
        multipart.addBodyPart(file);
        message.setContent(multipart);
        Transport.send(message);
    }
}
