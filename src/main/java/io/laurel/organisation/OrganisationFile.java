package io.laurel.organisation;

import io.laurel.roster.RosterFileException;
import io.laurel.roster.RosterFileReader;
import io.laurel.roster.RosterHeader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an organisation file (CSV in UTF-8 or GBK, or XLSX — the roster's reader tells which from the bytes):
 * finds the header row by its Chinese column names and turns each data row into an {@link OrgRow}, or into the
 * row's problems. Nothing here touches Camunda or the database.
 */
final class OrganisationFile {

    /** An organisation is a few hundred rows; a larger file is a wrong file (or an attack), refused before reading. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    static final int MAX_ROWS = 5000;

    enum Column {
        KIND("类别", "类型"), USER("用户名", "账号", "用户ID", "登录名"), NAME("姓名", "联系人"),
        EMAIL("邮箱", "电子邮箱", "Email", "邮件"), PHONE("联系电话", "电话", "手机"), DEPARTMENT("部门"),
        ROLE("委员角色", "角色"), PANEL("评审组", "评委组"), UNIT("单位", "所在单位", "单位名称"),
        CHAIR("委员会主任", "主任委员", "是否主任");

        final String[] headers;

        Column(String... headers) {
            this.headers = headers;
        }
    }

    static final List<String> TEMPLATE_HEADER = List.of("类别", "用户名", "姓名", "邮箱", "联系电话", "部门", "委员角色",
            "评审组", "单位", "委员会主任");

    record Parsed(List<OrgRow> rows, List<Problem> problems) {
    }

    record Problem(int row, String subject, String reason) {
    }

    private OrganisationFile() {
    }

    static Parsed read(String fileName, byte[] content) {
        if (content != null && content.length > MAX_BYTES) {
            throw new RosterFileException(String.format("文件过大(%.1f MB):组织机构文件不超过 %d MB,请检查是否选错了文件",
                    content.length / 1024.0 / 1024.0, MAX_BYTES / 1024 / 1024));
        }
        List<OrgRow> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        Map<Column, Integer> header = new HashMap<>();
        int[] seen = {0, 0};
        RosterFileReader.read(fileName, content, (rowNumber, cells) -> {
            if (cells.stream().allMatch(c -> RosterHeader.trim(c).isEmpty())) {
                return;
            }
            if (header.isEmpty()) {
                recognise(cells, header);
                if (header.isEmpty() && ++seen[0] >= 10) {
                    throw new RosterFileException("未找到表头行:前 10 行中没有包含「类别」「用户名」的行,请使用下载的模板");
                }
                return;
            }
            if (++seen[1] > MAX_ROWS) {
                throw new RosterFileException("数据行超过上限 " + MAX_ROWS + " 行");
            }
            row(rowNumber, cells, header, rows, problems);
        });
        if (header.isEmpty()) {
            throw new RosterFileException("未找到表头行:文件中没有包含「类别」「用户名」的行,请使用下载的模板");
        }
        if (seen[1] == 0) {
            throw new RosterFileException("文件只有表头,没有数据行");
        }
        return new Parsed(rows, problems);
    }

    private static void recognise(List<String> cells, Map<Column, Integer> header) {
        Map<Column, Integer> found = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            String cell = RosterHeader.trim(cells.get(i));
            for (Column column : Column.values()) {
                for (String name : column.headers) {
                    if (name.equalsIgnoreCase(cell)) {
                        found.putIfAbsent(column, i);
                    }
                }
            }
        }
        if (found.containsKey(Column.KIND) && found.size() >= 3) {
            header.putAll(found);
        }
    }

    private static void row(int rowNumber, List<String> cells, Map<Column, Integer> header, List<OrgRow> rows,
            List<Problem> problems) {
        String kindText = value(cells, header, Column.KIND);
        String user = value(cells, header, Column.USER);
        String subject = user.isEmpty() ? value(cells, header, Column.UNIT) : user;
        var kind = OrgRow.Kind.parse(kindText);
        if (kind.isEmpty()) {
            problems.add(new Problem(rowNumber, subject, kindText.isEmpty() ? "类别: 必填(部门主管、评选委员、评委、会员单位)"
                    : "类别「" + kindText + "」无法识别,应为 部门主管、评选委员、评委 或 会员单位"));
            return;
        }
        List<String> reasons = new ArrayList<>();
        CommitteeRole role = null;
        JudgePanel panel = null;
        String department = value(cells, header, Column.DEPARTMENT);
        String unit = value(cells, header, Column.UNIT);
        String email = value(cells, header, Column.EMAIL);
        if (kind.get() != OrgRow.Kind.UNIT) {
            if (user.isEmpty()) {
                reasons.add("用户名: 必填");
            } else if (!user.matches("[a-zA-Z0-9._-]{1,64}")) {
                reasons.add("用户名「" + user + "」只能包含英文字母、数字、点、下划线和连字符");
            }
        }
        switch (kind.get()) {
            case HEAD -> {
                if (department.isEmpty()) {
                    reasons.add("部门: 部门主管必须填写所负责的部门");
                }
            }
            case COMMITTEE -> {
                String roleText = value(cells, header, Column.ROLE);
                role = CommitteeRole.byLabel(roleText).orElse(null);
                if (role == null) {
                    reasons.add(roleText.isEmpty() ? "委员角色: 必填(" + CommitteeRole.labels() + ")"
                            : "委员角色「" + roleText + "」不是评选委员会的角色,应为 " + CommitteeRole.labels());
                }
            }
            case JUDGE -> {
                String panelText = value(cells, header, Column.PANEL);
                panel = panelText.isEmpty() ? JudgePanel.EXPERT : JudgePanel.parse(panelText).orElse(null);
                if (panel == null) {
                    reasons.add("评审组「" + panelText + "」无法识别,应为 " + JudgePanel.labels());
                }
            }
            case UNIT -> {
                if (unit.isEmpty()) {
                    reasons.add("单位: 会员单位必须填写单位名称");
                }
            }
        }
        String chairText = value(cells, header, Column.CHAIR);
        Boolean chair = yesOrNo(chairText);
        if (chair == null) {
            reasons.add("委员会主任「" + chairText + "」应填 是 或留空");
        } else if (chair && kind.get() != OrgRow.Kind.COMMITTEE) {
            reasons.add("委员会主任: 只有评选委员可以担任主任");
        }
        if (!email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            reasons.add("邮箱「" + email + "」格式不正确");
        }
        if (!reasons.isEmpty()) {
            problems.add(new Problem(rowNumber, subject, String.join(";", reasons)));
            return;
        }
        rows.add(new OrgRow(rowNumber, kind.get(), user.isEmpty() ? null : user, blankToNull(value(cells, header,
                Column.NAME)), blankToNull(email), blankToNull(value(cells, header, Column.PHONE)),
                blankToNull(department), role, panel, blankToNull(unit), Boolean.TRUE.equals(chair)));
    }

    private static String value(List<String> cells, Map<Column, Integer> header, Column column) {
        Integer i = header.get(column);
        return i == null || i >= cells.size() ? "" : RosterHeader.trim(cells.get(i));
    }

    /** 是/否 as people write them in a spreadsheet; null when it is neither. */
    private static Boolean yesOrNo(String text) {
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "", "否", "不是", "n", "no", "false", "0", "×", "x" -> false;
            case "是", "主任", "y", "yes", "true", "1", "√", "✓" -> true;
            default -> null;
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
