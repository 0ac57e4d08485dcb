package io.laurel.vote;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.springframework.stereotype.Component;

/** Installs {@link BallotSecrecyHistoryEventHandler} in front of the engine's database history handler. */
@Component
class BallotSecrecyPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryEventHandler(new BallotSecrecyHistoryEventHandler(new DbHistoryEventHandler()));
    }
}
