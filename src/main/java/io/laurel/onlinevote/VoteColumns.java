package io.laurel.onlinevote;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of a vote export, by the names voting platforms and secretaries give them. 作品名称 (the work's title)
 * and 参赛人员 (the person) are different columns: a platform's usual export has both (序号, 作品名称, 参赛人员,
 * 参赛单位, 票数). 序号 and 排名 are the platform's own numbering and are ignored; only 提名编号 is Laurel's id.
 */
enum VoteColumns {
    NOMINATION("提名编号", "nominationid"),
    TITLE("作品名称", "作品", "标题", "作品标题", "参赛作品", "作品名", "题目", "title"),
    NAME("参赛人员", "参选人员", "姓名", "作者", "选手", "选手姓名", "参赛者", "参赛选手", "候选人", "申报人", "name",
            "candidate", "author"),
    UNIT("参赛单位", "单位", "所属单位", "推荐单位", "工作单位", "单位名称", "所在单位", "参赛企业", "unit"),
    AWARD("奖项", "参评奖项", "award"),
    VOTES("票数", "得票", "得票数", "投票数", "总票数", "票数合计", "累计票数", "有效票数", "votes");

    final List<String> names;

    VoteColumns(String... names) {
        this.names = List.of(names);
    }

    /** The column a header cell names, or null; "票数（票）", " 作品 名称 " and "Votes" are recognised. */
    static VoteColumns of(String header) {
        String h = header.replace("\uFEFF", "").replaceAll("[（(][^）)]*[）)]", "").replaceAll("[\\s:：*]", "")
                .toLowerCase(Locale.ROOT);
        for (VoteColumns c : values()) {
            if (c.names.contains(h)) {
                return c;
            }
        }
        return null;
    }

    /** The header of one row: column → cell index (first of each kind); empty when the row names no column. */
    static Map<VoteColumns, Integer> header(List<String> cells, List<String> ignored) {
        Map<VoteColumns, Integer> columns = new EnumMap<>(VoteColumns.class);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i).strip();
            VoteColumns c = of(cell);
            if (c == null) {
                if (!cell.isBlank()) {
                    ignored.add(cell);
                }
            } else if (columns.containsKey(c)) {
                if (c == VOTES) {
                    throw new VoteFileException("表头中有两列票数（“" + cells.get(columns.get(c)).strip() + "”和“" + cell
                            + "”），无法确定按哪一列导入，请删除其中一列");
                }
                ignored.add(cell + "（与“" + cells.get(columns.get(c)).strip() + "”同义，按前一列）");
            } else {
                columns.put(c, i);
            }
        }
        return columns;
    }

    /** A usable header: a votes column and at least one column naming the entry. */
    static boolean usable(Map<VoteColumns, Integer> columns) {
        return columns.containsKey(VOTES) && (columns.containsKey(NOMINATION) || columns.containsKey(TITLE)
                || columns.containsKey(NAME));
    }
}
