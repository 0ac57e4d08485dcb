package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignStatus;
import io.laurel.notice.Objection;
import io.laurel.notice.ObjectionRequest;
import io.laurel.notice.ObjectionService;
import io.laurel.process.AwardSelection;
import io.laurel.selection.CampaignResults;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.springframework.stereotype.Service;

/**
 * The public notice (公示) and the final results, read from the running award-selection instance: while
 * it waits in {@code noticePeriod} the winners are on notice and objections are taken (through
 * {@link ObjectionService}, the path of {@code POST /api/campaigns/{id}/objections}); once that activity
 * has ended the list is final. REVOKED winners (upheld objection) are not shown.
 */
@Service
class PortalNotice {

    enum State { NOT_YET, NOTICE, FINAL }

    record Winner(Long nominationId, String awardName, String candidateName, String department) {
    }

    private final RuntimeService runtime;
    private final HistoryService history;
    private final CampaignResults results;
    private final ObjectionService objections;

    PortalNotice(RuntimeService runtime, HistoryService history, CampaignResults results, ObjectionService objections) {
        this.runtime = runtime;
        this.history = history;
        this.results = results;
        this.objections = objections;
    }

    State state(Campaign campaign) {
        if (noticeExecution(campaign) != null) {
            return State.NOTICE;
        }
        boolean noticeEnded = history.createHistoricActivityInstanceQuery().activityId("noticePeriod")
                .processInstanceId(processInstanceId(campaign)).finished().count() > 0;
        return noticeEnded || campaign.getStatus() == CampaignStatus.CLOSED && !winners(campaign).isEmpty()
                ? State.FINAL : State.NOT_YET;
    }

    /** When the notice ends, as the process's notice timer will see it; null outside the notice. */
    LocalDateTime noticeEndsAt(Campaign campaign) {
        Execution execution = noticeExecution(campaign);
        if (execution == null) {
            return null;
        }
        Object ends = runtime.getVariable(execution.getProcessInstanceId(), "noticeEndsAt");
        return ends instanceof Date date ? LocalDateTime.ofInstant(date.toInstant(), campaign.zoneId()) : null;
    }

    List<Winner> winners(Campaign campaign) {
        return results.of(campaign.getId()).awards().stream().flatMap(award -> award.entries().stream()
                .filter(e -> "WINNER".equals(e.status()))
                .map(e -> new Winner(e.nominationId(), award.awardName(), e.candidateName(), e.department())))
                .toList();
    }

    Objection object(Campaign campaign, ObjectionRequest request) {
        return objections.raise(campaign.getId(), request);
    }

    private Execution noticeExecution(Campaign campaign) {
        return runtime.createExecutionQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(campaign.getId().toString()).activityId("noticePeriod").list().stream()
                .findFirst().orElse(null);
    }

    private String processInstanceId(Campaign campaign) {
        var instance = history.createHistoricProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(campaign.getId().toString()).orderByProcessInstanceStartTime().desc()
                .list().stream().findFirst().orElse(null);
        // An id no instance has: the query then finds nothing.
        return instance == null ? "none" : instance.getId();
    }
}
