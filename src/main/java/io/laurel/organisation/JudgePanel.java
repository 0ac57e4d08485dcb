package io.laurel.organisation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The judging panels of association campaigns (codes as in {@code laurel.judging.panels}). */
public enum JudgePanel {
    EXPERT("expert", "专家评委", "专家"),
    AUDIENCE("audience", "专业观众评委", "专业观众", "大众评委"),
    PANEL("panel", "评审团", "评审团评委");

    private final String code;
    private final String label;
    private final String[] aliases;

    JudgePanel(String code, String label, String... aliases) {
        this.code = code;
        this.label = label;
        this.aliases = aliases;
    }

    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    static Optional<JudgePanel> parse(String text) {
        return Arrays.stream(values()).filter(p -> p.label.equals(text) || p.code.equalsIgnoreCase(text)
                || Arrays.asList(p.aliases).contains(text)).findFirst();
    }

    static Optional<JudgePanel> byCode(String code) {
        return Arrays.stream(values()).filter(p -> p.code.equals(code)).findFirst();
    }

    static String labels() {
        return Arrays.stream(values()).map(JudgePanel::label).collect(Collectors.joining("、"));
    }
}
