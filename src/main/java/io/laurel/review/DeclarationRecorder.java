package io.laurel.review;

import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.EmployeeRepository;
import io.laurel.process.FormOptions;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Records a member's confidentiality agreement and recusal declaration, then decides which candidates
 * the member reviews: every advanced candidate except those declared and those of the member's own
 * department.
 */
@Component("declarationRecorder")
class DeclarationRecorder implements TaskListener {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final EmployeeRepository employees;
    private final CommitteeRecords records;
    private final Clock clock;

    DeclarationRecorder(NominationContext context, NominationRepository nominations, EmployeeRepository employees,
            CommitteeRecords records, Clock clock) {
        this.context = context;
        this.nominations = nominations;
        this.employees = employees;
        this.records = records;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable("confidentialityAgreed"))) {
            throw new ProcessEngineException("请先阅读并同意保密协议");
        }
        var campaign = context.campaign(task);
        String member = task.getAssignee();
        List<Nomination> advanced = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ADVANCED));
        Set<Long> recused = new LinkedHashSet<>();
        for (String value : FormOptions.checked(task.getVariable("recusals"))) {
            Long id = Long.valueOf(value);
            if (advanced.stream().noneMatch(n -> n.getId().equals(id))) {
                throw new ProcessEngineException("回避名单中有不在复评名单上的候选人: " + value);
            }
            recused.add(id);
        }
        records.recordDeclaration(campaign.getId(), member, recused, clock.instant());
        Optional<String> department = records.departmentOf(member);
        List<Long> toReview = advanced.stream().filter(n -> !recused.contains(n.getId()))
                .filter(n -> department.isEmpty() || employees.findById(n.getEmployeeId())
                        .map(e -> !e.getDepartment().equals(department.get())).orElse(true))
                .map(Nomination::getId).toList();
        task.getExecution().setVariableLocal("reviewNominationIds", toReview);
        Object assigned = task.getVariable("scoresAssigned");
        task.getExecution().setVariable("scoresAssigned", (assigned instanceof Number n ? n.intValue() : 0)
                + toReview.size());
    }
}
