package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.contest.ContestStore.Match;
import io.laurel.contest.ContestStore.Round;
import io.laurel.contest.ContestStore.TeamStatus;
import io.laurel.support.FlowNodeCoverage;
import io.laurel.support.LaurelTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code skills-contest} on the shared application context: screening (accept, reject with reason),
 * too few teams, the preliminary cut, semifinal groups with byes and a tie, the final with and without a
 * third-place match, a bye in the final bracket, a team withdrawing mid-match, prizes and the best individual.
 * Timers fire only once the engine clock reached them; every job is executed explicitly.
 */
@LaurelTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SkillsContestProcessTest {

    static final double REQUIRED_FLOW_NODE_COVERAGE = 0.95;

    private final List<String> startedInstances = new ArrayList<>();

    @Autowired
    ProcessEngine engine;
    @Autowired
    ContestDriver driver;
    @Autowired
    ContestStore store;
    @Autowired
    TeamRegistration registration;
    @Autowired
    CampaignService campaigns;

    @BeforeEach
    void initAssertions() {
        AbstractAssertions.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @AfterAll
    void everyPathOfTheModelWasDriven() {
        FlowNodeCoverage coverage = FlowNodeCoverage.of(engine, SkillsContest.PROCESS_KEY, startedInstances);
        assertThat(coverage.ratio()).as("flow nodes never passed: " + coverage.missed())
                .isGreaterThanOrEqualTo(REQUIRED_FLOW_NODE_COVERAGE);
    }

    private ProcessInstance launch(Campaign campaign, Boolean thirdPlace) {
        ProcessInstance instance = driver.launch(campaign, thirdPlace);
        startedInstances.add(instance.getId());
        return instance;
    }

    static MatchScoring.StageScores s(int theory, int lookup, int rolePlay) {
        return new MatchScoring.StageScores(BigDecimal.valueOf(theory), BigDecimal.valueOf(lookup),
                BigDecimal.valueOf(rolePlay));
    }

    /** Team i of {@code ids} (0-based) is the i-th strongest. */
    static Map<Long, Integer> strength(List<Long> ids) {
        Map<Long, Integer> strength = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            strength.put(ids.get(i), i + 1);
        }
        return strength;
    }

    private List<Match> matchesOf(Round round) {
        return store.matches(round.id());
    }

    private Round lastRound(Campaign campaign) {
        List<Round> rounds = store.rounds(campaign.getId());
        return rounds.get(rounds.size() - 1);
    }

    private String outcome(Round round, long teamId) {
        return matchesOf(round).stream().flatMap(m -> store.entries(m.id()).stream())
                .filter(e -> e.teamId() == teamId).map(ContestStore.Entry::outcome).findFirst().orElse(null);
    }

    @Test
    void eleven_teams_one_rejected_preliminary_cut_semifinal_with_byes_and_a_tie_final_with_third_place() {
        Campaign campaign = driver.openContest();
        ProcessInstance instance = launch(campaign, null);
        BpmnAwareTests.assertThat(instance).isWaitingAt("registrationClosed").variables()
                .containsEntry("thirdPlaceMatch", true);
        List<Long> ids = driver.registerTeams(campaign, "甲队", 11);

        // Registration closes (its reminder 3 days before goes first); the organisers screen every team.
        List<Task> screening = driver.until(instance, "screenTeam");
        assertThat(screening).hasSize(11);
        String contact11 = store.team(ids.get(10)).orElseThrow().contactEmail();
        assertThat(driver.mailsTo(contact11)).anySatisfy(s -> assertThat(s).contains("提醒").contains("报名及网络海选"));
        for (Task task : screening) {
            if (driver.teamOf(task) == ids.get(10)) {
                driver.reject(task, "political", "介绍视频中出现政治口号");
            } else {
                driver.accept(task);
            }
        }
        driver.runJobs(instance);
        assertThat(store.team(ids.get(10)).orElseThrow().status()).isEqualTo(TeamStatus.REJECTED);
        assertThat(driver.mailBodiesTo(contact11, "contest-team-rejected")).singleElement().asString()
                .contains("介绍视频或报名资料涉及政治内容").contains("介绍视频中出现政治口号");
        String contact1 = store.team(ids.get(0)).orElseThrow().contactEmail();
        assertThat(driver.mailBodiesTo(contact1, "contest-team-accepted")).singleElement().asString()
                .contains("甲队01队员1").contains("初赛时间");

        // Preliminary: 10 teams in two groups of five
        Function<Long, MatchScoring.StageScores> byStrength = ContestDriver.byStrength(strength(ids));
        assertThat(driver.until(instance, "scoreMatch")).hasSize(2);
        BpmnAwareTests.assertThat(instance).hasPassed("teamAcceptedEnd", "teamRejectedEnd", "preliminaryStarts");
        driver.scoreAll(instance, byStrength);
        Task cut = driver.until(instance, "setAdvanceCount").get(0);
        assertThat(engine.getTaskService().getVariable(cut.getId(), "preliminaryRanking")).asString()
                .startsWith("第1名  甲队01").contains("加权总分 99");
        assertThatThrownBy(() -> driver.submit(cut, Map.of("advanceCount", 11)))
                .hasMessageContaining("晋级队伍数应在 2 至 10 之间");
        driver.submit(cut, Map.of("advanceCount", 9));
        driver.runJobs(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt("semifinalStarts");
        assertThat(store.team(ids.get(9)).orElseThrow().status()).isEqualTo(TeamStatus.ELIMINATED);
        assertThat(driver.mailsTo(store.team(ids.get(9)).orElseThrow().contactEmail()))
                .anySatisfy(s -> assertThat(s).contains("初赛成绩公布"));

        // Semifinal round 1: 9 teams, one may go → one group of five (seeds 5–9), seeds 1–4 have a bye.
        List<Task> semifinal = driver.until(instance, "scoreMatch");
        assertThat(semifinal).hasSize(1);
        Round sf1 = lastRound(campaign);
        assertThat(sf1.name()).isEqualTo("复赛第1轮");
        assertThat(matchesOf(sf1)).filteredOn(m -> m.kind().equals("BYE")).hasSize(4);
        // Seeds 8 and 9 tie on the total (100·¼ + 60·¼ + 60·½ = 70 = 60·¼ + 60·¼ + 80·½): the role play decides.
        Map<Long, MatchScoring.StageScores> tie = Map.of(ids.get(7), s(100, 60, 60), ids.get(8), s(60, 60, 80));
        driver.score(semifinal.get(0), id -> tie.getOrDefault(id, byStrength.apply(id)));
        driver.until(instance, "scoreMatch");
        assertThat(outcome(sf1, ids.get(7))).isEqualTo(ContestRounds.ELIMINATED);
        assertThat(outcome(sf1, ids.get(8))).isEqualTo(ContestRounds.ADVANCED);
        assertThat(outcome(sf1, ids.get(0))).isEqualTo(ContestRounds.BYE);

        // Final: 8 → 4 (1–8, 4–5, 2–7, 3–6), 4 → 2, then the final and the match for third place.
        Round qf = lastRound(campaign);
        assertThat(qf.stage()).isEqualTo("FINAL");
        assertThat(driver.open(instance, "scoreMatch")).hasSize(4);
        driver.scoreAll(instance, byStrength);
        assertThat(driver.until(instance, "scoreMatch")).hasSize(2);
        driver.scoreAll(instance, byStrength);
        assertThat(driver.until(instance, "scoreMatch")).hasSize(2);
        assertThat(lastRound(campaign).name()).isEqualTo("冠亚军决赛及季军赛");
        driver.scoreAll(instance, byStrength);

        Task best = driver.until(instance, "chooseBestIndividual").get(0);
        long outsider = store.members(ids.get(9)).get(0).id();
        assertThatThrownBy(() -> driver.submit(best, Map.of("bestIndividual", String.valueOf(outsider)))).hasMessageContaining("不是决赛队伍的成员");
        long star = store.members(ids.get(2)).get(1).id();
        driver.submit(best, Map.of("bestIndividual", String.valueOf(star)));
        driver.runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("contestFinished", "remindersDone", "finalDay");
        Map<String, Long> prizes = new HashMap<>();
        store.awards(campaign.getId()).stream().filter(a -> a.kind().equals("PRIZE"))
                .forEach(a -> prizes.put(a.awardCode(), a.teamId()));
        assertThat(prizes).containsEntry("champion", ids.get(0)).containsEntry("runner-up", ids.get(1))
                .containsEntry("third-place", ids.get(2)).containsEntry("best-individual", ids.get(2));
        assertThat(store.awards(campaign.getId())).filteredOn(a -> a.kind().equals("CERTIFICATE")).hasSize(8);
        assertThat(driver.mailBodiesTo(contact1, "contest-certificate")).singleElement().asString()
                .contains("荣获冠军");
        assertThat(driver.mailsTo(contact1)).anySatisfy(s -> assertThat(s).contains("冠亚季军及最佳个人"));
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CLOSED);
    }

    @Test
    void association_staff_may_start_the_contest_and_change_its_weights_judges_only_read_the_model() {
        var auth = engine.getAuthorizationService();
        List<String> staff = List.of("association-staff");
        List<String> judges = List.of("judges-contest");
        assertThat(auth.isUserAuthorized("chenjing", staff, org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, SkillsContest.PROCESS_KEY)).isTrue();
        assertThat(auth.isUserAuthorized("chenjing", staff, org.camunda.bpm.engine.authorization.Permissions.READ,
                org.camunda.bpm.engine.authorization.Resources.DECISION_DEFINITION, StageWeightsTable.DECISION_KEY))
                .isTrue();
        assertThat(auth.isUserAuthorized("gaoyuan", judges, org.camunda.bpm.engine.authorization.Permissions.READ,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, SkillsContest.PROCESS_KEY)).isTrue();
        assertThat(auth.isUserAuthorized("gaoyuan", judges,
                org.camunda.bpm.engine.authorization.Permissions.CREATE_INSTANCE,
                org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION, SkillsContest.PROCESS_KEY)).isFalse();
    }

    @Autowired
    StageWeightsTable weightsTable;
    @Autowired
    io.laurel.campaign.CampaignTimeline timeline;

    @Test
    void stage_weights_come_from_the_dmn_and_reminders_are_three_days_before_each_date_at_nine() {
        for (String stage : List.of("PRELIMINARY", "SEMIFINAL", "FINAL")) {
            MatchScoring.StageWeights w = weightsTable.weights("service-skills-cup-2022", stage);
            assertThat(List.of(w.theory(), w.lookup(), w.rolePlay())).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("0.25"), new BigDecimal("0.25"), new BigDecimal("0.5"));
        }
        // startsOn 2022-10-27 keeps the seed's dates
        Campaign campaign = campaigns.createFromPreset("service-skills-cup-2022", null, "test");
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        assertThat(timeline.reminderAt(campaign.getId(), "registration").toInstant().atZone(zone).toLocalDateTime())
                .hasToString("2022-11-17T09:00");
        // 3 days before, on a working day: Saturday 2022-11-19 → Friday 11-18, Sunday 12-04 → Friday 12-02,
        // Saturday 12-10 → Friday 12-09 (issue 14 point 12).
        assertThat(timeline.reminderAt(campaign.getId(), "preliminary").toInstant().atZone(zone).toLocalDateTime())
                .hasToString("2022-11-18T09:00");
        assertThat(timeline.reminderAt(campaign.getId(), "semifinal-list").toInstant().atZone(zone).toLocalDateTime())
                .hasToString("2022-12-02T09:00");
        assertThat(timeline.reminderAt(campaign.getId(), "semifinal").toInstant().atZone(zone).toLocalDateTime())
                .hasToString("2022-12-09T09:00");
        assertThat(timeline.reminderAt(campaign.getId(), "final").toInstant().atZone(zone).toLocalDateTime())
                .hasToString("2023-01-10T09:00");
        // shifted with startsOn: everything moves by the same number of days
        Campaign shifted = campaigns.createFromPreset("service-skills-cup-2022", java.time.LocalDate.of(2026, 10, 27),
                "test");
        assertThat(timeline.start(shifted.getId(), "final").toInstant().atZone(zone).toLocalDate())
                .hasToString("2027-01-13");
        assertThatThrownBy(() -> driver.launch(campaigns.createFromPreset("most-beautiful-cs-2019", null, "test"),
                null)).hasMessageContaining("不是团队技能大赛");
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void association_staff_start_the_contest_with_the_tasklist_start_form_judges_may_not() {
        Campaign campaign = driver.openContest();
        String form = "{\"variables\":{\"campaignId\":{\"value\":" + campaign.getId()
                + "},\"thirdPlaceMatch\":{\"value\":false}}}";
        String path = "/engine-rest/process-definition/key/" + SkillsContest.PROCESS_KEY + "/submit-form";
        assertThat(io.laurel.support.Http.to(port).as("gaoyuan", "demo").postJson(path, form).status()).isEqualTo(403);
        io.laurel.support.Http.Answer started = io.laurel.support.Http.to(port).as("chenjing", "demo").postJson(path, form);
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(campaign.getId().toString()).processDefinitionKey(SkillsContest.PROCESS_KEY)
                .singleResult();
        startedInstances.add(instance.getId());
        BpmnAwareTests.assertThat(instance).isWaitingAt("registrationClosed").variables()
                .containsEntry("thirdPlaceMatch", false).containsEntry("launchedBy", "chenjing");
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(io.laurel.support.Http.to(port).as("chenjing", "demo").postJson(path, form).body())
                .contains("已启动或已结束");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test done");
    }

    @Test
    void fewer_than_two_accepted_teams_cancel_the_contest() {
        Campaign campaign = driver.openContest();
        ProcessInstance instance = launch(campaign, false);
        List<Long> ids = driver.registerTeams(campaign, "乙队", 2);
        List<Task> screening = driver.until(instance, "screenTeam");
        Task religious = screening.stream().filter(t -> driver.teamOf(t) == ids.get(0)).findFirst().orElseThrow();
        Task other = screening.stream().filter(t -> driver.teamOf(t) == ids.get(1)).findFirst().orElseThrow();
        assertThatThrownBy(() -> driver.reject(religious, "other", " ")).hasMessageContaining("不通过时请填写理由");
        driver.reject(religious, "religious", null);
        driver.accept(other);
        driver.runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded().hasPassed("cancelContest", "contestCancelled")
                .hasNotPassed("drawRound");
        assertThat(store.team(ids.get(0)).orElseThrow().rejectionReason()).isEqualTo("介绍视频或报名资料涉及宗教内容");
        assertThat(driver.mailsTo(store.team(ids.get(1)).orElseThrow().contactEmail()))
                .anySatisfy(s -> assertThat(s).contains("比赛取消"));
        assertThat(campaigns.get(campaign.getId()).getStatus()).isEqualTo(CampaignStatus.CLOSED);
    }

    @Test
    void seven_teams_go_straight_to_the_final_with_a_bye_a_withdrawal_mid_match_a_tie_and_no_third_place_match() {
        Campaign campaign = driver.openContest();
        ProcessInstance instance = launch(campaign, false);
        List<Long> ids = driver.registerTeams(campaign, "丙队", 7);
        driver.until(instance, "screenTeam").forEach(driver::accept);
        Function<Long, MatchScoring.StageScores> byStrength = ContestDriver.byStrength(strength(ids));

        // Preliminary: 7 teams → groups of 3 and 4 (an odd count); everyone advances → 7 ≤ 8: straight to the final
        assertThat(driver.until(instance, "scoreMatch")).hasSize(2);
        Task invalid = driver.open(instance, "scoreMatch").get(0);
        Map<String, Object> tooHigh = driver.scoreVariables(invalid, byStrength);
        tooHigh.put("s1RolePlay", 101.0);
        assertThatThrownBy(() -> driver.submit(invalid, tooHigh))
                .hasMessageContaining("每个环节的得分应在 0 至 100 之间");
        driver.scoreAll(instance, byStrength);
        Task cut = driver.until(instance, "setAdvanceCount").get(0);
        driver.submit(cut, Map.of("advanceCount", 7));
        driver.runJobs(instance);
        BpmnAwareTests.assertThat(instance).isWaitingAt("finalDay").hasNotPassed("semifinalStarts");

        // Final bracket of 7: seed 1 has a bye; 4–5, 2–7, 3–6 play
        assertThat(driver.until(instance, "scoreMatch")).hasSize(3);
        Round qf = lastRound(campaign);
        assertThat(matchesOf(qf)).extracting(Match::kind).containsExactly("BYE", "KNOCKOUT", "KNOCKOUT", "KNOCKOUT");
        // Seed 5 withdraws while its match with seed 4 is open: seed 4 goes on without a contest.
        registration.withdraw(campaign.getId(), ids.get(4), "队员生病");
        driver.runJobs(instance);
        BpmnAwareTests.assertThat(instance).hasPassed("confirmWithdrawal", "withdrawalConfirmed");
        assertThat(driver.mailsTo(store.team(ids.get(4)).orElseThrow().contactEmail()))
                .anySatisfy(s -> assertThat(s).contains("退赛确认"));
        // Seeds 2 and 7 tie in every stage: the better seed goes on.
        Map<Long, MatchScoring.StageScores> tie = Map.of(ids.get(1), s(70, 70, 70), ids.get(6), s(70, 70, 70));
        driver.scoreAll(instance, id -> tie.getOrDefault(id, byStrength.apply(id)));
        driver.until(instance, "scoreMatch");
        assertThat(outcome(qf, ids.get(4))).isEqualTo(ContestRounds.WITHDRAWN);
        assertThat(outcome(qf, ids.get(3))).isEqualTo(ContestRounds.WON);
        assertThat(outcome(qf, ids.get(1))).isEqualTo(ContestRounds.WON);
        assertThat(outcome(qf, ids.get(6))).isEqualTo(ContestRounds.LOST);
        assertThat(outcome(qf, ids.get(0))).isEqualTo(ContestRounds.BYE);

        // 4 → 2: (1, 4) and (2, 3); then only the final
        assertThat(driver.open(instance, "scoreMatch")).hasSize(2);
        driver.scoreAll(instance, byStrength);
        assertThat(driver.until(instance, "scoreMatch")).hasSize(1);
        assertThat(lastRound(campaign).name()).isEqualTo("冠亚军决赛");
        driver.scoreAll(instance, byStrength);
        Task best = driver.until(instance, "chooseBestIndividual").get(0);
        driver.submit(best, Map.of("bestIndividual", String.valueOf(store.members(ids.get(0)).get(0).id())));
        driver.runJobs(instance);

        BpmnAwareTests.assertThat(instance).isEnded();
        Map<String, Long> prizes = new HashMap<>();
        store.awards(campaign.getId()).stream().filter(a -> a.kind().equals("PRIZE"))
                .forEach(a -> prizes.put(a.awardCode(), a.teamId()));
        // No third-place match: the better loser of 4 → 2 (seed 3 scored 97 > seed 4's 96) is third.
        assertThat(prizes).containsEntry("champion", ids.get(0)).containsEntry("runner-up", ids.get(1))
                .containsEntry("third-place", ids.get(2));
        // Finalists are the 7 teams of the bracket, the withdrawn one included (it reached the final).
        assertThat(store.awards(campaign.getId())).filteredOn(a -> a.kind().equals("CERTIFICATE")).hasSize(7);
    }
}
