package io.laurel.web;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Lets a task listener's refusal of form input reach the engine REST API as a 400. A listener that refuses (e.g.
 * a rubric score out of its band) throws a {@link FormFieldValidationException} with a Chinese reason; the engine
 * wraps every listener exception in a plain {@link ProcessEngineException} (ENGINE-03051), which the REST API
 * answers with 500. This outermost command interceptor — outside the transaction, so the rollback has happened —
 * rethrows the refusal itself, which {@code /task/{id}/complete} and {@code /submit-form} answer with 400 and
 * its message. Any other exception passes unchanged.
 */
@Component
class FormRefusalPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new UnwrapRefusal());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    static final class UnwrapRefusal extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            try {
                return next.execute(command);
            } catch (ProcessEngineException e) {
                FormFieldValidationException refusal = refusalIn(e);
                throw refusal != null ? refusal : e;
            }
        }

        static FormFieldValidationException refusalIn(Throwable e) {
            for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
                if (t instanceof FormFieldValidationException refusal) {
                    return refusal;
                }
            }
            return null;
        }
    }
}
