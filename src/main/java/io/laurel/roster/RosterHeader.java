package io.laurel.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where each known column sits in a file, read from its header row. */
public final class RosterHeader {

    /** A header row names at least this many known columns; fewer is a title row or data. */
    private static final int MIN_KNOWN_COLUMNS = 2;

    private final Map<RosterColumn, Integer> positions;
    private final List<String> ignoredColumns;

    private RosterHeader(Map<RosterColumn, Integer> positions, List<String> ignoredColumns) {
        this.positions = positions;
        this.ignoredColumns = ignoredColumns;
    }

    /**
     * The header this row is, if it is one. A header that names a column twice or lacks a required
     * column is a fatal error: guessing which column was meant could import wrong data.
     */
    static Optional<RosterHeader> recognise(List<String> cells) {
        Map<RosterColumn, Integer> positions = new EnumMap<>(RosterColumn.class);
        List<String> ignored = new ArrayList<>();
        List<RosterColumn> duplicated = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = trim(cells.get(i));
            Optional<RosterColumn> column = RosterColumn.byHeader(cell);
            if (column.isEmpty()) {
                if (!cell.isEmpty()) {
                    ignored.add(cell);
                }
            } else if (positions.putIfAbsent(column.get(), i) != null) {
                duplicated.add(column.get());
            }
        }
        if (positions.size() < MIN_KNOWN_COLUMNS) {
            return Optional.empty();
        }
        if (!duplicated.isEmpty()) {
            throw new RosterFileException("表头中以下列出现了不止一次：" + labels(duplicated) + "，请只保留一列");
        }
        List<RosterColumn> missing = Arrays.stream(RosterColumn.values())
                .filter(c -> c.required() && !positions.containsKey(c))
                .toList();
        if (!missing.isEmpty()) {
            throw new RosterFileException("缺少必填列：" + labels(missing));
        }
        return Optional.of(new RosterHeader(positions, List.copyOf(ignored)));
    }

    /** The trimmed cell of {@code column} in a data row; empty when the column is absent or the row is short. */
    String value(List<String> cells, RosterColumn column) {
        Integer position = positions.get(column);
        if (position == null || position >= cells.size()) {
            return "";
        }
        return trim(cells.get(position));
    }

    /** Header cells that match no known column; shown to the user because a typo there silently drops data. */
    List<String> ignoredColumns() {
        return ignoredColumns;
    }

    /** Like {@link String#strip()}, also dropping the no-break spaces and BOMs that come with copied text. */
    public static String trim(String value) {
        if (value == null) {
            return "";
        }
        int start = 0;
        int end = value.length();
        while (start < end && blank(value.charAt(start))) {
            start++;
        }
        while (end > start && blank(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean blank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\uFEFF';
    }

    private static String labels(List<RosterColumn> columns) {
        return columns.stream().map(RosterColumn::label).collect(Collectors.joining("、"));
    }
}
