package io.laurel.intake;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real (small) files for tests: MP4 containers with a chosen duration and picture size, JPEGs, PDF, Word, XLSX. */
public final class TestMedia {

    private TestMedia() {
    }

    /**
     * An ISO base media (MP4) file: ftyp, moov with mvhd/tkhd/mdhd/hdlr('vide')/stsd('avc1' width × height),
     * and an mdat of {@code payloadBytes} random bytes. Players would find no frames, but every container
     * field a checker reads is real.
     */
    public static byte[] mp4(int width, int height, int seconds, int payloadBytes) {
        try {
            int timescale = 1000;
            long duration = seconds * 1000L;
            byte[] ftyp = box("ftyp", concat(ascii("isom"), int32(512), ascii("isom"), ascii("iso2"), ascii("avc1"),
                    ascii("mp41")));
            byte[] matrix = concat(int32(0x00010000), int32(0), int32(0), int32(0), int32(0x00010000), int32(0),
                    int32(0), int32(0), int32(0x40000000));
            byte[] mvhd = box("mvhd", concat(int32(0), int32(0), int32(0), int32(timescale), int32((int) duration),
                    int32(0x00010000), int16(0x0100), new byte[10], matrix, new byte[24], int32(2)));
            byte[] tkhd = box("tkhd", concat(int32(3), int32(0), int32(0), int32(1), int32(0), int32((int) duration),
                    new byte[8], int16(0), int16(0), int16(0), int16(0), matrix, int32(width << 16),
                    int32(height << 16)));
            byte[] mdhd = box("mdhd", concat(int32(0), int32(0), int32(0), int32(timescale), int32((int) duration),
                    int16(0x55c4), int16(0)));
            byte[] hdlr = box("hdlr", concat(int32(0), int32(0), ascii("vide"), new byte[12],
                    "VideoHandler\0".getBytes(StandardCharsets.US_ASCII)));
            byte[] vmhd = box("vmhd", concat(int32(1), int16(0), new byte[6]));
            byte[] dinf = box("dinf", box("dref", concat(int32(0), int32(1), box("url ", int32(1)))));
            byte[] avc1 = box("avc1", concat(new byte[6], int16(1), int16(0), int16(0), new byte[12], int16(width),
                    int16(height), int32(0x00480000), int32(0x00480000), int32(0), int16(1), new byte[32], int16(0x18),
                    int16(0xFFFF)));
            byte[] stsd = box("stsd", concat(int32(0), int32(1), avc1));
            byte[] stts = box("stts", concat(int32(0), int32(1), int32(seconds * 25), int32(40)));
            byte[] stsc = box("stsc", concat(int32(0), int32(0)));
            byte[] stsz = box("stsz", concat(int32(0), int32(0), int32(0)));
            byte[] stco = box("stco", concat(int32(0), int32(0)));
            byte[] stbl = box("stbl", concat(stsd, stts, stsc, stsz, stco));
            byte[] minf = box("minf", concat(vmhd, dinf, stbl));
            byte[] mdia = box("mdia", concat(mdhd, hdlr, minf));
            byte[] trak = box("trak", concat(tkhd, mdia));
            byte[] moov = box("moov", concat(mvhd, trak));
            byte[] payload = new byte[payloadBytes];
            new Random(seconds * 31L + width).nextBytes(payload);
            return concat(ftyp, moov, box("mdat", payload));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JPEG of exactly {@code size} bytes: SOI, APP0 JFIF, a comment segment padding, EOI. */
    static byte[] jpeg(int size) {
        byte[] out = new byte[size];
        new Random(size).nextBytes(out);
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1,
                0, 1, 0, 0};
        System.arraycopy(head, 0, out, 0, head.length);
        out[size - 2] = (byte) 0xFF;
        out[size - 1] = (byte) 0xD9;
        return out;
    }

    static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
                + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] docx(String text) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText(text);
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The seed's summary table (附件2): unit block, header row, one row per applicant {name, position, mobile, email, award}. */
    static byte[] summaryXlsx(String unit, String contact, String phone, String email, String[][] rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("汇总表");
            var r0 = sheet.createRow(0);
            r0.createCell(0).setCellValue("单位名称:");
            r0.createCell(1).setCellValue(unit);
            var r1 = sheet.createRow(1);
            r1.createCell(0).setCellValue("单位联系人:");
            r1.createCell(1).setCellValue(contact);
            r1.createCell(2).setCellValue("电话:");
            r1.createCell(3).setCellValue(phone);
            r1.createCell(4).setCellValue("邮箱:");
            r1.createCell(5).setCellValue(email);
            var header = sheet.createRow(2);
            String[] labels = {"序号", "选手姓名", "岗位名称", "手机", "邮箱", "参评奖项"};
            for (int i = 0; i < labels.length; i++) {
                header.createCell(i).setCellValue(labels[i]);
            }
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(3 + i);
                row.createCell(0).setCellValue(i + 1);
                for (int c = 0; c < rows[i].length; c++) {
                    row.createCell(c + 1).setCellValue(rows[i][c]);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] box(String type, byte[] content) throws IOException {
        return concat(int32(content.length + 8), ascii(type), content);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] int32(int v) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new DataOutputStream(b).writeInt(v);
        return b.toByteArray();
    }

    private static byte[] int16(int v) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        new DataOutputStream(b).writeShort(v);
        return b.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
