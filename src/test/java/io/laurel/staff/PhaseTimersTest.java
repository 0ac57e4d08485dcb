package io.laurel.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.Milestone;
import io.laurel.nomination.NominationRequest;
import io.laurel.nomination.NominationService;
import io.laurel.roster.Employee;
import io.laurel.selection.SelectionFixture;
import io.laurel.support.LaurelTest;
import io.laurel.web.ApiException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator who extends a phase or ends it early moves the campaign's timeline with the timer: the dashboard prints
 * the new date, and the window the phase guards (here: nominations through the API and portal) follows it.
 */
@LaurelTest
class PhaseTimersTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    PhaseTimers timers;

    @Autowired
    SelectionFixture selection;

    @Autowired
    CampaignService campaigns;

    @Autowired
    NominationService nominations;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TransactionTemplate tx;

    Campaign campaign;
    ProcessInstance instance;

    @AfterEach
    void tidyUp() {
        ClockUtil.reset();
        if (instance != null && runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count() > 0) {
            runtime.deleteProcessInstance(instance.getId(), "test over");
        }
        if (campaign != null) {
            tx.executeWithoutResult(s -> campaigns.get(campaign.getId()).markClosed());
        }
    }

    @Test
    void extending_and_ending_the_nomination_phase_moves_its_printed_end_and_its_window() {
        PhaseTimers.Timer deadline = launchedNominationDeadline();
        LocalDateTime printedEnd = nominationEnd();
        assertThat(deadline.due()).isEqualTo(printedEnd);

        // Extended by two days: the timer, the printed timeline and the window all say the new end.
        LocalDateTime extended = printedEnd.plusDays(2);
        timers.extend(campaign.getId(), deadline.jobId(), extended, "两个部门申请延期", "hr-test", SHANGHAI);
        assertThat(management.createJobQuery().jobId(deadline.jobId()).singleResult().getDuedate())
                .isEqualTo(Date.from(extended.atZone(SHANGHAI).toInstant()));
        assertThat(nominationEnd()).isEqualTo(extended);

        // A day after the old end a colleague's nomination is still taken (before: "提名已截止").
        ClockUtil.setCurrentTime(Date.from(printedEnd.plusDays(1).atZone(SHANGHAI).toInstant()));
        List<Employee> staff = selection.eligibleStaff(campaign, "客服中心");
        assertThat(nominations.submit(campaign.getId(), peer(staff.get(0))).getId()).isNotNull();

        // Ended early now: the printed end is now, the nominations are closed and the window refuses the next one.
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
        timers.endNow(campaign.getId(), deadline.jobId(), "各部门均已提交", "hr-test", SHANGHAI);
        assertThat(nominationEnd()).isEqualTo(now);
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("nominationDeadline").finished().count()).isOne();
        ClockUtil.setCurrentTime(Date.from(now.plusMinutes(1).atZone(SHANGHAI).toInstant()));
        assertThatThrownBy(() -> nominations.submit(campaign.getId(), peer(staff.get(1))))
                .isInstanceOf(ApiException.class).hasMessageContaining("提名已截止");
        // The next phase's dates are untouched.
        assertThat(campaigns.get(campaign.getId()).milestone("eligibility-review").map(Milestone::getEndsAt))
                .isEqualTo(campaign.milestone("eligibility-review").map(Milestone::getEndsAt));
    }

    @Test
    void an_early_end_whose_next_step_fails_records_nothing_and_leaves_the_phase_as_it_was() {
        PhaseTimers.Timer deadline = launchedNominationDeadline();
        LocalDateTime printedEnd = nominationEnd();
        // The job fails when it runs, after the action has been recorded, the timeline moved and the due date set:
        // all three must be rolled back. The real bean (and its transaction) with an engine whose executeJob fails.
        PhaseTimers target = AopTestUtils.getTargetObject(timers);
        ManagementService failing = (ManagementService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagementService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("executeJob")) {
                        throw new ProcessEngineException("job failed");
                    }
                    try {
                        return method.invoke(management, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        ReflectionTestUtils.setField(target, "management", failing);
        try {
            assertThatThrownBy(() -> timers.endNow(campaign.getId(), deadline.jobId(), "各部门均已提交", "hr-test",
                    SHANGHAI)).isInstanceOf(ProcessEngineException.class).hasMessage("job failed");
        } finally {
            ReflectionTestUtils.setField(target, "management", management);
        }

        assertThat(timers.history(campaign.getId(), SHANGHAI)).isEmpty();
        assertThat(nominationEnd()).isEqualTo(printedEnd);
        assertThat(management.createJobQuery().jobId(deadline.jobId()).singleResult().getDuedate())
                .isEqualTo(Date.from(printedEnd.atZone(SHANGHAI).toInstant()));
    }

    /** A launched service-star campaign's 提名截止 timer (sets {@code campaign} and {@code instance}). */
    private PhaseTimers.Timer launchedNominationDeadline() {
        campaign = selection.campaignWithRoster();
        instance = selection.launch(campaign);
        return timers.waiting(campaign.getId(), SHANGHAI).stream().filter(t -> t.name().equals("提名截止")).findFirst()
                .orElseThrow();
    }

    private LocalDateTime nominationEnd() {
        return campaigns.get(campaign.getId()).milestone("nomination").orElseThrow().getEndsAt();
    }

    private static NominationRequest peer(Employee candidate) {
        return new NominationRequest("PEER", "service-star", candidate.getEmployeeNumber(), "同事甲", "13800000000",
                "长期耐心解答客户问题,客户满意度高");
    }
}
