package io.laurel.review;

import io.laurel.mail.Notice;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Publishes the confirmed initial-review list: the top half of each position group advances, every
 * candidate is told the outcome, and the committee for the re-review is fixed.
 */
@Component("initialListPublisher")
class InitialListPublisher implements JavaDelegate {

    private final NominationContext context;
    private final NominationRepository nominations;
    private final EmployeeRepository employees;
    private final NominationMail mail;
    private final IdentityService identity;

    InitialListPublisher(NominationContext context, NominationRepository nominations, EmployeeRepository employees,
            NominationMail mail, IdentityService identity) {
        this.context = context;
        this.nominations = nominations;
        this.employees = employees;
        this.mail = mail;
        this.identity = identity;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var campaign = context.campaign(execution);
        List<Nomination> eligible = nominations.findByCampaignIdAndStatusInOrderById(campaign.getId(),
                List.of(NominationStatus.ELIGIBLE));
        Map<Long, Employee> people = employees.findAllById(eligible.stream().map(Nomination::getEmployeeId).toList())
                .stream().collect(Collectors.toMap(Employee::getId, Function.identity()));
        Map<String, Long> groupSizes = eligible.stream().collect(Collectors.groupingBy(
                n -> people.get(n.getEmployeeId()).getPositionGroup(), Collectors.counting()));
        for (Nomination n : eligible) {
            int size = groupSizes.get(people.get(n.getEmployeeId()).getPositionGroup()).intValue();
            boolean advances = InitialReviewScorer.advances(n.getGroupRank(), size);
            n.changeStatus(advances ? NominationStatus.ADVANCED : NominationStatus.ELIMINATED);
            NominationContext.Loaded loaded = new NominationContext.Loaded(campaign, n, people.get(n.getEmployeeId()));
            mail.toCandidate(loaded, Notice.of("【" + campaign.getName() + "】初评结果",
                    n.getCandidateName() + ",您好:",
                    "您参评「" + loaded.awardName() + "」的初评得分为 " + n.getInitialScore() + ",在本岗位组("
                            + people.get(n.getEmployeeId()).getPositionGroup() + ")" + size + " 人中排名第 "
                            + n.getGroupRank() + "。",
                    advances ? "恭喜您进入复评,评选委员会将安排面谈与案例分析。" : "很遗憾,您未能进入复评。感谢您的参与!"));
        }
        List<String> committee = identity.createUserQuery().memberOfGroup("committee").orderByUserId().asc().list()
                .stream().map(User::getId).toList();
        execution.setVariable("committeeMemberIds", committee);
        execution.setVariable("scoresAssigned", 0);
        execution.setVariable("scoresIn", 0);
        execution.setVariable("reReviewDeadlinePassed", false);
    }
}
