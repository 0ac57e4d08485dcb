package io.laurel.judging;

import io.laurel.decision.MajorityThresholds;
import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.organisation.CampaignOrganisation;
import io.laurel.review.NominationContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Assigns the entries to the judges of each panel (members of the panel's Camunda group): k judges per entry,
 * balanced loads, never a judge of the entry's own unit; entries staff did not admit at the entry check get none. Sets the variables the judging phase runs on: the
 * judges, the number of assigned scores, the quorum and the deadline.
 */
@Component("judgeAssigner")
class JudgeAssigner implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(JudgeAssigner.class);

    private final NominationContext context;
    private final EntryFacts facts;
    private final JudgingPlan plan;
    private final JudgingRecords records;
    private final IdentityService identity;
    private final JudgingProperties properties;
    private final MajorityThresholds thresholds;
    private final CampaignOrganisation organisation;

    JudgeAssigner(NominationContext context, EntryFacts facts, JudgingPlan plan, JudgingRecords records,
            IdentityService identity, JudgingProperties properties,
            MajorityThresholds thresholds, CampaignOrganisation organisation) {
        this.context = context;
        this.facts = facts;
        this.plan = plan;
        this.records = records;
        this.identity = identity;
        this.properties = properties;
        this.thresholds = thresholds;
        this.organisation = organisation;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void execute(DelegateExecution execution) {
        Campaign campaign = context.campaign(execution);
        List<BalancedAssignment.Entry> entries = new ArrayList<>();
        for (Object id : (List<Object>) execution.getVariable("entryIds")) {
            if (!records.admission(((Number) id).longValue()).admitted()) {
                continue; // 不予入围 at the entry check: only admitted entries go to the judges (seed 003)
            }
            Nomination n = facts.nomination(((Number) id).longValue());
            entries.add(new BalancedAssignment.Entry(n.getId(), facts.unitName(n)));
        }
        Set<String> taken = new LinkedHashSet<>();
        Set<String> judges = new TreeSet<>();
        int assigned = 0;
        for (JudgingPlan.Panel panel : plan.panels(campaign)) {
            // The campaign's own judges of the panel when staff set them up, else the panel group's members.
            List<String> candidates = organisation.judges(campaign.getId(), panel.code()).orElseGet(() -> identity
                    .createUserQuery().memberOfGroup(panel.group()).orderByUserId().asc().list().stream()
                    .map(User::getId).toList());
            List<BalancedAssignment.Judge> members = candidates.stream().filter(taken::add)
                    .map(id -> new BalancedAssignment.Judge(id, organisation.judgeUnit(campaign.getId(), id)
                            .or(() -> records.unitOf(id)).orElse(null))).toList();
            if (members.isEmpty()) {
                throw new ProcessEngineException(panel.name() + "组「" + panel.group()
                        + "」中没有评委,请在工作台上传组织机构文件(类别「评委」)后重试");
            }
            BalancedAssignment.Result result = BalancedAssignment.assign(entries, members, panel.judgesPerEntry());
            for (Map.Entry<Long, List<String>> entry : result.judgesByEntry().entrySet()) {
                for (String judge : entry.getValue()) {
                    records.assign(campaign.getId(), entry.getKey(), judge, panel.code());
                    judges.add(judge);
                    assigned++;
                }
            }
            if (!result.shortfalls().isEmpty()) {
                log.warn("Campaign {}: {} entries got fewer than {} {} judges (unit conflicts): {}", campaign.getId(),
                        result.shortfalls().size(), panel.judgesPerEntry(), panel.code(), result.shortfalls());
            }
        }
        execution.setVariable("judgeIds", new ArrayList<>(judges));
        execution.setVariable("scoresAssigned", assigned);
        execution.setVariable("scoresIn", 0);
        execution.setVariable("quorumScores", thresholds.of(MajorityThresholds.JUDGING_QUORUM).smallestCountOf(assigned));
        execution.setVariable("judgingDeadlinePassed", false);
        execution.setVariable("judgingDeadline", plan.scoringDeadline(campaign));
        execution.setVariable("scoreFormKey", plan.scoreForm(campaign));
    }
}
