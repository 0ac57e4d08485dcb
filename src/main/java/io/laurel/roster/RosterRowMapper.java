package io.laurel.roster;

import static io.laurel.roster.RosterColumn.AVG_RESPONSE_MINUTES;
import static io.laurel.roster.RosterColumn.DEPARTMENT;
import static io.laurel.roster.RosterColumn.EMAIL;
import static io.laurel.roster.RosterColumn.EMPLOYEE_NUMBER;
import static io.laurel.roster.RosterColumn.EMPLOYMENT_TYPE;
import static io.laurel.roster.RosterColumn.HIRE_DATE;
import static io.laurel.roster.RosterColumn.MAJOR_COMPLAINTS_12M;
import static io.laurel.roster.RosterColumn.MOBILE;
import static io.laurel.roster.RosterColumn.NAME;
import static io.laurel.roster.RosterColumn.PAST_WINS;
import static io.laurel.roster.RosterColumn.POSITION_GROUP;
import static io.laurel.roster.RosterColumn.RESOLUTION_RATE;
import static io.laurel.roster.RosterColumn.SATISFACTION_SCORE;
import static io.laurel.roster.RosterColumn.SERVICE_VOLUME;
import static io.laurel.roster.RosterColumn.SKILLS_TEST_SCORE;
import static io.laurel.roster.RosterColumn.VIOLATIONS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one data row into an {@link Employee}, or into the reasons (Chinese) it cannot be imported. */
final class RosterRowMapper {

    /** 2023-01-15, 2023/1/5, 2023.1.5, 2023年1月5日, optionally followed by a time as Excel exports it. */
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]+\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    /** 20230115, as HR systems export it. */
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern WIN = Pattern.compile("([a-z0-9][a-z0-9-]*)[:：](\\d{4})");
    /** 年度服务之星:2023 — the award's name, as HR writes it, then the year. */
    private static final Pattern NAMED_WIN = Pattern.compile("(.+?)\\s*[:：]\\s*(\\d{4})");
    /** 2023年度服务之星 or 2023年 年度服务之星 — the year first. */
    private static final Pattern YEAR_FIRST_WIN = Pattern.compile("(\\d{4})\\s*(.+)");
    private static final Pattern WIN_SEPARATOR = Pattern.compile("[;；,，、\\r\\n]+");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final RosterHeader header;
    private final Long campaignId;
    private final Map<String, String> awardCodesByName;

    /** {@code awardCodesByName}: the campaign's awards, so 历史获奖 may name them in Chinese instead of by code. */
    RosterRowMapper(RosterHeader header, Long campaignId, Map<String, String> awardCodesByName) {
        this.header = header;
        this.campaignId = campaignId;
        this.awardCodesByName = awardCodesByName;
    }

    /** What became of a row: {@code employee} is only usable when {@code problems} is empty. */
    record Result(String employeeNumber, Employee employee, List<String> problems) {
    }

    Result map(List<String> cells) {
        Row row = new Row(cells);
        // NFKC turns full-width letters and digits (typed with a Chinese IME) into the ASCII ones.
        String number = Normalizer.normalize(row.text(EMPLOYEE_NUMBER, 32, true), Normalizer.Form.NFKC);
        Employee employee = new Employee(campaignId, number);
        employee.setName(row.text(NAME, 64, true));
        employee.setDepartment(row.text(DEPARTMENT, 64, true));
        employee.setPositionGroup(row.text(POSITION_GROUP, 64, true));
        employee.setHireDate(row.date(HIRE_DATE));
        employee.setEmploymentType(row.employmentType());
        employee.setSatisfactionScore(row.decimal(SATISFACTION_SCORE, HUNDRED));
        // An empty count means none: HR leaves the cell blank rather than typing 0.
        employee.setMajorComplaints12m(orZero(row.count(MAJOR_COMPLAINTS_12M)));
        employee.setViolations(orZero(row.count(VIOLATIONS)));
        employee.setEmail(row.email());
        employee.setMobile(emptyToNull(row.text(MOBILE, 32, false)));
        employee.setServiceVolume(row.count(SERVICE_VOLUME));
        employee.setResolutionRate(row.decimal(RESOLUTION_RATE, HUNDRED));
        employee.setAvgResponseMinutes(row.decimal(AVG_RESPONSE_MINUTES, new BigDecimal("999999.99")));
        employee.setSkillsTestScore(row.decimal(SKILLS_TEST_SCORE, new BigDecimal("9999.99")));
        employee.replacePastWins(row.pastWins());
        return new Result(number, employee, row.problems);
    }

    private static int orZero(Integer count) {
        return count == null ? 0 : count;
    }

    private static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }

    /** One row being read; every problem found is collected so the user can fix them all at once. */
    private final class Row {

        private final List<String> cells;
        private final List<String> problems = new ArrayList<>();

        Row(List<String> cells) {
            this.cells = cells;
        }

        String text(RosterColumn column, int maxLength, boolean required) {
            String value = header.value(cells, column);
            if (value.isEmpty() && required) {
                problems.add("缺少" + column.chineseName());
            } else if (value.length() > maxLength) {
                problems.add(column.chineseName() + "超过 " + maxLength + " 个字符");
            }
            return value;
        }

        LocalDate date(RosterColumn column) {
            String value = header.value(cells, column);
            if (value.isEmpty()) {
                problems.add("缺少" + column.chineseName());
                return null;
            }
            Matcher m = DATE.matcher(value);
            if (!m.matches()) {
                m = COMPACT_DATE.matcher(value);
            }
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    problems.add(column.chineseName() + "不是有效日期：" + value);
                    return null;
                }
            }
            problems.add(column.chineseName() + "格式无法识别：" + value + "（应为 2023-01-15 或 2023/1/15）");
            return null;
        }

        EmploymentType employmentType() {
            String value = header.value(cells, EMPLOYMENT_TYPE);
            if (value.isEmpty()) {
                problems.add("缺少" + EMPLOYMENT_TYPE.chineseName());
                return null;
            }
            return EmploymentType.parse(value).orElseGet(() -> {
                problems.add("用工性质无法识别：" + value + "（应为 正式 或 试用期）");
                return null;
            });
        }

        /** A number from 0 to {@code max}, kept to two decimals like the database column; "92.5%" reads as 92.5. */
        BigDecimal decimal(RosterColumn column, BigDecimal max) {
            String value = header.value(cells, column);
            if (value.isEmpty()) {
                return null;
            }
            BigDecimal number = number(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
            if (number == null) {
                problems.add(column.chineseName() + "不是数字：" + value);
                return null;
            }
            if (number.signum() < 0 || number.compareTo(max) > 0) {
                problems.add(column.chineseName() + "应在 0 到 " + max.toPlainString() + " 之间：" + value);
                return null;
            }
            return number.setScale(2, RoundingMode.HALF_UP);
        }

        Integer count(RosterColumn column) {
            String value = header.value(cells, column);
            if (value.isEmpty()) {
                return null;
            }
            BigDecimal number = number(value);
            if (number == null || number.stripTrailingZeros().scale() > 0) {
                problems.add(column.chineseName() + "应为整数：" + value);
                return null;
            }
            if (number.signum() < 0) {
                problems.add(column.chineseName() + "不能为负数：" + value);
                return null;
            }
            try {
                return number.intValueExact();
            } catch (ArithmeticException e) {
                problems.add(column.chineseName() + "数值过大：" + value);
                return null;
            }
        }

        String email() {
            String value = text(EMAIL, 200, false);
            if (!value.isEmpty() && !EMAIL_SHAPE.matcher(value).matches()) {
                problems.add("邮箱格式不正确：" + value);
            }
            return emptyToNull(value);
        }

        Set<AwardWin> pastWins() {
            String value = header.value(cells, PAST_WINS);
            Set<AwardWin> wins = new HashSet<>();
            for (String entry : WIN_SEPARATOR.split(value)) {
                String item = RosterHeader.trim(entry);
                if (item.isEmpty()) {
                    continue;
                }
                AwardWin win = win(item);
                if (win != null) {
                    wins.add(win);
                } else {
                    problems.add("历史获奖无法识别：" + entry.strip() + "（应为 奖项名称:年份，多项用分号分隔，如 "
                            + example() + "；奖项名称须与本活动的奖项一致：" + String.join("、", awardCodesByName.keySet())
                            + "）");
                }
            }
            return wins;
        }

        /** By code (service-star:2023), by the award's name (年度服务之星:2023) or year first (2023年度服务之星). */
        private AwardWin win(String item) {
            Matcher byCode = WIN.matcher(item.toLowerCase(Locale.ROOT));
            if (byCode.matches()) {
                return new AwardWin(byCode.group(1), Integer.parseInt(byCode.group(2)));
            }
            Matcher named = NAMED_WIN.matcher(item);
            String namedCode = named.matches() ? awardCode(named.group(1)) : null;
            if (namedCode != null) {
                return new AwardWin(namedCode, Integer.parseInt(named.group(2)));
            }
            Matcher yearFirst = YEAR_FIRST_WIN.matcher(item);
            if (yearFirst.matches()) {
                String name = yearFirst.group(2).strip();
                // "2023年度服务之星": the 年 may belong to the name (年度…) or to the year (2023年 优秀员工).
                String code = awardCode(name);
                if (code == null && name.startsWith("年")) {
                    code = awardCode(name.substring(1));
                }
                if (code != null) {
                    return new AwardWin(code, Integer.parseInt(yearFirst.group(1)));
                }
            }
            return null;
        }

        /** Quotes and spaces do not count: “服务创新”奖, "服务创新"奖 and 服务创新奖 are one award. */
        private String awardCode(String name) {
            String wanted = bare(name);
            return awardCodesByName.entrySet().stream().filter(e -> bare(e.getKey()).equals(wanted))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
        }

        private static String bare(String name) {
            return name.replaceAll("[“”\"「」《》『』\\s]", "");
        }

        private String example() {
            return awardCodesByName.isEmpty() ? "service-star:2023"
                    : awardCodesByName.keySet().iterator().next() + ":2023";
        }

        /** Thousands separators are common in exported figures ("1,234"). */
        private static BigDecimal number(String value) {
            try {
                return new BigDecimal(value.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
