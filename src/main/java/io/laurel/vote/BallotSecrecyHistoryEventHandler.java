package io.laurel.vote;

import java.util.List;
import org.camunda.bpm.engine.impl.history.event.HistoricFormPropertyEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;

/**
 * Drops every history event of the ballot choice variable before it reaches the database, so Camunda's
 * history (variable instances and details, which carry the task and thus the member) never holds a
 * member's choice. Every other event passes to the engine's own handler unchanged.
 *
 * <p>Two kinds of event carry the choice: variable updates, and the "form property" detail the engine
 * writes for every String value submitted through a task form (a REST client may send the checklist as
 * JSON text) — that one is not a variable update and would otherwise land in ACT_HI_DETAIL with the
 * ballot task's id.
 */
class BallotSecrecyHistoryEventHandler implements HistoryEventHandler {

    private final HistoryEventHandler delegate;

    BallotSecrecyHistoryEventHandler(HistoryEventHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (!isBallotChoice(event)) {
            delegate.handleEvent(event);
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    static boolean isBallotChoice(HistoryEvent event) {
        if (event instanceof HistoricVariableUpdateEventEntity variable) {
            return BallotBox.CHOICE_VARIABLE.equals(variable.getVariableName());
        }
        return event instanceof HistoricFormPropertyEventEntity formField
                && BallotBox.CHOICE_VARIABLE.equals(formField.getPropertyId());
    }
}
