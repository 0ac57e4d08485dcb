package io.laurel.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine a {@link JobMetricsRegistry} before it creates its own. */
@Component
class JobMetricsPlugin extends AbstractProcessEnginePlugin {

    private final MeterRegistry meters;

    JobMetricsPlugin(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setMetricsRegistry(new JobMetricsRegistry(meters));
    }
}
