package io.laurel.review;

import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows HR the initial-review ranking to confirm, group by group; the scores are read-only. */
@Component("initialListForm")
class InitialListForm implements TaskListener {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final EmployeeRepository employees;

    InitialListForm(NominationContext context, NominationRepository nominations, EmployeeRepository employees) {
        this.context = context;
        this.nominations = nominations;
        this.employees = employees;
    }

    @Override
    public void notify(DelegateTask task) {
        var campaign = context.campaign(task);
        List<Nomination> eligible = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ELIGIBLE));
        Map<Long, Employee> people = employees.findAllById(eligible.stream().map(Nomination::getEmployeeId).toList())
                .stream().collect(Collectors.toMap(Employee::getId, Function.identity()));
        Map<String, List<Nomination>> groups = eligible.stream().collect(Collectors.groupingBy(
                n -> people.get(n.getEmployeeId()).getPositionGroup()));
        StringBuilder text = new StringBuilder();
        groups.keySet().stream().sorted().forEach(group -> {
            List<Nomination> ranked = groups.get(group).stream()
                    .sorted(Comparator.comparing(Nomination::getGroupRank).thenComparing(Nomination::getId)).toList();
            text.append("【").append(group).append("】共 ").append(ranked.size()).append(" 人\n");
            for (Nomination n : ranked) {
                boolean advances = InitialReviewScorer.advances(n.getGroupRank(), ranked.size());
                text.append(n.getGroupRank()).append(". ").append(n.getCandidateName()).append(" (")
                        .append(people.get(n.getEmployeeId()).getDepartment()).append(") 得分 ")
                        .append(n.getInitialScore()).append(advances ? "  → 进入复评" : "").append('\n');
            }
        });
        task.setVariableLocal("initialRanking", text.length() == 0 ? "没有符合资格的候选人" : text.toString());
        task.setVariableLocal("listConfirmed", false);
    }
}
