package io.laurel.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableInputImpl;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LegacyFeelEngines} must answer exactly as the stock legacy-FEEL engine: every decision of every table
 * Laurel deploys ({@code decisions/*.dmn}), 4,000 random input sets each — values around the tables' own
 * thresholds and strings, nulls, missing variables, values of the wrong type — compared result by result, and
 * errors by type and message.
 */
class LegacyFeelEnginesTest {

    static final int CASES = 4_000;
    static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    static Stream<Path> tables() throws IOException {
        return Files.list(Path.of("decisions")).filter(p -> p.toString().endsWith(".dmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("tables")
    void answers_as_the_stock_legacy_engine(Path table) throws IOException {
        DmnEngine stock = DmnTestEngines.legacyFeel();
        DmnEngine tuned = LegacyFeelEngines.create();
        String xml = Files.readString(table, StandardCharsets.UTF_8);
        List<String> strings = new ArrayList<>(List.of("", "x", "其他"));
        Matcher quoted = QUOTED.matcher(xml);
        while (quoted.find()) {
            strings.add(quoted.group(1));
        }
        List<DmnDecision> stockDecisions = parse(stock, table);
        List<DmnDecision> tunedDecisions = parse(tuned, table);
        assertThat(tunedDecisions).hasSameSizeAs(stockDecisions).isNotEmpty();
        Random random = new Random(table.getFileName().toString().hashCode());
        int errors = 0;
        int matches = 0;
        for (int d = 0; d < stockDecisions.size(); d++) {
            DmnDecision expectedDecision = stockDecisions.get(d);
            DmnDecision actualDecision = tunedDecisions.get(d);
            DmnDecisionTableImpl logic = (DmnDecisionTableImpl) expectedDecision.getDecisionLogic();
            var inputs = logic.getInputs();
            for (int i = 0; i < CASES; i++) {
                VariableMap variables = Variables.createVariables();
                // Half the sets aim at one rule: its quoted entries as the values, so string tables match too.
                var aimed = random.nextBoolean() ? logic.getRules().get(random.nextInt(logic.getRules().size())) : null;
                for (int column = 0; column < inputs.size(); column++) {
                    DmnDecisionTableInputImpl input = inputs.get(column);
                    String name = input.getExpression().getExpression().trim();
                    if (random.nextInt(100) == 0) {
                        continue; // missing variable: both must fail alike
                    }
                    String entry = aimed == null ? null : aimed.getConditions().get(column).getExpression();
                    Matcher single = entry == null ? null : QUOTED.matcher(entry.trim());
                    variables.put(name, single != null && single.matches() ? single.group(1)
                            : value(input.getExpression().getTypeDefinition().getTypeName(), strings, random));
                }
                Object expected = outcome(stock, expectedDecision, variables);
                Object actual = outcome(tuned, actualDecision, variables);
                assertThat(actual).as("%s %s with %s", table, expectedDecision.getKey(), variables).isEqualTo(expected);
                if (expected instanceof String) {
                    errors++;
                } else if (!((List<?>) expected).isEmpty()) {
                    matches++;
                }
            }
        }
        // The random inputs must reach both answers and errors, or the comparison proves little.
        assertThat(matches).as("input sets where a rule matched").isGreaterThan(CASES / 10);
        assertThat(errors).as("input sets that failed (missing variables)").isPositive();
    }

    private static List<DmnDecision> parse(DmnEngine engine, Path table) throws IOException {
        try (InputStream in = Files.newInputStream(table)) {
            return engine.parseDecisions(in);
        }
    }

    /** The decision's result list, or the error it raised as "class: message". */
    private static Object outcome(DmnEngine engine, DmnDecision decision, VariableMap variables) {
        try {
            List<Map<String, Object>> rows = engine.evaluateDecisionTable(decision, variables).getResultList();
            return rows;
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static Object value(String type, List<String> strings, Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return strings.get(random.nextInt(strings.size())); // a string where a number may be expected
        }
        return switch (type == null ? "string" : type) {
            case "boolean" -> random.nextBoolean();
            case "integer" -> random.nextInt(46) - 5;
            case "long" -> (long) (random.nextInt(46) - 5);
            case "double" -> random.nextInt(4) == 0 ? (double) random.nextInt(101) : random.nextDouble() * 100;
            default -> random.nextInt(10) == 0 ? random.nextInt(30) : strings.get(random.nextInt(strings.size()));
        };
    }
}
