package io.laurel.roster;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * The first sheet of an .xlsx file, read with POI's streaming (SAX) API: a 10 MB workbook would need
 * hundreds of megabytes as an XSSFWorkbook.
 */
final class XlsxRosterReader {

    private XlsxRosterReader() {
    }

    static void read(byte[] content, RosterFileReader.RowHandler handler) {
        Path file = null;
        try {
            // Opened from a file, POI reads the zip lazily; from a stream it inflates every part into
            // memory and refuses parts over 100 MB, which a sheet of 150,000 rows reaches.
            file = Files.createTempFile("roster-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    throw new RosterFileException("Excel 文件中没有工作表");
                }
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                        new ReadOnlySharedStringsTable(pkg), new RowCollector(handler), new PlainValueFormatter(),
                        false));
                try (InputStream sheet = sheets.next()) {
                    parser.parse(new InputSource(sheet));
                }
            }
        } catch (Exception e) {
            RosterFileException reason = findReason(e);
            if (reason != null) {
                throw reason;
            }
            throw new RosterFileException("无法读取 Excel 文件，文件可能已损坏或不是 .xlsx 格式", e);
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }

    /** Our own verdicts thrown from the row handler may come back wrapped by the XML parser. */
    private static RosterFileException findReason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RosterFileException reason) {
                return reason;
            }
        }
        return null;
    }

    /** Turns POI's sparse cell events into one dense list per row. */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RosterFileReader.RowHandler handler;
        private List<String> cells = new ArrayList<>();

        RowCollector(RosterFileReader.RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(rowNum + 1, cells);
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = cellReference == null ? cells.size() : new CellReference(cellReference).getCol();
            while (cells.size() <= column) {
                cells.add("");
            }
            cells.set(column, formattedValue == null ? "" : formattedValue);
        }
    }

    /**
     * Gives the value, not what the cell shows: dates as ISO dates whatever their display format,
     * numbers in full ("13800138000", not "1.38E+10"), percentages as "92.5%".
     */
    static final class PlainValueFormatter extends DataFormatter {

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString,
                boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            BigDecimal number = new BigDecimal(Double.toString(value));
            if (formatString != null && formatString.contains("%")) {
                return plain(number.movePointRight(2)) + "%";
            }
            return plain(number);
        }

        private static String plain(BigDecimal number) {
            return number.stripTrailingZeros().toPlainString();
        }
    }
}
