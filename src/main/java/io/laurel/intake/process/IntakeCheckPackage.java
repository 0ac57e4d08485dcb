package io.laurel.intake.process;

import io.laurel.intake.IntakeReplies;
import io.laurel.intake.IntakeService;
import io.laurel.intake.PackageChecks;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Unpacks and checks the latest message of the package; sets {@code verdict}. */
@Component("intakeCheckPackage")
class IntakeCheckPackage implements JavaDelegate {

    private final PackageChecks checks;
    private final IntakeReplies replies;

    IntakeCheckPackage(PackageChecks checks, IntakeReplies replies) {
        this.checks = checks;
        this.replies = replies;
    }

    @Override
    public void execute(DelegateExecution execution) {
        PackageChecks.Verdict verdict = checks.check(IntakeVariables.packageId(execution));
        execution.setVariable("verdict", verdict.outcome());
        if (IntakeService.NEEDS_DECISION.equals(verdict.outcome())) {
            execution.setVariable("reviewDetails", replies.reviewText(IntakeVariables.packageId(execution)));
        }
    }
}
