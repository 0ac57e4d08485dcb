package io.laurel.identity;

import java.util.List;

/** The Camunda groups other code, models and operators rely on (design.md §3). */
public final class LaurelGroups {

    public static final String HR = "hr";
    public static final String ASSOCIATION_STAFF = "association-staff";
    public static final String DEPARTMENT_HEADS = "department-heads";
    public static final String COMMITTEE = "committee";
    /** Judges of the skills contest (seed 004): they score matches and choose the best individual, nothing else. */
    public static final String CONTEST_JUDGES = "judges-contest";
    public static final String ADMIN = "camunda-admin";

    /** Groups whose members work tasks in Tasklist. */
    public static final List<String> WORKING = List.of(HR, ASSOCIATION_STAFF, DEPARTMENT_HEADS, COMMITTEE,
            CONTEST_JUDGES);

    private LaurelGroups() {
    }

    static String chineseName(String groupId) {
        return switch (groupId) {
            case HR -> "人力资源部";
            case ASSOCIATION_STAFF -> "协会秘书处";
            case DEPARTMENT_HEADS -> "部门主管";
            case COMMITTEE -> "评选委员会";
            case CONTEST_JUDGES -> "技能大赛评委";
            case ADMIN -> "系统管理员";
            default -> groupId;
        };
    }
}
