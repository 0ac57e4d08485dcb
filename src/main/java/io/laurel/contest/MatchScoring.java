package io.laurel.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of a match (seed 004): each stage is scored 0–100, the weighted total decides, ties go to
 * the complaint-handling role play (stage 3), then the knowledge-base race (stage 2). A tie that survives both
 * goes to the better seed of the draw, so every match has one order and no coin is tossed.
 */
final class MatchScoring {

    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    private MatchScoring() {
    }

    /** One team's points in the three stages. */
    record StageScores(BigDecimal theory, BigDecimal lookup, BigDecimal rolePlay) {
    }

    /** The share of each stage in the total; read from the DMN {@code contest-stage-weights}. */
    record StageWeights(BigDecimal theory, BigDecimal lookup, BigDecimal rolePlay) {

        StageWeights {
            BigDecimal sum = theory.add(lookup).add(rolePlay);
            if (sum.compareTo(BigDecimal.ONE) != 0) {
                throw new IllegalStateException("Stage weights must add up to 1, not " + sum);
            }
        }

        BigDecimal total(StageScores s) {
            return theory.multiply(s.theory()).add(lookup.multiply(s.lookup())).add(rolePlay.multiply(s.rolePlay()))
                    .setScale(3, RoundingMode.HALF_UP);
        }
    }

    /** A team of a match with its seed in the draw (1 = best) and its scores. */
    record Result(long teamId, int seed, StageScores scores, BigDecimal total) {
    }

    /** Best first: total, then stage 3, then stage 2, then the better seed. */
    static final Comparator<Result> BEST_FIRST = Comparator.comparing(Result::total).reversed()
            .thenComparing(r -> r.scores().rolePlay(), Comparator.reverseOrder())
            .thenComparing(r -> r.scores().lookup(), Comparator.reverseOrder())
            .thenComparingInt(Result::seed);

    static Result result(long teamId, int seed, StageScores scores, StageWeights weights) {
        return new Result(teamId, seed, scores, weights.total(scores));
    }

    static List<Result> rank(List<Result> results) {
        List<Result> ranked = new ArrayList<>(results);
        ranked.sort(BEST_FIRST);
        return ranked;
    }
}
