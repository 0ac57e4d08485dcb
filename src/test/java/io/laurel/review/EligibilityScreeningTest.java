package io.laurel.review;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.decision.DmnTestEngines;
import io.laurel.decision.LegacyFeelEngines;
import io.laurel.review.EligibilityScreening.Inputs;
import io.laurel.review.EligibilityScreening.Verdict;
import io.laurel.roster.DemoRosterGenerator;
import io.laurel.roster.Employee;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;

/** Roster-wide screening gives what the per-nomination path (CandidateFacts + the DMN with a variable map) gives. */
class EligibilityScreeningTest {

    static final LocalDate DEADLINE = LocalDate.of(2025, 6, 30);
    final List<Employee> roster = new DemoRosterGenerator().generate(1L, DEADLINE);

    @Test
    void satisfactionPositionsEqualThePerCandidateCount() {
        Map<Employee, Double> percent = EligibilityScreening.satisfactionTopPercent(roster);
        for (Employee candidate : roster) {
            List<Employee> department = roster.stream()
                    .filter(e -> e.getDepartment().equals(candidate.getDepartment()))
                    .filter(e -> e.getSatisfactionScore() != null).toList();
            long better = department.stream()
                    .filter(e -> e.getSatisfactionScore().compareTo(candidate.getSatisfactionScore()) > 0).count();
            assertThat(percent.get(candidate)).as(candidate.getEmployeeNumber())
                    .isEqualTo(CandidateFacts.percent(better + 1, department.size()));
        }
        // The planted tie in 客服中心 (E0031, E0032 at 99.5) shares the better position.
        assertThat(percent.get(roster.get(30))).isEqualTo(percent.get(roster.get(31)));
    }

    @Test
    void parallelScreeningGivesTheVerdictsOfTheDecisionEvaluatedOneByOneWithAVariableMap() {
        List<Inputs> inputs = EligibilityScreening.inputs(roster, "service-star", DEADLINE);
        DmnEngine engine = LegacyFeelEngines.create();
        DmnDecision decision = DmnTestEngines.decision(engine, "decisions/eligibility.dmn", "eligibility");
        DmnEngine stock = DmnTestEngines.legacyFeel();
        DmnDecision stockDecision = DmnTestEngines.decision(stock, "decisions/eligibility.dmn", "eligibility");

        List<Verdict> parallel = EligibilityScreening.evaluate(engine, decision, inputs, 2);

        assertThat(parallel).hasSize(roster.size());
        for (int i = 0; i < inputs.size(); i++) {
            DmnDecisionResultEntries expected = stock.evaluateDecision(stockDecision,
                    Variables.fromMap(inputs.get(i).asMap())).getSingleResult();
            assertThat(parallel.get(i)).as(roster.get(i).getEmployeeNumber()).isEqualTo(
                    new Verdict(Boolean.TRUE.equals(expected.getEntry("eligible")), expected.getEntry("reason")));
        }
        // The planted cases: three wins in a row sit out, two in a row may run.
        assertThat(parallel.get(7).reason()).contains("连续三年");
        assertThat(parallel.get(55).eligible()).isTrue();
        assertThat(parallel.stream().filter(Verdict::eligible).count()).isBetween(1L, (long) roster.size() - 1);
    }
}
