package io.laurel.decision;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.feel.impl.juel.FeelEngineImpl;
import org.camunda.bpm.dmn.feel.impl.juel.TransformExpressionCacheKey;
import org.camunda.bpm.dmn.feel.impl.juel.el.ElContextFactory;
import org.camunda.bpm.dmn.feel.impl.juel.el.FeelElContext;
import org.camunda.bpm.dmn.feel.impl.juel.transform.FeelToJuelTransform;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.impl.juel.SimpleResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.camunda.bpm.impl.juel.jakarta.el.FunctionMapper;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotFoundException;
import org.camunda.bpm.impl.juel.jakarta.el.ValueExpression;
import org.camunda.bpm.impl.juel.jakarta.el.VariableMapper;
import org.camunda.commons.utils.cache.Cache;

/**
 * The legacy FEEL engine with each input entry compiled once. The stock engine translates an entry such as
 * {@code < 6} to JUEL and then builds a new JUEL expression for every evaluation, binding the variables of that
 * evaluation into it (about a quarter of the CPU time of screening a roster, issue 8, P1). Here the JUEL
 * expression is built once without variables and reads them from each evaluation's context when it runs.
 *
 * <p>Anything the fast path cannot answer (a missing variable, a value it cannot convert, a function that
 * throws) is evaluated again the stock way, so errors keep the stock engine's exceptions and messages.
 */
final class CompiledUnaryTestsFeelEngine extends FeelEngineImpl {

    private final Map<TransformExpressionCacheKey, ValueExpression> compiled = new ConcurrentHashMap<>();
    private final FunctionMapper functions;
    private final ELResolver properties = new SimpleResolver(true);
    private final int capacity;

    CompiledUnaryTestsFeelEngine(FeelToJuelTransform transform, ExpressionFactory expressionFactory,
            ElContextFactory elContextFactory, Cache<TransformExpressionCacheKey, String> transformCache, int capacity) {
        super(transform, expressionFactory, elContextFactory, transformCache);
        // The FEEL functions (date and time(...)) as the stock contexts map them; variables are not bound here.
        this.functions = elContextFactory.createContext(expressionFactory, Variables.emptyVariableContext())
                .getFunctionMapper();
        this.capacity = capacity;
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String simpleUnaryTests, String inputName, VariableContext variables) {
        ValueExpression expression = compile(simpleUnaryTests, inputName);
        if (expression != null) {
            try {
                if (expression.getValue(new RunContext(variables)) instanceof Boolean result) {
                    return result;
                }
            } catch (RuntimeException e) {
                // falls through: the stock path below raises the stock error for this input entry
            }
        }
        return super.evaluateSimpleUnaryTests(simpleUnaryTests, inputName, variables);
    }

    private ValueExpression compile(String simpleUnaryTests, String inputName) {
        TransformExpressionCacheKey key = new TransformExpressionCacheKey(simpleUnaryTests, inputName);
        ValueExpression expression = compiled.get(key);
        if (expression == null) {
            try {
                String juel = transformToJuelExpression(simpleUnaryTests, inputName);
                expression = expressionFactory.createValueExpression(new FeelElContext(properties, functions, null),
                        juel, Object.class);
            } catch (RuntimeException e) {
                return null; // not translatable: the stock path reports it
            }
            if (compiled.size() >= capacity) {
                compiled.clear();
            }
            compiled.put(key, expression);
        }
        return expression;
    }

    /** One evaluation's context: identifiers are read from its variables, properties of values as usual. */
    private final class RunContext extends ELContext {

        private final ELResolver resolver;

        RunContext(VariableContext variables) {
            this.resolver = new VariableResolver(variables, properties);
        }

        @Override
        public ELResolver getELResolver() {
            return resolver;
        }

        @Override
        public FunctionMapper getFunctionMapper() {
            return functions;
        }

        @Override
        public VariableMapper getVariableMapper() {
            return null;
        }
    }

    /** Top-level names resolve to the unpacked variable (as the stock variable mapper does), the rest to values' properties. */
    private static final class VariableResolver extends ELResolver {

        private final VariableContext variables;
        private final ELResolver properties;

        VariableResolver(VariableContext variables, ELResolver properties) {
            this.variables = variables;
            this.properties = properties;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                return properties.getValue(context, base, property);
            }
            String name = String.valueOf(property);
            if (!variables.containsVariable(name)) {
                throw new PropertyNotFoundException(name);
            }
            context.setPropertyResolved(true);
            TypedValue value = variables.resolve(name);
            return value == null ? null : value.getValue();
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return base == null ? null : properties.getType(context, base, property);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            throw new UnsupportedOperationException("FEEL input entries are read-only");
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public java.util.Iterator<java.beans.FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return base == null ? String.class : properties.getCommonPropertyType(context, base);
        }
    }
}
