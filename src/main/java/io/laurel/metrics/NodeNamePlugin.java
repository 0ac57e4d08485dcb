package io.laurel.metrics;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Names the node in the engine ({@code laurel.node-name}, {@code LAUREL_NODE_NAME}): the job log
 * ({@code ACT_HI_JOB_LOG.HOSTNAME_}) and the engine's metrics then say which cluster node ran a job. Unset,
 * Camunda uses the host name and port-less address, which is the same for every container of one image.
 */
@Component
class NodeNamePlugin extends AbstractProcessEnginePlugin {

    private final String nodeName;

    NodeNamePlugin(@Value("${laurel.node-name:}") String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (!nodeName.isBlank()) {
            configuration.setHostname(nodeName.strip());
        }
    }
}
