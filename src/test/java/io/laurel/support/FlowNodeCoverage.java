package io.laurel.support;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of one process model, measured from Camunda's history of the instances a test class
 * started: the share of the model's flow nodes that at least one of them passed through.
 */
public final class FlowNodeCoverage {

    private final Set<String> flowNodes;
    private final Set<String> passed;

    private FlowNodeCoverage(Set<String> flowNodes, Set<String> passed) {
        this.flowNodes = flowNodes;
        this.passed = passed;
    }

    /**
     * Coverage of {@code processKey} by those of {@code instanceIds}, and of the instances they called, that are
     * instances of it.
     */
    public static FlowNodeCoverage of(ProcessEngine engine, String processKey, Collection<String> instanceIds) {
        var history = engine.getHistoryService();
        String definitionId = null;
        Set<String> passed = new HashSet<>();
        Set<String> withCalled = new java.util.LinkedHashSet<>(instanceIds);
        for (String id : instanceIds) {
            history.createHistoricProcessInstanceQuery().superProcessInstanceId(id).list()
                    .forEach(called -> withCalled.add(called.getId()));
        }
        for (String id : withCalled) {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery().processInstanceId(id)
                    .singleResult();
            if (instance == null || !processKey.equals(instance.getProcessDefinitionKey())) {
                continue;
            }
            definitionId = instance.getProcessDefinitionId();
            history.createHistoricActivityInstanceQuery().processInstanceId(id).list()
                    .forEach(a -> passed.add(a.getActivityId().replace("#multiInstanceBody", "")));
        }
        if (definitionId == null) {
            throw new AssertionError("no instance of " + processKey + " among " + instanceIds);
        }
        Set<String> flowNodes = engine.getRepositoryService().getBpmnModelInstance(definitionId)
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
        return new FlowNodeCoverage(flowNodes, passed);
    }

    /** The same measure over only those of the model's flow nodes in {@code nodes}. */
    public FlowNodeCoverage restrictedTo(Set<String> nodes) {
        Set<String> kept = new HashSet<>(flowNodes);
        kept.retainAll(nodes);
        return new FlowNodeCoverage(kept, passed);
    }

    /** The same measure without the flow nodes in {@code nodes} (a branch another test class drives). */
    public FlowNodeCoverage excluding(Set<String> nodes) {
        Set<String> kept = new HashSet<>(flowNodes);
        kept.removeAll(nodes);
        return new FlowNodeCoverage(kept, passed);
    }

    /**
     * The flow nodes {@code roots} of the latest deployed {@code processKey} and everything nested in them
     * (the nodes of a sub-process), e.g. one branch of a model.
     */
    public static Set<String> branch(ProcessEngine engine, String processKey, String... roots) {
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(processKey).latestVersion().singleResult().getId();
        var model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
        Set<String> nodes = new TreeSet<>();
        for (String root : roots) {
            var element = model.getModelElementById(root);
            if (element == null) {
                throw new AssertionError(processKey + " has no element " + root);
            }
            nodes.add(root);
            if (element instanceof org.camunda.bpm.model.bpmn.instance.SubProcess sub) {
                sub.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.FlowElement.class).forEach(child -> {
                    if (child instanceof FlowNode) {
                        nodes.addAll(branch(engine, processKey, child.getId()));
                    }
                });
            }
        }
        return nodes;
    }

    public double ratio() {
        return 1.0 - (double) missed().size() / flowNodes.size();
    }

    /** Flow nodes of the model no instance passed through, sorted. */
    public Set<String> missed() {
        Set<String> missed = new TreeSet<>(flowNodes);
        missed.removeAll(passed);
        return missed;
    }
}
