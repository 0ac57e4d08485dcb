package io.laurel.onlinevote;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * A voting platform's export as rows of cells, whatever the platform saved: an Excel workbook (xlsx, or the older
 * xls; the first sheet, cells as Excel shows them) or CSV ({@link VoteCsv}: UTF-8 or GBK, comma or tab). Row
 * numbers are those Excel shows.
 */
final class VoteSheet {

    private VoteSheet() {
    }

    static List<VoteCsv.Row> read(byte[] content) {
        if (isZip(content) || isOle2(content)) {
            return workbook(content);
        }
        return VoteCsv.read(content);
    }

    private static List<VoteCsv.Row> workbook(byte[] content) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (book.getNumberOfSheets() == 0) {
                throw new VoteFileException("Excel 文件中没有工作表");
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            List<VoteCsv.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell).strip());
                }
                rows.add(new VoteCsv.Row(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof VoteFileException refusal) {
                throw refusal;
            }
            throw new VoteFileException("无法读取 Excel 文件，请确认文件未损坏、未加密，或另存为 CSV 后重新上传");
        }
    }

    private static boolean isZip(byte[] c) {
        return c.length >= 4 && c[0] == 'P' && c[1] == 'K' && c[2] == 3 && c[3] == 4;
    }

    private static boolean isOle2(byte[] c) {
        return c.length >= 4 && (c[0] & 0xFF) == 0xD0 && (c[1] & 0xFF) == 0xCF && (c[2] & 0xFF) == 0x11
                && (c[3] & 0xFF) == 0xE0;
    }
}
