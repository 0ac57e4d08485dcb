package io.laurel.roster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the rows of one roster file as the reader streams them: finds the header, maps each data
 * row and sets rejected rows aside. Nothing here touches the database.
 */
final class RosterRows implements RosterFileReader.RowHandler {

    /** Templates often put a title or notes above the header; this many non-blank rows are searched. */
    static final int HEADER_SEARCH_ROWS = 10;

    private final Long campaignId;
    private final int maxRows;
    private final Map<String, String> awardCodesByName;
    private RosterHeader header;
    private RosterRowMapper mapper;
    private int rowsBeforeHeader;
    private int rowsRead;
    private final List<Employee> accepted = new ArrayList<>();
    private final List<RosterImportReport.Rejection> rejected = new ArrayList<>();
    private final Map<String, Integer> firstRowByNumber = new HashMap<>();

    RosterRows(Long campaignId, int maxRows, Map<String, String> awardCodesByName) {
        this.campaignId = campaignId;
        this.maxRows = maxRows;
        this.awardCodesByName = awardCodesByName;
    }

    /**
     * The key two employee numbers are the same by. Case-insensitive because MySQL's default collation
     * compares the unique key that way; a file with "e0001" and "E0001" must not fail at commit.
     */
    static String numberKey(String employeeNumber) {
        return employeeNumber.toUpperCase(Locale.ROOT);
    }

    @Override
    public void row(int rowNumber, List<String> cells) {
        if (cells.stream().allMatch(c -> RosterHeader.trim(c).isEmpty())) {
            return;
        }
        if (header == null) {
            findHeader(cells);
            return;
        }
        if (++rowsRead > maxRows) {
            throw new RosterFileException("数据行超过上限 " + maxRows + " 行，请分批导入");
        }
        RosterRowMapper.Result result = mapper.map(cells);
        List<String> problems = new ArrayList<>(result.problems());
        String number = result.employeeNumber();
        if (!number.isEmpty()) {
            Integer firstRow = firstRowByNumber.putIfAbsent(numberKey(number), rowNumber);
            if (firstRow != null) {
                problems.add("工号 " + number + " 与第 " + firstRow + " 行重复");
            }
        }
        if (problems.isEmpty()) {
            accepted.add(result.employee());
        } else {
            rejected.add(new RosterImportReport.Rejection(rowNumber, number.isEmpty() ? null : number,
                    String.join("；", problems)));
        }
    }

    private void findHeader(List<String> cells) {
        Optional<RosterHeader> found = RosterHeader.recognise(cells);
        if (found.isPresent()) {
            header = found.get();
            mapper = new RosterRowMapper(header, campaignId, awardCodesByName);
        } else if (++rowsBeforeHeader >= HEADER_SEARCH_ROWS) {
            throw noHeader();
        }
    }

    /** Throws the fatal reason when the file, read to the end, has no header or no data row. */
    void checkImportable() {
        if (header == null) {
            throw rowsBeforeHeader == 0 ? new RosterFileException("文件为空") : noHeader();
        }
        if (rowsRead == 0) {
            throw new RosterFileException("文件只有表头，没有数据行");
        }
    }

    private static RosterFileException noHeader() {
        return new RosterFileException("未找到表头行：前 " + HEADER_SEARCH_ROWS
                + " 行中没有包含列名（如 工号、姓名、部门）的行；Excel 文件只读取第一个工作表");
    }

    int rowsRead() {
        return rowsRead;
    }

    List<Employee> accepted() {
        return accepted;
    }

    List<RosterImportReport.Rejection> rejected() {
        return rejected;
    }

    List<String> ignoredColumns() {
        return header == null ? List.of() : header.ignoredColumns();
    }
}
