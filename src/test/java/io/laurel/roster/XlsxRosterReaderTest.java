package io.laurel.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxRosterReaderTest {

    /**
     * POI refuses to inflate a zip part larger than its byte-array limit (100 MB by default) into memory,
     * which a real 150,000-row sheet exceeds. The limit is lowered here so a small sheet proves the
     * reader streams the sheet instead of inflating it.
     */
    @Test
    void readsASheetLargerThanPoisInMemoryLimit() throws IOException {
        int rows = 20_000;
        byte[] xlsx;
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet();
            for (int r = 0; r <= rows; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r == 0 ? "工号" : String.format("E%05d", r));
                row.createCell(1).setCellValue(r == 0 ? "姓名" : "员工" + r);
                row.createCell(2).setCellValue(r);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        List<List<String>> read = new ArrayList<>();

        IOUtils.setByteArrayMaxOverride(200_000);
        try {
            RosterFileReader.read("big.xlsx", xlsx, (number, cells) -> read.add(cells));
        } finally {
            IOUtils.setByteArrayMaxOverride(-1);
        }

        assertThat(read).hasSize(rows + 1);
        assertThat(read.get(rows)).containsExactly("E20000", "员工20000", "20000");
    }
}
