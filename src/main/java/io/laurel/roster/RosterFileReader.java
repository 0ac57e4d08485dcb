package io.laurel.roster;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells the format of an uploaded roster (or any table file staff upload: the organisation file too) from its bytes, not its name (users rename files, so a
 * ".csv" may be a workbook), and hands each row to a {@link RowHandler}.
 */
public final class RosterFileReader {

    /** Receives the rows of the first sheet in order; {@code rowNumber} is the 1-based number Excel shows. */
    @FunctionalInterface
    public interface RowHandler {
        void row(int rowNumber, List<String> cells);
    }

    private RosterFileReader() {
    }

    public static void read(String fileName, byte[] content, RowHandler handler) {
        if (content == null || content.length == 0) {
            throw new RosterFileException("文件为空");
        }
        FileMagic magic = FileMagic.valueOf(content);
        switch (magic) {
            case OOXML -> XlsxRosterReader.read(content, handler);
            case OLE2 -> throw new RosterFileException(isEncryptedOoxml(content)
                    ? "Excel 文件设置了打开密码，无法读取；请取消密码后重新上传"
                    : "不支持旧版 Excel (.xls) 格式，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传");
            case BIFF2, BIFF3, BIFF4 ->
                    throw new RosterFileException("不支持旧版 Excel (.xls) 格式，请在 Excel 中另存为 .xlsx 或 CSV 后重新上传");
            case UNKNOWN -> CsvRosterReader.read(content, handler);
            default -> throw new RosterFileException("无法识别的文件格式（" + describe(fileName, magic)
                    + "），请上传 CSV 或 Excel (.xlsx) 文件");
        }
    }

    /** Password-protected .xlsx files are OLE2 containers too; they deserve their own message. */
    private static boolean isEncryptedOoxml(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static String describe(String fileName, FileMagic magic) {
        return fileName == null || fileName.isBlank() ? magic.name() : fileName + " 的内容是 " + magic.name();
    }
}
