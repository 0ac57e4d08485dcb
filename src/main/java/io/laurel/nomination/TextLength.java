package io.laurel.nomination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.hwpf.extractor.WordExtractor;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * The length of a written material in 字 as seed 002 counts it ("服务事迹陈述 … 控制在800字以内"): every character
 * that is not white space — Chinese characters, letters, digits and punctuation — the same count package intake
 * applies to an essay. Reads plain text (UTF-8 or GBK), PDF, DOCX and DOC.
 */
final class TextLength {

    private TextLength() {
    }

    static int of(String text) {
        return (int) text.codePoints().filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c)).count();
    }

    /** The length of a file's text; throws {@link IOException} when the file holds no readable text. */
    static int of(String fileName, byte[] content) throws IOException {
        String extension = fileName.contains(".")
                ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        String text = switch (extension) {
            case "pdf" -> {
                try (var pdf = Loader.loadPDF(content)) {
                    yield new PDFTextStripper().getText(pdf);
                }
            }
            case "docx" -> {
                try (XWPFWordExtractor word = new XWPFWordExtractor(new XWPFDocument(
                        new ByteArrayInputStream(content)))) {
                    yield word.getText();
                }
            }
            case "doc" -> {
                try (WordExtractor word = new WordExtractor(new ByteArrayInputStream(content))) {
                    yield word.getText();
                }
            }
            case "txt", "" -> decode(content);
            default -> throw new IOException("no text in a ." + extension + " file");
        };
        return of(text);
    }

    private static String decode(byte[] content) throws IOException {
        for (Charset charset : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GB18030")}) {
            try {
                return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString()
                        .replace("\uFEFF", "");
            } catch (CharacterCodingException e) {
                // next charset
            }
        }
        throw new IOException("text is neither UTF-8 nor GBK");
    }
}
