package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.support.Tasklist;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole 2022 skills cup with 23 teams on the real application: campaign, launch and registration through the
 * API (with its refusals), screening and scoring as Tasklist does it, a withdrawal through the API in the middle
 * of the semifinal, semifinal rounds drawn without rematches, the knockout final with the match for third place,
 * the prizes and the published contest ({@code GET /api/campaigns/{id}/contest}).
 */
@LaurelTest
class SkillsContestEndToEndTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ContestDriver driver;
    @Autowired
    ContestStore store;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Http staff() {
        return Http.to(port).as("chenjing", "demo");
    }

    static JsonNode json(Http.Answer answer) {
        try {
            return JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new IllegalStateException(answer.body(), e);
        }
    }

    static String teamJson(String name, String organisation, String... memberOrganisations) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < memberOrganisations.length; i++) {
            members.append(i == 0 ? "" : ",").append("{\"name\":\"").append(name).append("队员").append(i + 1)
                    .append("\",\"email\":\"m").append(i + 1).append('.').append(Math.abs(name.hashCode()))
                    .append("@teams.example\",\"organisation\":\"").append(memberOrganisations[i]).append("\"}");
        }
        return "{\"name\":\"" + name + "\",\"organisation\":\"" + organisation + "\",\"contactEmail\":\"c"
                + Math.abs(name.hashCode()) + "@teams.example\",\"members\":[" + members + "]}";
    }

    @Test
    void twenty_three_teams_from_registration_to_the_champion() {
        ClockUtil.reset();
        Http.Answer created = staff().postJson("/api/campaigns", "{\"preset\":\"service-skills-cup-2022\",\"startsOn\":\""
                + LocalDate.now().minusDays(5) + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long campaignId = json(created).get("id").asLong();
        Campaign campaign = campaigns.get(campaignId);
        String base = "/api/campaigns/" + campaignId;

        Http.Answer launched = staff().postJson(base + "/launch", "{}");
        assertThat(launched.status()).as(launched.body()).isEqualTo(201);
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(json(launched).get("processInstanceId").asText()).singleResult();
        assertThat(instance.getProcessDefinitionId()).startsWith(SkillsContest.PROCESS_KEY + ":");

        // Registration through the API, with its refusals
        String org = "云启客服中心";
        Http.Answer two = staff().postJson(base + "/teams", "{\"name\":\"两人队\",\"organisation\":\"" + org
                + "\",\"contactEmail\":\"x@teams.example\",\"members\":[{\"name\":\"甲\"},{\"name\":\"乙\"}]}");
        assertThat(two.status()).isEqualTo(400);
        assertThat(json(two).get("field").asText()).isEqualTo("members");
        assertThat(json(two).get("message").asText()).contains("须由 3 名成员组成");
        Http.Answer mixed = staff().postJson(base + "/teams", teamJson("混编队", org, org, org, "别家客服中心"));
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(json(mixed).get("message").asText()).contains("同一单位");
        assertThat(Http.to(port).as("wanglei", "demo").postJson(base + "/teams", teamJson("评委队", org, org, org, org))
                .status()).isEqualTo(403);
        assertThat(Http.to(port).postJson(base + "/teams", teamJson("匿名队", org, org, org, org)).status())
                .isEqualTo(401);
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 23; i++) {
            String name = "卓越" + String.format("%02d", i) + "队";
            String organisation = "第" + i + "客服中心";
            Http.Answer answer = staff().postJson(base + "/teams",
                    teamJson(name, organisation, organisation, organisation, organisation));
            assertThat(answer.status()).as(answer.body()).isEqualTo(201);
            assertThat(json(answer).get("status").asText()).isEqualTo("REGISTERED");
            ids.add(json(answer).get("id").asLong());
        }
        Http.Answer duplicate = staff().postJson(base + "/teams", teamJson("卓越01队", "第1客服中心", "第1客服中心",
                "第1客服中心", "第1客服中心"));
        assertThat(duplicate.status()).isEqualTo(409);

        // Screening: one team is rejected (religious content), through Tasklist's submit-form as chenjing
        List<Task> screening = driver.until(instance, "screenTeam");
        assertThat(screening).hasSize(23);
        Tasklist chenjing = Tasklist.as(port, "chenjing", "demo");
        for (Task task : screening) {
            if (driver.teamOf(task) == ids.get(22)) {
                chenjing.complete(task.getId(), Map.of("screeningDecision", "reject", "rejectionCategory", "religious",
                        "rejectionReason", "介绍视频含宗教宣传内容"));
            } else {
                driver.accept(task);
            }
        }
        Http.Answer late = staff().postJson(base + "/teams", teamJson("迟到队", "迟到客服中心", "迟到客服中心", "迟到客服中心",
                "迟到客服中心"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(json(late).get("message").asText()).contains("不在报名期内");

        Map<Long, Integer> strength = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            strength.put(ids.get(i), i + 1);
        }
        Function<Long, MatchScoring.StageScores> byStrength = ContestDriver.byStrength(strength);

        // Preliminary: 22 teams, groups of at most five; the first judge scores in Tasklist as gaoyuan (judges-contest)
        List<Task> preliminary = driver.until(instance, "scoreMatch");
        assertThat(preliminary).hasSize(5);
        Tasklist.as(port, "gaoyuan", "demo").complete(preliminary.get(0).getId(),
                new HashMap<>(driver.scoreVariables(preliminary.get(0), byStrength)));
        driver.scoreAll(instance, byStrength);
        driver.submit(driver.until(instance, "setAdvanceCount").get(0), "advanceCount", 20);

        // Semifinal: 20 (6 groups) → 14 (4 groups; in the group of the team that withdraws nobody else is out)
        // → 10 (2 groups) → 8
        List<Integer> activeAfterRound = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            assertThat(driver.until(instance, "scoreMatch")).isNotEmpty();
            if (round == 2) {
                long leaving = driver.open(instance, "scoreMatch").stream()
                        .map(t -> ((Number) driver.tasks.getVariable(t.getId(), "matchId")).longValue())
                        .flatMap(m -> store.entries(m).stream())
                        .max(java.util.Comparator.comparingInt(ContestStore.Entry::seed)).orElseThrow().teamId();
                Http.Answer withdrawn = staff().postJson(base + "/teams/" + leaving + "/withdrawal",
                        "{\"reason\":\"单位业务调整\"}");
                assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
                assertThat(json(withdrawn).get("status").asText()).isEqualTo("WITHDRAWN");
                assertThat(staff().postJson(base + "/teams/" + leaving + "/withdrawal", "{}").status()).isEqualTo(409);
            }
            driver.scoreAll(instance, byStrength);
            driver.runJobs(instance);
            activeAfterRound.add(store.activeBySeed(campaignId).size());
        }
        assertThat(activeAfterRound).containsExactly(14, 10, 8);
        // No team met the same team twice in the semifinal where a draw without rematch existed (brute force)
        Set<List<Long>> met = new HashSet<>();
        for (ContestStore.Round round : store.rounds(campaignId)) {
            if (!round.stage().equals(SkillsContest.SEMIFINAL)) {
                continue;
            }
            List<List<Long>> groups = store.matches(round.id()).stream().filter(m -> m.kind().equals("GROUP"))
                    .map(m -> store.entries(m.id()).stream().map(ContestStore.Entry::teamId).toList()).toList();
            GroupDraw.Draw draw = new GroupDraw.Draw(List.of(), groups);
            GroupDraw.Meetings before = GroupDraw.Meetings.of(Set.copyOf(met));
            List<Long> players = groups.stream().flatMap(List::stream).sorted().toList();
            if (DrawTest.existsDrawWithoutRematch(players, groups.stream().map(List::size).toList(), before)) {
                assertThat(draw.rematches(before)).as(round.name() + " " + groups + " after " + met).isZero();
            }
            for (List<Long> group : groups) {
                for (long a : group) {
                    for (long b : group) {
                        if (a < b) {
                            met.add(List.of(a, b));
                        }
                    }
                }
            }
        }

        // Final: 8 → 4 → 2, final and third place
        for (int expected : new int[] {4, 2, 2}) {
            assertThat(driver.until(instance, "scoreMatch")).hasSize(expected);
            driver.scoreAll(instance, byStrength);
        }
        Task best = driver.until(instance, "chooseBestIndividual").get(0);
        long star = store.members(ids.get(0)).get(0).id();
        Tasklist.as(port, "xiemin", "demo").complete(best.getId(), Map.of("bestIndividual", String.valueOf(star)));
        driver.runJobs(instance);
        assertThat(driver.ended(instance)).isTrue();

        // The published contest
        Http.Answer contest = Http.to(port).as("gaoyuan", "demo").get(base + "/contest");
        assertThat(contest.status()).isEqualTo(200);
        JsonNode view = json(contest);
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("rounds")).extracting(r -> r.get("name").asText()).containsExactly("初赛", "复赛第1轮",
                "复赛第2轮", "复赛第3轮", "决赛第一轮（8进4）", "决赛（4进2）", "冠亚军决赛及季军赛");
        Map<String, String> prizes = new HashMap<>();
        view.get("awards").forEach(a -> prizes.put(a.get("awardCode").asText() + "/" + a.get("kind").asText(),
                a.get("team").asText()));
        assertThat(prizes).containsEntry("champion/PRIZE", "卓越01队").containsEntry("runner-up/PRIZE", "卓越02队")
                .containsEntry("third-place/PRIZE", "卓越03队").containsEntry("best-individual/PRIZE", "卓越01队");
        assertThat(view.get("awards")).filteredOn(a -> a.get("kind").asText().equals("CERTIFICATE")).hasSize(8);
        JsonNode rejected = view.get("teams").get(22);
        assertThat(rejected.has("contactEmail")).as("the published contest shows no contact data").isFalse();
        assertThat(rejected.get("members").get(0).has("email")).isFalse();
        assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.get("rejectionReason").asText()).contains("宗教").contains("介绍视频含宗教宣传内容");
        assertThat(driver.mailsTo(store.team(ids.get(0)).orElseThrow().contactEmail()))
                .anySatisfy(s -> assertThat(s).contains("参赛确认"))
                .anySatisfy(s -> assertThat(s).contains("复赛第3轮成绩公布"))
                .anySatisfy(s -> assertThat(s).contains("荣誉证书"))
                .anySatisfy(s -> assertThat(s).contains("提醒").contains("巅峰决赛"));
        assertThat(campaign.getPresetKey()).isEqualTo("service-skills-cup-2022");
    }
}
