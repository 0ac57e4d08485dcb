package io.laurel.review;

import io.laurel.decision.DecisionTables;
import io.laurel.roster.Employee;
import io.laurel.roster.EmploymentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * Screens a whole roster against the DMN {@code eligibility} table at once (a preview for staff, a
 * report over tens of thousands of employees). The rules stay in the deployed DMN: the latest parsed
 * decision comes from {@link DecisionTables} (legacy FEEL, parsed once per deployed version) and is
 * evaluated without decision history, which is why this is a preview and not the auditable verdict of
 * a nomination (that still goes through the engine's DecisionService).
 *
 * <p>The inputs are those of {@link CandidateFacts}, but the satisfaction position is computed with one
 * sort per department (and a binary search per employee) instead of one department query per candidate. A parsed {@link DmnDecision} is
 * immutable and every evaluation builds its own context, so the roster is evaluated in parallel.
 */
@Component
public class EligibilityScreening {

    public static final String DECISION_KEY = "eligibility";
    static final List<String> VARIABLES = List.of("formalEmployee", "tenureMonths", "satisfactionTopPercent",
            "majorComplaints12m", "violations", "consecutiveWinsSameAward");
    private static final Set<String> VARIABLE_SET = Set.copyOf(VARIABLES);

    private final DecisionTables tables;

    EligibilityScreening(DecisionTables tables) {
        this.tables = tables;
    }

    /** Every employee's verdict by 工号, in roster order, on all available cores. */
    public Map<String, Verdict> screen(List<Employee> roster, String awardCode, LocalDate deadline) {
        List<Inputs> inputs = inputs(roster, awardCode, deadline);
        List<Verdict> verdicts = evaluate(tables.engine(), tables.latest(DECISION_KEY), inputs,
                Runtime.getRuntime().availableProcessors());
        Map<String, Verdict> byNumber = new LinkedHashMap<>();
        for (int i = 0; i < roster.size(); i++) {
            byNumber.put(roster.get(i).getEmployeeNumber(), verdicts.get(i));
        }
        return byNumber;
    }

    /** The verdict of the table: eligible, or the reason of the first rule that excluded the employee. */
    public record Verdict(boolean eligible, String reason) {
    }

    /**
     * The six inputs of the eligibility table for one employee. It is its own variable context, so an
     * evaluation reads the values without building a map of typed values first.
     */
    public record Inputs(boolean formalEmployee, int tenureMonths, Double satisfactionTopPercent,
            int majorComplaints12m, int violations, int consecutiveWinsSameAward) implements VariableContext {

        @Override
        public TypedValue resolve(String name) {
            return switch (name) {
                case "formalEmployee" -> Variables.booleanValue(formalEmployee);
                case "tenureMonths" -> Variables.integerValue(tenureMonths);
                case "satisfactionTopPercent" -> satisfactionTopPercent == null
                        ? Variables.untypedNullValue() : Variables.doubleValue(satisfactionTopPercent);
                case "majorComplaints12m" -> Variables.integerValue(majorComplaints12m);
                case "violations" -> Variables.integerValue(violations);
                case "consecutiveWinsSameAward" -> Variables.integerValue(consecutiveWinsSameAward);
                default -> null;
            };
        }

        @Override
        public boolean containsVariable(String name) {
            return VARIABLE_SET.contains(name);
        }

        @Override
        public Set<String> keySet() {
            return VARIABLE_SET;
        }

        /** The same inputs as the map {@link CandidateFacts#eligibilityInputs} builds for one nomination. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new HashMap<>();
            map.put("formalEmployee", formalEmployee);
            map.put("tenureMonths", tenureMonths);
            map.put("satisfactionTopPercent", satisfactionTopPercent);
            map.put("majorComplaints12m", majorComplaints12m);
            map.put("violations", violations);
            map.put("consecutiveWinsSameAward", consecutiveWinsSameAward);
            return map;
        }
    }

    /** The inputs of every employee of a roster, in roster order. */
    public static List<Inputs> inputs(List<Employee> roster, String awardCode, LocalDate deadline) {
        DepartmentScores scores = new DepartmentScores(roster);
        List<Inputs> inputs = new ArrayList<>(roster.size());
        for (Employee e : roster) {
            inputs.add(inputsOf(e, awardCode, deadline, scores.topPercent(e)));
        }
        return inputs;
    }

    /** One employee's inputs, given their satisfaction position; the single place the DMN inputs are derived. */
    static Inputs inputsOf(Employee e, String awardCode, LocalDate deadline, Double satisfactionTopPercent) {
        // "Years in a row, up to last year": the campaign year is the deadline's year.
        return new Inputs(e.getEmploymentType() == EmploymentType.FORMAL,
                CandidateFacts.tenureMonths(e.getHireDate(), deadline), satisfactionTopPercent,
                e.getMajorComplaints12m(), e.getViolations(), e.consecutiveWins(awardCode, deadline.getYear() - 1));
    }

    /**
     * Each scored employee's satisfaction position within their department as a percentage from the top,
     * (number with a strictly better score + 1)
     * / scored in the department, so equal scores share the better position.
     */
    public static Map<Employee, Double> satisfactionTopPercent(List<Employee> roster) {
        DepartmentScores scores = new DepartmentScores(roster);
        Map<Employee, Double> percent = new IdentityHashMap<>(roster.size() * 2);
        for (Employee e : roster) {
            if (e.getSatisfactionScore() != null) {
                percent.put(e, scores.topPercent(e));
            }
        }
        return percent;
    }

    /**
     * The scores of each department sorted once, as primitive doubles; a position is then a binary search.
     * Scores are decimals of at most a few digits (column precision 6, scale 2), so two scores are equal,
     * or ordered, as doubles exactly when they are as decimals.
     */
    static final class DepartmentScores {

        private final Map<String, double[]> ascending = new HashMap<>();

        DepartmentScores(List<Employee> roster) {
            Map<String, double[]> filling = new HashMap<>();
            Map<String, Integer> sizes = new HashMap<>();
            for (Employee e : roster) {
                if (e.getSatisfactionScore() != null) {
                    sizes.merge(e.getDepartment(), 1, Integer::sum);
                }
            }
            Map<String, Integer> next = new HashMap<>();
            for (Employee e : roster) {
                if (e.getSatisfactionScore() != null) {
                    double[] scores = filling.computeIfAbsent(e.getDepartment(), d -> new double[sizes.get(d)]);
                    int i = next.merge(e.getDepartment(), 1, Integer::sum) - 1;
                    scores[i] = e.getSatisfactionScore().doubleValue();
                }
            }
            filling.forEach((department, scores) -> {
                Arrays.sort(scores);
                ascending.put(department, scores);
            });
        }

        Double topPercent(Employee e) {
            if (e.getSatisfactionScore() == null) {
                return null;
            }
            double[] scores = ascending.get(e.getDepartment());
            double score = e.getSatisfactionScore().doubleValue();
            // First index holding a value greater than score: everything from there on is strictly better.
            int low = 0;
            int high = scores.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (scores[mid] <= score) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            long better = scores.length - low;
            return CandidateFacts.percent(better + 1, scores.length);
        }
    }

    /**
     * Evaluates a parsed decision for every input, on {@code threads} threads (1: the caller's thread).
     * Results are in input order.
     */
    public static List<Verdict> evaluate(DmnEngine engine, DmnDecision decision, List<Inputs> inputs, int threads) {
        Verdict[] verdicts = new Verdict[inputs.size()];
        if (threads <= 1) {
            for (int i = 0; i < verdicts.length; i++) {
                verdicts[i] = evaluate(engine, decision, inputs.get(i));
            }
            return List.of(verdicts);
        }
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, verdicts.length).parallel()
                    .forEach(i -> verdicts[i] = evaluate(engine, decision, inputs.get(i)))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Screening interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Screening failed", e.getCause());
        } finally {
            pool.shutdown();
        }
        return List.of(verdicts);
    }

    static Verdict evaluate(DmnEngine engine, DmnDecision decision, Inputs inputs) {
        DmnDecisionResultEntries result = engine.evaluateDecision(decision, inputs).getSingleResult();
        return new Verdict(Boolean.TRUE.equals(result.getEntry("eligible")), result.getEntry("reason"));
    }
}
