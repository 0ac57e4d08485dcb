package io.laurel.workbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The one look of every spreadsheet Laurel hands out (summary.xlsx, results.xlsx, templates): a bold, shaded,
 * frozen header row with an autofilter, columns wide enough for their Chinese text, numbers as numbers and
 * times as date cells in the campaign's zone (never UTC text). Use: {@code table(...)}, {@code add(...)} per row,
 * {@code toBytes()} at the end, which sizes the columns and sets the filters.
 */
public final class StyledWorkbook implements AutoCloseable {

    private static final int MIN_WIDTH = 8;
    private static final int MAX_WIDTH = 60;

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final ZoneId zone;
    private final CellStyle header;
    private final CellStyle text;
    private final CellStyle dateTime;
    private final CellStyle date;
    private final CellStyle decimal;
    private final List<Table> tables = new ArrayList<>();

    public StyledWorkbook(ZoneId zone) {
        this.zone = zone;
        Font bold = book.createFont();
        bold.setBold(true);
        header = book.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        text = book.createCellStyle();
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        dateTime = book.createCellStyle();
        dateTime.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        dateTime.setVerticalAlignment(VerticalAlignment.TOP);
        date = book.createCellStyle();
        date.setDataFormat(book.createDataFormat().getFormat("yyyy-mm-dd"));
        date.setVerticalAlignment(VerticalAlignment.TOP);
        decimal = book.createCellStyle();
        decimal.setDataFormat(book.createDataFormat().getFormat("0.00"));
        decimal.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /** A sheet whose first row is the (frozen, filtered) header. */
    public Table table(String sheetName, List<String> headers) {
        Table table = new Table(book.createSheet(sheetName), headers.size());
        table.add(new ArrayList<>(headers), true);
        tables.add(table);
        return table;
    }

    public byte[] toBytes() {
        tables.forEach(Table::finish);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        book.close();
    }

    /** Display width in Excel character units: a Chinese character takes two. */
    static int displayWidth(String value) {
        int widest = 0;
        for (String line : value.split("\n")) {
            int width = 0;
            for (int i = 0; i < line.length(); i++) {
                width += Character.UnicodeScript.of(line.charAt(i)) == Character.UnicodeScript.HAN
                        || line.charAt(i) >= 0xFF00 || (line.charAt(i) >= 0x3000 && line.charAt(i) < 0x3040) ? 2 : 1;
            }
            widest = Math.max(widest, width);
        }
        return widest;
    }

    public final class Table {

        private final Sheet sheet;
        private final int[] widths;
        private int rows;

        private Table(Sheet sheet, int columns) {
            this.sheet = sheet;
            this.widths = new int[columns];
        }

        public Table add(List<?> values) {
            return add(values, false);
        }

        private Table add(List<?> values, boolean isHeader) {
            if (values.size() > widths.length) {
                throw new IllegalArgumentException("row has " + values.size() + " cells, header " + widths.length);
            }
            Row row = sheet.createRow(rows++);
            for (int c = 0; c < values.size(); c++) {
                Cell cell = row.createCell(c);
                Object v = values.get(c);
                String shown = write(cell, v);
                if (isHeader) {
                    cell.setCellStyle(header);
                }
                widths[c] = Math.max(widths[c], displayWidth(shown) + (isHeader ? 4 : 2)); // room for the filter button
            }
            return this;
        }

        private String write(Cell cell, Object v) {
            if (v == null) {
                cell.setBlank();
                return "";
            }
            if (v instanceof Instant instant) {
                return write(cell, LocalDateTime.ofInstant(instant, zone));
            }
            if (v instanceof LocalDateTime time) {
                cell.setCellValue(time);
                cell.setCellStyle(dateTime);
                return "2026-01-01 00:00";
            }
            if (v instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
                return "2026-01-01";
            }
            if (v instanceof BigDecimal d) {
                cell.setCellValue(d.doubleValue());
                if (d.scale() > 0) {
                    cell.setCellStyle(decimal);
                }
                return d.toPlainString();
            }
            if (v instanceof Number n) {
                cell.setCellValue(n.doubleValue());
                return n.toString();
            }
            if (v instanceof Boolean b) {
                cell.setCellValue(b ? "是" : "否");
                return "否";
            }
            String s = v.toString();
            cell.setCellValue(s);
            cell.setCellStyle(text);
            return s;
        }

        private void finish() {
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, widths[c])) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, rows - 1), 0, widths.length - 1));
            // Printed, as results are for the committee's file: A4 landscape, every column on the page's width,
            // the header repeated on each page.
            sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sheet.getPrintSetup().setLandscape(true);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setRepeatingRows(new CellRangeAddress(0, 0, -1, -1));
        }
    }
}
