package io.laurel.security;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;

/**
 * Camunda's basic-auth filter for {@code /engine-rest}, without its white list: the stock filter lets
 * {@code /engine} (the list of engine names) through unauthenticated, so a stranger learned that a Camunda
 * engine runs here. Every path of the engine REST API now needs a Camunda login.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    @Override
    protected boolean requiresEngineAuthentication(String requestUrl) {
        return true;
    }
}
