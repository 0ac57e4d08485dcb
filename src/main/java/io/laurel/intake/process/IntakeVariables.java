package io.laurel.intake.process;

import io.laurel.intake.IntakeService;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The ids the intake models carry (package id, campaign id): the delegates of this package read only these from
 * the process and leave only small values behind (the verdict, the supplement deadline, texts for the staff forms).
 */
final class IntakeVariables {

    private IntakeVariables() {
    }

    static Long packageId(VariableScope scope) {
        return ((Number) scope.getVariable(IntakeService.VAR_PACKAGE)).longValue();
    }

    static Long campaignId(VariableScope scope) {
        return ((Number) scope.getVariable(IntakeService.VAR_CAMPAIGN)).longValue();
    }
}
