package io.laurel.roster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV as saved by Excel on Chinese Windows (GBK, comma), by "CSV UTF-8" (with BOM), by other tools
 * (UTF-8 without BOM) or as "Unicode text" (UTF-16 with BOM, tab-separated).
 */
final class CsvRosterReader {

    /** GB18030 is a superset of GBK: it decodes every GBK file the same and also rare name characters. */
    static final Charset GBK_FAMILY = Charset.forName("GB18030");

    private CsvRosterReader() {
    }

    static void read(byte[] content, RosterFileReader.RowHandler handler) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new RosterFileException("文件为空");
        }
        if (text.indexOf('\0') >= 0) {
            throw new RosterFileException("无法识别的文件格式，请上传 CSV 或 Excel (.xlsx) 文件");
        }
        // Records, not lines: a quoted cell may span lines, and Excel shows such a record as one row.
        // Empty lines are kept so that record numbers stay equal to the row numbers Excel shows.
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(text))
                .setIgnoreEmptyLines(false)
                .get();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            try {
                for (CSVRecord record : parser) {
                    handler.row(Math.toIntExact(record.getRecordNumber()), record.toList());
                }
            } catch (UncheckedIOException e) {
                throw new RosterFileException("CSV 格式错误（第 " + (parser.getRecordNumber() + 1)
                        + " 行附近）：可能有未配对的英文双引号", e);
            }
        } catch (IOException e) {
            throw new RosterFileException("无法读取 CSV 文件", e);
        }
    }

    /** Valid strict UTF-8 (BOM or not) is UTF-8; anything else is read as GBK, which Excel writes on Chinese Windows. */
    static String decode(byte[] content) {
        if (startsWith(content, 0xFF, 0xFE) || startsWith(content, 0xFE, 0xFF)) {
            return new String(content, StandardCharsets.UTF_16);
        }
        int offset = startsWith(content, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        try {
            return strictDecode(StandardCharsets.UTF_8, content, offset);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strictDecode(GBK_FAMILY, content, 0);
            } catch (CharacterCodingException notGbk) {
                throw new RosterFileException("无法识别文件编码，请将文件另存为 UTF-8 或 GBK 编码的 CSV 后重新上传");
            }
        }
    }

    private static String strictDecode(Charset charset, byte[] content, int offset) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                .toString();
    }

    /** Comma unless the start of the file has more tabs than commas (Excel's "text (tab delimited)" export). */
    private static char delimiter(String text) {
        String start = text.substring(0, Math.min(text.length(), 4096));
        long tabs = start.chars().filter(c -> c == '\t').count();
        long commas = start.chars().filter(c -> c == ',').count();
        return tabs > commas ? '\t' : ',';
    }

    private static boolean startsWith(byte[] content, int... prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((content[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
