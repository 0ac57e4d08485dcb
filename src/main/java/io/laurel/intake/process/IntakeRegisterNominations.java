package io.laurel.intake.process;

import io.laurel.intake.PackageRegistration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Registers the package's nominations (all of them, or only the approved ones); sets {@code registeredCount}. */
@Component("intakeRegisterNominations")
class IntakeRegisterNominations implements JavaDelegate {

    private final PackageRegistration registration;

    IntakeRegisterNominations(PackageRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = "accept".equals(execution.getVariable("staffDecision"));
        execution.setVariable("registeredCount",
                registration.register(IntakeVariables.packageId(execution), approved).size());
    }
}
