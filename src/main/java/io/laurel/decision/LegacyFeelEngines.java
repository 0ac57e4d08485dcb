package io.laurel.decision;

import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;

/**
 * Standalone DMN engines with legacy FEEL, the flavour the process engine runs ({@code dmn-feel-enable-legacy-behavior:
 * true}, design.md §5), for evaluating a parsed decision many times in a row without decision history. Stock Camunda:
 * the hand-written FEEL shortcuts that served the retired 0.25 s per 100,000 employees target are gone (issue 17).
 */
public final class LegacyFeelEngines {

    private LegacyFeelEngines() {
    }

    public static DmnEngine create() {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DefaultDmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return configuration.enableFeelLegacyBehavior(true).buildEngine();
    }
}
