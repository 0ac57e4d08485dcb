package io.laurel.review;

import io.laurel.campaign.Campaign;
import io.laurel.decision.DecisionTables;
import io.laurel.nomination.Nomination;
import io.laurel.roster.Employee;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 初评: scores every eligible candidate from the roster's figures with the weights of the DMN
 * {@code initial-review-weights}, and ranks them within their position group (分组评比). Who advances
 * (the top half of each group) is decided when HR has confirmed the list.
 */
@Component("initialReviewScorer")
class InitialReviewScorer implements JavaDelegate {

    private final NominationContext context;
    private final PositionGroups groups;
    private final DecisionTables decisions;

    InitialReviewScorer(NominationContext context, PositionGroups groups, DecisionTables decisions) {
        this.context = context;
        this.groups = groups;
        this.decisions = decisions;
    }

    record Weights(double satisfaction, double efficiency, double skills) {
    }

    @Override
    public void execute(DelegateExecution execution) {
        Campaign campaign = context.campaign(execution);
        Weights weights = weights(decisions, campaign.getPresetKey());
        PositionGroups.Eligible eligible = groups.of(campaign.getId());
        eligible.nominations().forEach(n -> n.recordInitialScore(eligible.members(n).isEmpty()
                ? score(eligible.candidate(n), weights) : teamScore(eligible.members(n), weights), 0));
        eligible.byGroup().values().forEach(group -> {
            // Equal scores share the better rank; ties within a rank are ordered by nomination time.
            List<Nomination> ranked = group.stream().sorted(Comparator.comparing(Nomination::getInitialScore)
                    .reversed().thenComparing(Nomination::getId)).toList();
            for (int i = 0; i < ranked.size(); i++) {
                Nomination n = ranked.get(i);
                long better = ranked.stream().filter(o -> o.getInitialScore().compareTo(n.getInitialScore()) > 0)
                        .count();
                n.recordInitialScore(n.getInitialScore(), (int) better + 1);
            }
        });
        execution.setVariable("initialReviewCandidates", eligible.nominations().size());
    }

    /** The preset's weights from the DMN {@code initial-review-weights}. */
    static Weights weights(DecisionTables decisions, String presetKey) {
        var row = decisions.evaluate("initial-review-weights", Map.of("preset", presetKey)).getSingleResult();
        return new Weights(number(row.get("satisfactionWeight")), number(row.get("efficiencyWeight")),
                number(row.get("skillsWeight")));
    }

    /** How scores are made, said once above the list: each indicator times its weight. */
    static String formula(Weights w) {
        return "得分 = 满意度×" + plain(w.satisfaction()) + " + 解决率×" + plain(w.efficiency()) + " + 技能测试×"
                + plain(w.skills()) + "（每人括号内依次为满意度/解决率/技能测试；团队为成员得分的平均）";
    }

    /** A person's three indicators, compact: a Camunda text variable holds at most 4,000 characters. */
    static String parts(Employee e) {
        return plain(e.getSatisfactionScore()) + "/" + plain(e.getResolutionRate()) + "/" + plain(e.getSkillsTestScore());
    }

    private static String plain(Object value) {
        if (value == null) {
            return "0(缺)";
        }
        return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    static BigDecimal score(Employee e, Weights w) {
        double value = w.satisfaction() * orZero(e.getSatisfactionScore())
                + w.efficiency() * orZero(e.getResolutionRate())
                + w.skills() * orZero(e.getSkillsTestScore());
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }

    /** A team's score: the mean of its members' scores (docs/rules.md: the seed gives indicators per person). */
    static BigDecimal teamScore(List<Employee> members, Weights w) {
        BigDecimal sum = members.stream().map(m -> score(m, w)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(members.size()), 3, RoundingMode.HALF_UP);
    }

    /** Whether a candidate of this rank advances from a group of this size: the top 50%, rounded up. */
    static boolean advances(int rank, int groupSize) {
        return rank <= (groupSize + 1) / 2;
    }

    private static double orZero(BigDecimal value) {
        return value == null ? 0 : value.doubleValue();
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
