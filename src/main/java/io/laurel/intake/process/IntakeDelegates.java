package io.laurel.intake.process;

import io.laurel.intake.IntakeDeadlines;
import io.laurel.intake.IntakeReplies;
import io.laurel.intake.IntakeService;
import io.laurel.intake.PackageChecks;
import io.laurel.intake.PackageRegistration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Spring beans the intake BPMN models call by {@code camunda:delegateExpression}. They read only
 * ids from the process (package id, campaign id) and leave only small values behind (the verdict, the
 * supplement deadline, texts for the staff forms).
 */
@Configuration(proxyBeanMethods = false)
public class IntakeDelegates {

    static Long packageId(DelegateExecution execution) {
        return ((Number) execution.getVariable(IntakeService.VAR_PACKAGE)).longValue();
    }

    static Long campaignId(DelegateExecution execution) {
        return ((Number) execution.getVariable(IntakeService.VAR_CAMPAIGN)).longValue();
    }

    /** Unpacks and checks the latest message of the package; sets {@code verdict}. */
    @Bean
    JavaDelegate intakeCheckPackage(PackageChecks checks, IntakeReplies replies) {
        return execution -> {
            PackageChecks.Verdict verdict = checks.check(packageId(execution));
            execution.setVariable("verdict", verdict.outcome());
            if (IntakeService.NEEDS_DECISION.equals(verdict.outcome())) {
                execution.setVariable("reviewDetails", replies.reviewText(packageId(execution)));
            }
        };
    }

    @Bean
    JavaDelegate intakeRegisterNominations(PackageRegistration intake) {
        return execution -> {
            boolean approved = "accept".equals(execution.getVariable("staffDecision"));
            execution.setVariable("registeredCount", intake.register(packageId(execution), approved).size());
        };
    }

    @Bean
    JavaDelegate intakeSendReceipt(IntakeReplies intake) {
        return execution -> intake.sendReceipt(packageId(execution));
    }

    /** Needs the local variable {@code supplementDeadline} (an input parameter of the task). */
    @Bean
    JavaDelegate intakeSendProblems(IntakeReplies intake) {
        return execution -> intake.sendProblems(packageId(execution),
                (Date) execution.getVariable("supplementDeadline"));
    }

    @Bean
    JavaDelegate intakeSendLateNotice(IntakeReplies intake) {
        return execution -> intake.sendLateNotice(packageId(execution));
    }

    @Bean
    JavaDelegate intakeCloseAsIs(IntakeReplies intake) {
        return execution -> intake.closeAsIs(packageId(execution));
    }

    /** On completing the review task: a request for supplement carries the staff comment to the unit. */
    @Bean
    TaskListener intakeReviewCompleted(IntakeReplies intake) {
        return (DelegateTask task) -> {
            if ("supplement".equals(task.getVariable("staffDecision"))) {
                intake.addStaffComment(packageId(task.getExecution()), (String) task.getVariable("staffComment"));
            }
        };
    }

    @Bean
    JavaDelegate intakeSendReminders(IntakeDeadlines deadlines) {
        return execution -> execution.setVariable("remindedUnits", deadlines.sendReminders(campaignId(execution)));
    }

    @Bean
    JavaDelegate intakePrepareSummary(IntakeDeadlines deadlines) {
        return execution -> execution.setVariable("intakeSummary", deadlines.summary(campaignId(execution)));
    }
}
