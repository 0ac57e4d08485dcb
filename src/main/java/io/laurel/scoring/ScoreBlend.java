package io.laurel.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The arithmetic of an association campaign's results, without I/O so it can be checked against hand-computed
 * tables. For every entry:
 * <ol>
 * <li>a judge's total is the sum of the judge's criterion points, plus the entry's confirmed 规范性 points
 *     ({@code entry_conformity}) when the rubric has {@code conformity} and the judge did not score it (the
 *     judge's marks then list them under {@code conformity}, so the total is always the sum of the marks);</li>
 * <li>a panel source ({@code expert}, {@code audience}, {@code panel}) is the mean of its judges' totals —
 *     under {@link Normalisation#Z_SCORE} of their normalised totals;</li>
 * <li>{@code onlineVote} is the points of the entry's vote rank within its ranking group (competition
 *     ranking: equal votes share the better rank, the next rank skips);</li>
 * <li>any other source is a rubric criterion: the mean of every judge's points for it;</li>
 * <li>final score = Σ weight × source score × 100 ÷ full marks of the source (DMN {@code score-weights}: a source
 *     at full marks adds exactly weight × 100, so seed 001's online vote, 20 points × 20 %, adds its 20 points in
 *     full); a source without full marks adds weight × source score. Source and final scores are rounded to 4
 *     decimals (half up) and the final score is computed from the rounded source scores, so the stored figures
 *     recompute exactly.</li>
 * </ol>
 * Within a ranking group entries are ordered by final score, then the expert (else panel) score, then that
 * panel's mean 思想性 ({@code thought}), then earlier submission, then nomination id — never by chance.
 */
final class ScoreBlend {

    static final Set<String> PANELS = Set.of("expert", "audience", "panel");
    static final String ONLINE_VOTE = "onlineVote";
    static final String CONFORMITY = "conformity";
    static final String THOUGHT = "thought";
    static final int SCALE = 4;

    private ScoreBlend() {
    }

    /** An entry to rank. {@code conformityPoints} null when staff have not confirmed conformity. */
    record Entry(long nominationId, String group, Instant submittedAt, Long unitId, long votes,
            BigDecimal conformityPoints) {
    }

    /** One judge_score row. */
    record Score(long nominationId, String judgeId, String panel, String criterion, BigDecimal points) {
    }

    /** One judge's marks on one entry; {@code normalised} equals {@code total} without normalisation. */
    record JudgeMark(String judgeId, String panel, Map<String, BigDecimal> criteria, BigDecimal total,
            BigDecimal normalised) {
    }

    /** The figures of a judge's normalisation: mean and population standard deviation of their totals. */
    record JudgeParameters(String judgeId, String panel, int entries, BigDecimal mean, BigDecimal sd,
            BigDecimal panelMean, BigDecimal panelSd) {
    }

    record Result(long nominationId, String group, Map<String, BigDecimal> sourceScores, List<JudgeMark> judges,
            BigDecimal finalScore, BigDecimal tieExpert, BigDecimal tieThought, long votes, int voteRank,
            BigDecimal votePoints, int position, Instant submittedAt, Long unitId) {
    }

    record Blend(List<Result> results, List<JudgeParameters> parameters) {
    }

    /** As {@link #compute(List, List, Map, Map, Normalisation, boolean, IntFunction)} with no full marks. */
    static Blend compute(List<Entry> entries, List<Score> scores, Map<String, BigDecimal> weights,
            Normalisation normalisation, boolean rubricHasConformity, IntFunction<BigDecimal> votePoints) {
        return compute(entries, scores, weights, Map.of(), normalisation, rubricHasConformity, votePoints);
    }

    /** One source's part of the final score: weight × score × 100 ÷ full marks, or weight × score without. */
    static BigDecimal contribution(BigDecimal weight, BigDecimal score, BigDecimal fullMarks) {
        BigDecimal weighted = weight.multiply(score);
        if (fullMarks == null || fullMarks.signum() <= 0) {
            return weighted;
        }
        return weighted.multiply(HUNDRED).divide(fullMarks, 10, RoundingMode.HALF_UP);
    }

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static Blend compute(List<Entry> entries, List<Score> scores, Map<String, BigDecimal> weights,
            Map<String, BigDecimal> fullMarks, Normalisation normalisation, boolean rubricHasConformity,
            IntFunction<BigDecimal> votePoints) {
        Map<Long, Entry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.nominationId(), e));
        // judge -> entry -> criterion -> points (sorted maps: stable output)
        Map<String, String> panelOfJudge = new TreeMap<>();
        Map<String, Map<Long, Map<String, BigDecimal>>> marks = new TreeMap<>();
        for (Score s : scores) {
            if (!byId.containsKey(s.nominationId())) {
                continue;
            }
            panelOfJudge.putIfAbsent(s.judgeId(), s.panel());
            marks.computeIfAbsent(s.judgeId(), j -> new TreeMap<>())
                    .computeIfAbsent(s.nominationId(), n -> new TreeMap<>()).put(s.criterion(), s.points());
        }
        // Totals per judge and entry; the confirmed 规范性 points join the judge's criteria where they count.
        Map<String, Map<Long, BigDecimal>> totals = new TreeMap<>();
        Map<String, Map<Long, Map<String, BigDecimal>>> counted = new TreeMap<>();
        marks.forEach((judge, perEntry) -> perEntry.forEach((entry, criteria) -> {
            Map<String, BigDecimal> withConformity = new TreeMap<>(criteria);
            BigDecimal conformity = byId.get(entry).conformityPoints();
            if (rubricHasConformity && !criteria.containsKey(CONFORMITY) && conformity != null) {
                withConformity.put(CONFORMITY, conformity);
            }
            BigDecimal total = withConformity.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            counted.computeIfAbsent(judge, j -> new TreeMap<>()).put(entry, withConformity);
            totals.computeIfAbsent(judge, j -> new TreeMap<>()).put(entry, total);
        }));
        // Normalisation figures per judge.
        Map<String, JudgeParameters> parameters = new TreeMap<>();
        Map<String, double[]> pooled = new TreeMap<>();
        panelOfJudge.values().stream().distinct().forEach(panel -> pooled.put(panel, meanSd(totals.entrySet().stream()
                .filter(t -> panel.equals(panelOfJudge.get(t.getKey())))
                .flatMap(t -> t.getValue().values().stream()).toList())));
        totals.forEach((judge, perEntry) -> {
            double[] own = meanSd(List.copyOf(perEntry.values()));
            double[] panel = pooled.get(panelOfJudge.get(judge));
            parameters.put(judge, new JudgeParameters(judge, panelOfJudge.get(judge), perEntry.size(), round(own[0]),
                    round(own[1]), round(panel[0]), round(panel[1])));
        });
        // Per entry: judge marks and source scores.
        Map<Long, List<JudgeMark>> judgeMarks = new LinkedHashMap<>();
        Map<Long, Map<String, Double>> normalisedPerEntry = new LinkedHashMap<>();
        totals.forEach((judge, perEntry) -> {
            double[] own = meanSd(List.copyOf(perEntry.values()));
            double[] panel = pooled.get(panelOfJudge.get(judge));
            perEntry.forEach((entry, total) -> {
                double value = total.doubleValue();
                if (normalisation == Normalisation.Z_SCORE) {
                    value = own[1] == 0 ? panel[0] : panel[0] + panel[1] * (value - own[0]) / own[1];
                }
                normalisedPerEntry.computeIfAbsent(entry, e -> new TreeMap<>()).put(judge, value);
                judgeMarks.computeIfAbsent(entry, e -> new ArrayList<>()).add(new JudgeMark(judge,
                        panelOfJudge.get(judge), counted.get(judge).get(entry), total, round(value)));
            });
        });
        // Vote ranks within each group.
        Map<String, List<Entry>> groups = entries.stream()
                .collect(Collectors.groupingBy(Entry::group, TreeMap::new, Collectors.toList()));
        Map<Long, Integer> voteRank = new LinkedHashMap<>();
        groups.values().forEach(group -> {
            List<Long> votes = group.stream().map(Entry::votes).toList();
            group.forEach(e -> voteRank.put(e.nominationId(), voteRank(e.votes(), votes)));
        });
        String tiePanel = weights.containsKey("expert") ? "expert" : weights.containsKey("panel") ? "panel"
                : panelOfJudge.containsValue("expert") ? "expert" : null;

        List<Result> unordered = new ArrayList<>();
        for (Entry e : entries) {
            long id = e.nominationId();
            Map<String, Double> normalised = normalisedPerEntry.getOrDefault(id, Map.of());
            int rank = voteRank.get(id);
            BigDecimal points = votePoints.apply(rank);
            Map<String, BigDecimal> sourceScores = new LinkedHashMap<>();
            BigDecimal finalScore = BigDecimal.ZERO;
            for (var w : weights.entrySet()) {
                String source = w.getKey();
                BigDecimal score;
                if (PANELS.contains(source)) {
                    score = panelScore(source, normalised, panelOfJudge);
                } else if (ONLINE_VOTE.equals(source)) {
                    score = points.setScale(SCALE, RoundingMode.HALF_UP);
                } else {
                    score = criterionMean(id, source, marks, null, panelOfJudge);
                }
                sourceScores.put(source, score);
                finalScore = finalScore.add(contribution(w.getValue(), score, fullMarks.get(source)));
            }
            BigDecimal tieExpert = tiePanel == null ? null : panelScoreOrNull(tiePanel, normalised, panelOfJudge);
            BigDecimal tieThought = criterionMeanOrNull(id, THOUGHT, marks, tiePanel, panelOfJudge);
            List<JudgeMark> jm = judgeMarks.getOrDefault(id, List.of()).stream()
                    .sorted(Comparator.comparing(JudgeMark::panel).thenComparing(JudgeMark::judgeId)).toList();
            unordered.add(new Result(id, e.group(), sourceScores, jm, finalScore.setScale(SCALE, RoundingMode.HALF_UP),
                    tieExpert, tieThought, e.votes(), rank, points, 0, e.submittedAt(), e.unitId()));
        }
        List<Result> ranked = new ArrayList<>();
        unordered.stream().collect(Collectors.groupingBy(Result::group, TreeMap::new, Collectors.toList()))
                .forEach((group, list) -> {
                    List<Result> sorted = list.stream().sorted(ORDER).toList();
                    for (int i = 0; i < sorted.size(); i++) {
                        Result r = sorted.get(i);
                        ranked.add(new Result(r.nominationId(), r.group(), r.sourceScores(), r.judges(),
                                r.finalScore(), r.tieExpert(), r.tieThought(), r.votes(), r.voteRank(),
                                r.votePoints(), i + 1, r.submittedAt(), r.unitId()));
                    }
                });
        return new Blend(ranked, List.copyOf(parameters.values()));
    }

    /** Final score, expert score, 思想性 (higher first; missing last), earlier submission, lower id. */
    static final Comparator<Result> ORDER = Comparator
            .comparing(Result::finalScore, Comparator.reverseOrder())
            .thenComparing(Result::tieExpert, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Result::tieThought, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(Result::submittedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Result::nominationId);

    /** Competition rank ("1224"): 1 + the number of entries with strictly more votes. */
    static int voteRank(long votes, List<Long> allVotes) {
        return 1 + (int) allVotes.stream().filter(v -> v > votes).count();
    }

    private static BigDecimal panelScore(String panel, Map<String, Double> normalised, Map<String, String> panelOf) {
        BigDecimal score = panelScoreOrNull(panel, normalised, panelOf);
        return score == null ? BigDecimal.ZERO.setScale(SCALE) : score;
    }

    private static BigDecimal panelScoreOrNull(String panel, Map<String, Double> normalised,
            Map<String, String> panelOf) {
        List<Double> values = normalised.entrySet().stream().filter(n -> panel.equals(panelOf.get(n.getKey())))
                .map(Map.Entry::getValue).toList();
        if (values.isEmpty()) {
            return null;
        }
        return round(values.stream().mapToDouble(Double::doubleValue).sum() / values.size());
    }

    private static BigDecimal criterionMean(long entry, String criterion,
            Map<String, Map<Long, Map<String, BigDecimal>>> marks, String panel, Map<String, String> panelOf) {
        BigDecimal mean = criterionMeanOrNull(entry, criterion, marks, panel, panelOf);
        return mean == null ? BigDecimal.ZERO.setScale(SCALE) : mean;
    }

    private static BigDecimal criterionMeanOrNull(long entry, String criterion,
            Map<String, Map<Long, Map<String, BigDecimal>>> marks, String panel, Map<String, String> panelOf) {
        List<BigDecimal> points = new ArrayList<>();
        marks.forEach((judge, perEntry) -> {
            if (panel != null && !panel.equals(panelOf.get(judge))) {
                return;
            }
            BigDecimal p = perEntry.getOrDefault(entry, Map.of()).get(criterion);
            if (p != null) {
                points.add(p);
            }
        });
        if (points.isEmpty()) {
            return null;
        }
        return points.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(points.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** Mean and population standard deviation. */
    static double[] meanSd(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return new double[] {0, 0};
        }
        double mean = values.stream().mapToDouble(BigDecimal::doubleValue).sum() / values.size();
        double variance = values.stream().mapToDouble(v -> (v.doubleValue() - mean) * (v.doubleValue() - mean)).sum()
                / values.size();
        return new double[] {mean, Math.sqrt(variance)};
    }

    static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_UP);
    }
}
