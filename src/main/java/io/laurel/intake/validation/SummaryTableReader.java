package io.laurel.intake.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the summary table in the seed's layout (附件2): label cells 单位名称 / 单位联系人 / 电话 / 邮箱
 * followed by their values, then a header row 序号 选手姓名 岗位名称 手机 邮箱 参评奖项 and one row per
 * applicant. XLSX, XLS or CSV (UTF-8 or GBK).
 */
@Component
public class SummaryTableReader {

    private static final long MAX_BYTES = 5L * 1024 * 1024;

    public SummaryTable read(String path, InputStream content, FileKind kind) throws IOException {
        byte[] bytes = content.readNBytes((int) MAX_BYTES);
        List<List<String>> grid = kind == FileKind.CSV ? csvGrid(bytes) : sheetGrid(bytes);
        return parse(path, grid);
    }

    static SummaryTable parse(String path, List<List<String>> grid) {
        String unit = null;
        String contact = null;
        String phone = null;
        String email = null;
        int header = -1;
        int nameCol = -1, positionCol = -1, mobileCol = -1, emailCol = -1, awardCol = -1, numberCol = -1;
        for (int r = 0; r < grid.size() && header < 0; r++) {
            List<String> row = grid.get(r);
            for (int c = 0; c < row.size(); c++) {
                String label = label(row.get(c));
                if (label.contains("选手姓名") || label.equals("姓名")) {
                    header = r;
                    break;
                }
                if (label.startsWith("单位名称") && unit == null) {
                    unit = valueAfter(row, c, "单位名称");
                } else if (label.startsWith("单位联系人") && contact == null) {
                    contact = valueAfter(row, c, "单位联系人");
                } else if (label.startsWith("电话") && phone == null) {
                    phone = valueAfter(row, c, "电话");
                } else if (label.startsWith("邮箱") && email == null) {
                    email = valueAfter(row, c, "邮箱");
                }
            }
        }
        List<SummaryTable.Row> rows = new ArrayList<>();
        if (header >= 0) {
            List<String> head = grid.get(header);
            for (int c = 0; c < head.size(); c++) {
                String label = label(head.get(c));
                if (label.contains("姓名")) {
                    nameCol = c;
                } else if (label.contains("岗位") || label.contains("职位")) {
                    positionCol = c;
                } else if (label.contains("手机")) {
                    mobileCol = c;
                } else if (label.contains("邮箱")) {
                    emailCol = c;
                } else if (label.contains("奖项")) {
                    awardCol = c;
                } else if (label.contains("序号")) {
                    numberCol = c;
                }
            }
            for (int r = header + 1; r < grid.size(); r++) {
                List<String> row = grid.get(r);
                String name = cell(row, nameCol);
                if (name.isEmpty()) {
                    continue;
                }
                int number = rows.size() + 1;
                try {
                    number = Integer.parseInt(cell(row, numberCol).replaceAll("\\.0+$", ""));
                } catch (NumberFormatException ignored) {
                    // keep the running number
                }
                rows.add(new SummaryTable.Row(number, name, cell(row, positionCol), cell(row, mobileCol),
                        cell(row, emailCol), cell(row, awardCol)));
            }
        }
        return new SummaryTable(path, blankToNull(unit), blankToNull(contact), blankToNull(phone), blankToNull(email),
                rows);
    }

    /** The value of a label cell: what follows the colon in the same cell, or the next non-empty cell. */
    private static String valueAfter(List<String> row, int c, String label) {
        String own = row.get(c).strip().replaceFirst("^" + label + "\\s*[:：]?\\s*", "");
        if (!own.isBlank()) {
            return own.strip();
        }
        for (int i = c + 1; i < row.size(); i++) {
            String value = row.get(i).strip();
            if (!value.isEmpty()) {
                return value.matches("^(电话|邮箱|单位联系人)\\s*[:：]?$") ? null : value;
            }
        }
        return null;
    }

    private static String label(String raw) {
        return raw == null ? "" : raw.replaceAll("\\s", "");
    }

    private static String cell(List<String> row, int c) {
        return c < 0 || c >= row.size() || row.get(c) == null ? "" : row.get(c).strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static List<List<String>> sheetGrid(byte[] bytes) throws IOException {
        List<List<String>> grid = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                while (grid.size() < row.getRowNum()) {
                    grid.add(List.of());
                }
                grid.add(cells);
            }
        }
        return grid;
    }

    private static List<List<String>> csvGrid(byte[] bytes) throws IOException {
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> grid = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get()
                .parse(new StringReader(text))) {
            grid.add(record.toList());
        }
        return grid;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, Charset.forName("GBK"));
        }
    }
}
