package io.laurel.organisation;

/**
 * One row of an organisation file, or one entry added in the console.
 *
 * @param row      the row number Excel shows (0 for an entry typed in the console)
 * @param kind     what the row is
 * @param userId   Camunda user id (heads, committee, judges)
 * @param name     the person's name; for a unit, its contact's name
 * @param email    the person's (or the unit contact's) email
 * @param phone    the unit contact's phone
 * @param department the department a head heads
 * @param role     a committee member's role
 * @param panel    a judge's panel
 * @param unit     a judge's unit, or the member unit's name
 * @param chair    whether a committee member chairs the committee (委员会主任)
 */
public record OrgRow(int row, Kind kind, String userId, String name, String email, String phone, String department,
        CommitteeRole role, JudgePanel panel, String unit, boolean chair) {

    public enum Kind {
        HEAD("部门主管"), COMMITTEE("评选委员"), JUDGE("评委"), UNIT("会员单位");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static java.util.Optional<Kind> parse(String text) {
            return switch (text) {
                case "部门主管", "部门负责人" -> java.util.Optional.of(HEAD);
                case "评选委员", "委员", "评委会委员", "评选委员会委员" -> java.util.Optional.of(COMMITTEE);
                case "评委", "评审专家" -> java.util.Optional.of(JUDGE);
                case "会员单位", "推荐单位", "单位" -> java.util.Optional.of(UNIT);
                default -> java.util.Optional.empty();
            };
        }
    }

    /** Whether the row names a Camunda user (every kind but a unit). */
    boolean isPerson() {
        return kind != Kind.UNIT;
    }

    /**
     * An entry typed in the console. {@code detail} is the department, the committee role or the judge's panel;
     * an unusable field is reported through {@code error} (attribute "error") and gives no row.
     */
    public static java.util.Optional<OrgRow> fromForm(String kind, String userId, String name, String email,
            String detail, String unit, java.util.function.BiConsumer<String, Object> error) {
        Kind k;
        try {
            k = Kind.valueOf(kind);
        } catch (RuntimeException e) {
            error.accept("error", "请选择类别");
            return java.util.Optional.empty();
        }
        String user = trim(userId);
        String d = trim(detail);
        if (k != Kind.UNIT && (user == null || !user.matches("[a-zA-Z0-9._-]{1,64}"))) {
            error.accept("error", "用户名: 必填,只能包含英文字母、数字、点、下划线和连字符");
            return java.util.Optional.empty();
        }
        CommitteeRole role = null;
        JudgePanel panel = null;
        switch (k) {
            case HEAD -> {
                if (d == null) {
                    error.accept("error", "部门: 部门主管必须填写所负责的部门");
                    return java.util.Optional.empty();
                }
            }
            case COMMITTEE -> {
                role = d == null ? null : CommitteeRole.byLabel(d).orElse(null);
                if (role == null) {
                    error.accept("error", "委员角色应为 " + CommitteeRole.labels());
                    return java.util.Optional.empty();
                }
            }
            case JUDGE -> {
                panel = d == null ? JudgePanel.EXPERT : JudgePanel.parse(d).orElse(null);
                if (panel == null) {
                    error.accept("error", "评审组应为 " + JudgePanel.labels());
                    return java.util.Optional.empty();
                }
            }
            case UNIT -> {
                if (trim(unit) == null) {
                    error.accept("error", "单位: 必须填写单位名称");
                    return java.util.Optional.empty();
                }
            }
        }
        return java.util.Optional.of(new OrgRow(0, k, user, trim(name), trim(email), null,
                k == Kind.HEAD ? d : null, role, panel, trim(unit), false));
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
