package io.laurel.roster;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The columns a roster file may have. The order here is the order {@link RosterCsv} writes. */
enum RosterColumn {
    EMPLOYEE_NUMBER("工号", "employeeNumber", true, "员工编号"),
    NAME("姓名", "name", true),
    DEPARTMENT("部门", "department", true),
    POSITION_GROUP("岗位组", "positionGroup", true),
    HIRE_DATE("入职日期", "hireDate", true),
    EMPLOYMENT_TYPE("用工性质", "employmentType", true),
    SATISFACTION_SCORE("满意度", "satisfactionScore", false, "满意度评分", "客户满意度"),
    MAJOR_COMPLAINTS_12M("重大投诉(近12个月)", "majorComplaints12m", false, "重大投诉"),
    VIOLATIONS("违规违纪", "violations", false),
    EMAIL("邮箱", "email", false, "电子邮箱"),
    MOBILE("手机", "mobile", false, "手机号", "手机号码"),
    SERVICE_VOLUME("服务量", "serviceVolume", false),
    RESOLUTION_RATE("解决率", "resolutionRate", false),
    AVG_RESPONSE_MINUTES("平均响应时长(分钟)", "avgResponseMinutes", false, "平均响应时长"),
    SKILLS_TEST_SCORE("技能测试成绩", "skillsTestScore", false),
    PAST_WINS("历史获奖", "pastWins", false);

    private static final Map<String, RosterColumn> BY_NAME = new HashMap<>();

    static {
        for (RosterColumn column : values()) {
            Stream.concat(Stream.of(column.chineseName, column.englishName), column.aliases.stream())
                    .forEach(alias -> BY_NAME.put(normalize(alias), column));
        }
    }

    private final String chineseName;
    private final String englishName;
    private final boolean required;
    private final List<String> aliases;

    RosterColumn(String chineseName, String englishName, boolean required, String... aliases) {
        this.chineseName = chineseName;
        this.englishName = englishName;
        this.required = required;
        this.aliases = List.of(aliases);
    }

    String chineseName() {
        return chineseName;
    }

    boolean required() {
        return required;
    }

    /** For messages: both names, so the user finds the column whichever language the file uses. */
    String label() {
        return chineseName + "(" + englishName + ")";
    }

    static Optional<RosterColumn> byHeader(String header) {
        return Optional.ofNullable(BY_NAME.get(normalize(header)));
    }

    /**
     * Headers typed by hand differ in ways nobody sees in Excel: full-width brackets and spaces,
     * a "*" marking a required column in a template, letter case.
     */
    static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String s = header.replace('（', '(').replace('）', ')').replaceAll("[\\s\\u3000\\uFEFF]+", "");
        s = s.replaceAll("^\\*+|\\*+$", "");
        return s.toLowerCase(Locale.ROOT);
    }
}
