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
 */
public record OrgRow(int row, Kind kind, String userId, String name, String email, String phone, String department,
        CommitteeRole role, JudgePanel panel, String unit) {

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
}
