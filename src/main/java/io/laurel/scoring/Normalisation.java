package io.laurel.scoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * How judges' totals are made comparable before they are averaged, chosen per campaign (table
 * {@code scoring_setting}) and stored with each result. {@link #Z_SCORE}: a judge's total becomes
 * {@code panelMean + panelSd × (total − judgeMean) / judgeSd}, so a strict and a lenient judge weigh the same
 * while the score stays on the rubric's scale.
 */
public enum Normalisation {
    NONE("none"),
    Z_SCORE("z-score");

    private final String code;

    Normalisation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Normalisation> of(String code) {
        return Arrays.stream(values()).filter(n -> n.code.equals(code)).findFirst();
    }
}
