package io.laurel.decision;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.impl.el.JuelElProvider;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElExpression;
import org.camunda.bpm.dmn.engine.impl.spi.el.ElProvider;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The DMN engine's JUEL for input and output expressions, with two shapes answered without JUEL: a bare variable
 * name ({@code tenureMonths}, as every input of Laurel's tables is written) reads the variable, and a literal
 * ({@code false}, {@code "非正式员工…"}, as their outputs are) is evaluated once. The stock provider builds a JUEL
 * context for each of them on every evaluation (~15% of screening a roster, issue 8, P1). Any other expression,
 * and a name that is not among the variables (the stock error), goes to JUEL as before.
 */
final class DirectLookupElProvider implements ElProvider {

    private static final Pattern NAME = Pattern.compile("\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}");
    private static final Pattern LITERAL = Pattern.compile("\\$\\{\\s*(true|false|-?[0-9]+|\"[^\"\\\\$#{}]*\")\\s*}");
    /** JUEL's reserved words and the name the stock resolver gives the variable context itself. */
    private static final Set<String> NOT_VARIABLES = Set.of("true", "false", "null", "empty",
            "not", "and", "or", "div", "mod", "eq", "ne", "lt", "gt", "le", "ge", "instanceof", "variableContext");

    private final ElProvider juel = new JuelElProvider();

    @Override
    public ElExpression createExpression(String expression) {
        ElExpression stock = juel.createExpression(expression);
        Matcher literal = LITERAL.matcher(expression);
        if (literal.matches()) {
            Object value = stock.getValue(Variables.emptyVariableContext());
            return variables -> value;
        }
        Matcher name = NAME.matcher(expression);
        if (name.matches() && !NOT_VARIABLES.contains(name.group(1))) {
            return new VariableLookup(name.group(1), stock);
        }
        return stock;
    }

    private record VariableLookup(String name, ElExpression stock) implements ElExpression {

        @Override
        public Object getValue(VariableContext variables) {
            TypedValue value = variables.resolve(name);
            return value == null ? stock.getValue(variables) : value.getValue();
        }
    }
}
