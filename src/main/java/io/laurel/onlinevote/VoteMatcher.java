package io.laurel.onlinevote;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Finds the entry a row of a vote export names: by 提名编号, else by whatever of 作品名称, 参赛人员, 参赛单位 and 奖项
 * the row gives — every given cell must agree with the entry. Names are compared without spaces, quotes and
 * 《》; a team's people match in any order (张三、李四 = 李四/张三); a unit given shorter or longer than registered
 * (华信银行 for 华信银行信用卡中心) matches when the exact name matches nothing. The reason is Chinese.
 */
final class VoteMatcher {

    /** An entry of the campaign; {@code title} is the work's title where intake recorded one, else null. */
    record Candidate(long id, String name, String unit, String awardCode, String awardName, String title) {

        String label() {
            return name + (unit == null ? "" : "（" + unit + "）") + (title == null ? "" : "《" + title + "》");
        }
    }

    /** What one row gives. */
    record Cells(String id, String title, String name, String unit, String award) {
    }

    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern TITLE = Pattern.compile("《(.+)》");

    private final List<Candidate> candidates;

    VoteMatcher(List<Candidate> candidates) {
        this.candidates = candidates;
    }

    /** The work's title from intake's 参赛作品《…》 description, or null. */
    static String titleOf(String awardDescription) {
        if (awardDescription == null) {
            return null;
        }
        Matcher m = TITLE.matcher(awardDescription);
        return m.find() ? m.group(1).strip() : null;
    }

    Candidate match(Cells row) {
        if (!row.id().isEmpty()) {
            if (!DIGITS.matcher(row.id()).matches()) {
                throw new VoteFileException("提名编号“" + row.id() + "”不是数字");
            }
            long nominationId = Long.parseLong(row.id());
            return candidates.stream().filter(c -> c.id() == nominationId).findFirst()
                    .orElseThrow(() -> new VoteFileException("提名编号 " + row.id() + " 不是本活动的参赛作品"));
        }
        if (row.title().isEmpty() && row.name().isEmpty()) {
            throw new VoteFileException("缺少识别参赛作品的内容：提名编号、作品名称或参赛人员至少填一项");
        }
        Predicate<Candidate> byTitle = c -> row.title().isEmpty() || same(row.title(), c.title());
        Predicate<Candidate> byName = c -> row.name().isEmpty() || samePeople(row.name(), c.name());
        Predicate<Candidate> byAward = c -> row.award().isEmpty() || row.award().equals(c.awardCode())
                || same(row.award(), c.awardName());
        Predicate<Candidate> identity = byTitle.and(byName).and(byAward);
        List<Candidate> found = candidates.stream().filter(identity)
                .filter(c -> row.unit().isEmpty() || same(row.unit(), c.unit())).toList();
        if (found.isEmpty() && !row.unit().isEmpty()) {
            found = candidates.stream().filter(identity).filter(c -> overlaps(row.unit(), c.unit())).toList();
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        if (found.size() > 1) {
            throw new VoteFileException(describe(row) + "对应多个参赛作品（" + found.stream().map(Candidate::label)
                    .collect(Collectors.joining("、")) + "），请填写" + (row.unit().isEmpty() ? "参赛单位" : "作品名称")
                    + "或提名编号");
        }
        throw new VoteFileException(notFound(row, byTitle, byName));
    }

    private String notFound(Cells row, Predicate<Candidate> byTitle, Predicate<Candidate> byName) {
        if (!row.title().isEmpty() && candidates.stream().noneMatch(byTitle)) {
            return "本活动没有作品“" + row.title() + "”";
        }
        if (!row.name().isEmpty() && candidates.stream().noneMatch(byName)) {
            return "本活动没有参赛人员“" + row.name() + "”" + (row.unit().isEmpty() ? "" : "（" + row.unit() + "）");
        }
        List<Candidate> near = candidates.stream().filter(row.title().isEmpty() ? byName : byTitle).toList();
        return describe(row) + "与登记的参赛作品不符：登记为 " + near.stream().map(c -> c.label()
                + (c.awardName() == null ? "" : "，" + c.awardName())).collect(Collectors.joining("；"));
    }

    private static String describe(Cells row) {
        StringBuilder s = new StringBuilder();
        if (!row.title().isEmpty()) {
            s.append("作品“").append(row.title()).append("”");
        }
        if (!row.name().isEmpty()) {
            s.append(s.isEmpty() ? "" : "、").append("参赛人员“").append(row.name()).append("”");
        }
        if (!row.unit().isEmpty()) {
            s.append("（").append(row.unit()).append("）");
        }
        if (!row.award().isEmpty()) {
            s.append("参评“").append(row.award()).append("”");
        }
        return s.toString();
    }

    static String normalise(String s) {
        return s == null ? "" : s.replaceAll("[\\s“”\"'‘’《》「」]", "").replace('（', '(').replace('）', ')');
    }

    static boolean same(String given, String registered) {
        return registered != null && !normalise(given).isEmpty() && normalise(given).equals(normalise(registered));
    }

    private static boolean overlaps(String given, String registered) {
        String g = normalise(given);
        String r = normalise(registered);
        return !g.isEmpty() && !r.isEmpty() && (r.contains(g) || g.contains(r));
    }

    static boolean samePeople(String given, String registered) {
        return same(given, registered) || (registered != null && people(given).equals(people(registered)));
    }

    private static Set<String> people(String names) {
        return Arrays.stream(names.split("[、,，/／;；\\s]+")).map(VoteMatcher::normalise).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
