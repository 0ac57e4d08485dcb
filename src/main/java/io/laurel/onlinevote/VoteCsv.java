package io.laurel.onlinevote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A voting platform's export as rows of cells: CSV in UTF-8 (with or without BOM) or GBK (Excel on Chinese
 * Windows; read as GB18030, its superset), comma- or tab-separated. Row numbers are those Excel shows.
 */
final class VoteCsv {

    record Row(int number, List<String> cells) {
    }

    private static final Charset GBK_FAMILY = Charset.forName("GB18030");

    private VoteCsv() {
    }

    static List<Row> read(byte[] content) {
        String text = decode(content);
        if (text.isBlank()) {
            throw new VoteFileException("文件为空");
        }
        if (text.indexOf('\0') >= 0) {
            throw new VoteFileException("无法识别的文件格式，请上传 Excel（xlsx/xls）或 CSV 文件（UTF-8 或 GBK 编码）");
        }
        String start = text.substring(0, Math.min(text.length(), 4096));
        char delimiter = start.chars().filter(c -> c == '\t').count() > start.chars().filter(c -> c == ',').count()
                ? '\t' : ',';
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text,
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get())) {
            try {
                for (CSVRecord record : parser) {
                    rows.add(new Row(Math.toIntExact(record.getRecordNumber()), record.toList()));
                }
            } catch (UncheckedIOException e) {
                throw new VoteFileException("CSV 格式错误（第 " + (parser.getRecordNumber() + 1)
                        + " 行附近）：可能有未配对的英文双引号");
            }
        } catch (IOException e) {
            throw new VoteFileException("无法读取 CSV 文件");
        }
        return rows;
    }

    static String decode(byte[] content) {
        int offset = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
                && (content[2] & 0xFF) == 0xBF ? 3 : 0;
        try {
            return strict(StandardCharsets.UTF_8, content, offset);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strict(GBK_FAMILY, content, 0);
            } catch (CharacterCodingException notGbk) {
                throw new VoteFileException("无法识别文件编码，请将文件另存为 UTF-8 或 GBK 编码的 CSV 后重新上传");
            }
        }
    }

    private static String strict(Charset charset, byte[] content, int offset) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content, offset, content.length - offset)).toString();
    }
}
