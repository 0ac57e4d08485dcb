package io.laurel.roster;

import java.util.Locale;
import java.util.Optional;

public enum EmploymentType {
    /** 正式员工 */
    FORMAL("正式"),
    /** 试用期 */
    PROBATION("试用期");

    private final String label;

    EmploymentType(String label) {
        this.label = label;
    }

    /** The Chinese word HR uses in rosters. */
    public String label() {
        return label;
    }

    /** Reads the spellings found in HR exports: 正式/正式员工/FORMAL, 试用/试用期/试用员工/PROBATION. */
    public static Optional<EmploymentType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "正式", "正式员工", "FORMAL" -> Optional.of(FORMAL);
            case "试用", "试用期", "试用员工", "PROBATION" -> Optional.of(PROBATION);
            default -> Optional.empty();
        };
    }
}
