package io.laurel.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Chinese essays of an exact length (characters without white space, as the 2018 rule counts them), as
 * Word (POI) and PDF (PDFBox). The PDF uses the standard non-embedded CJK font STSong-Light with the
 * predefined CMap UniGB-UCS2-H (what Chinese office tools write when they do not embed fonts), so no CJK
 * font file is needed on the machine; readers map the codes back to Unicode through Adobe-GB1-UCS2.
 */
final class ChineseArticles {

    private static final String PROSE = "有你，世界变更美。每天清晨，我戴上耳麦，接起第一通电话，"
            + "电话那头是焦急的客户，也是需要帮助的家人。我们用耐心倾听，用专业解答，用真诚温暖每一位来电者。";

    private ChineseArticles() {
    }

    /** Exactly {@code length} non-white-space characters of Chinese prose. */
    static String text(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(PROSE);
        }
        return text.substring(0, length);
    }

    /** The article as .docx: paragraphs of 50 characters, separated by line breaks and indented with spaces. */
    static byte[] docx(int length) {
        String text = text(length);
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            for (int i = 0; i < text.length(); i += 50) {
                doc.createParagraph().createRun().setText("  " + text.substring(i, Math.min(text.length(), i + 50)));
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The article as PDF: lines of 30 characters on A4 pages. */
    static byte[] pdf(int length) {
        String text = text(length);
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            COSDictionary font = songFont();
            int perPage = 30 * 40;
            for (int start = 0; start < text.length(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.A4);
                PDResources resources = new PDResources();
                COSDictionary fonts = new COSDictionary();
                fonts.setItem(COSName.getPDFName("F1"), font);
                resources.getCOSObject().setItem(COSName.FONT, fonts);
                page.setResources(resources);
                StringBuilder content = new StringBuilder("BT /F1 14 Tf 18 TL 50 790 Td\n");
                String pageText = text.substring(start, Math.min(text.length(), start + perPage));
                for (int i = 0; i < pageText.length(); i += 30) {
                    String line = pageText.substring(i, Math.min(pageText.length(), i + 30));
                    content.append('<').append(hexUtf16(line)).append("> Tj T*\n");
                }
                content.append("ET\n");
                PDStream stream = new PDStream(doc);
                try (var os = stream.createOutputStream()) {
                    os.write(content.toString().getBytes(StandardCharsets.US_ASCII));
                }
                page.setContents(stream);
                doc.addPage(page);
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSDictionary songFont() {
        COSDictionary info = new COSDictionary();
        info.setItem(COSName.REGISTRY, new COSString("Adobe"));
        info.setItem(COSName.ORDERING, new COSString("GB1"));
        info.setItem(COSName.SUPPLEMENT, COSInteger.get(2));
        COSDictionary descriptor = new COSDictionary();
        descriptor.setItem(COSName.TYPE, COSName.FONT_DESC);
        descriptor.setItem(COSName.FONT_NAME, COSName.getPDFName("STSong-Light"));
        descriptor.setInt(COSName.FLAGS, 6);
        COSArray bbox = new COSArray();
        for (int v : new int[] {-25, -254, 1000, 880}) {
            bbox.add(COSInteger.get(v));
        }
        descriptor.setItem(COSName.FONT_BBOX, bbox);
        descriptor.setInt(COSName.ITALIC_ANGLE, 0);
        descriptor.setInt(COSName.ASCENT, 880);
        descriptor.setInt(COSName.DESCENT, -120);
        descriptor.setInt(COSName.CAP_HEIGHT, 880);
        descriptor.setInt(COSName.STEM_V, 93);
        COSDictionary cidFont = new COSDictionary();
        cidFont.setItem(COSName.TYPE, COSName.FONT);
        cidFont.setItem(COSName.SUBTYPE, COSName.CID_FONT_TYPE0);
        cidFont.setItem(COSName.BASE_FONT, COSName.getPDFName("STSong-Light"));
        cidFont.setItem(COSName.CIDSYSTEMINFO, info);
        cidFont.setItem(COSName.FONT_DESC, descriptor);
        cidFont.setInt(COSName.DW, 1000);
        COSDictionary font = new COSDictionary();
        font.setItem(COSName.TYPE, COSName.FONT);
        font.setItem(COSName.SUBTYPE, COSName.TYPE0);
        font.setItem(COSName.BASE_FONT, COSName.getPDFName("STSong-Light-UniGB-UCS2-H"));
        font.setItem(COSName.ENCODING, COSName.getPDFName("UniGB-UCS2-H"));
        COSArray descendants = new COSArray();
        descendants.add(cidFont);
        font.setItem(COSName.DESCENDANT_FONTS, descendants);
        return font;
    }

    private static String hexUtf16(String s) {
        StringBuilder hex = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_16BE)) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }
}
