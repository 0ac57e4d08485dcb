package io.laurel.judging;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignRepository;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.support.Tasklist;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A judge's client that skips the form (the engine REST API, as a script or another front end would): a rubric
 * score outside seed 001's bands is answered 400 with the Chinese reason naming the criterion and its band — on
 * complete and on submit-form — and nothing is stored; the valid score then completes the task.
 */
@LaurelTest
class RubricScoreRestTest {

    static final String JUDGE = "hanxue";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AssociationFixture fixture;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignRepository campaigns;
    @Autowired
    TransactionTemplate tx;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void a_score_out_of_band_through_rest_is_a_400_with_the_reason_and_stores_nothing() {
        AssociationFixture.ScoringStage stage = fixture.atScoring(JUDGE);
        Campaign campaign = stage.campaign();
        ProcessInstance instance = stage.instance();
        Task task = stage.task();
        long entry = stage.entry();

        // 内容性 is 10–30 in seed 001: 35 through /complete.
        Http.Answer complete = Http.to(port).as(JUDGE, "demo").postJson("/engine-rest/task/" + task.getId()
                + "/complete", "{\"variables\":{\"content\":{\"value\":35},\"thought\":{\"value\":45},"
                + "\"innovation\":{\"value\":7}}}");
        assertThat(complete.status()).as(complete.body()).isEqualTo(400);
        assertThat(complete.body()).contains("内容性应为 10–30 的整数分,收到 35");

        // 创新性 4–10, and a fraction of a point, through submit-form as Tasklist posts it.
        Http.Answer submitted = Tasklist.as(port, JUDGE, "demo").submit(task.getId(),
                Map.of("content", 26, "thought", 45, "innovation", 3));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.body()).contains("创新性应为 4–10 的整数分,收到 3");
        Http.Answer fraction = Tasklist.as(port, JUDGE, "demo").submit(task.getId(),
                Map.of("content", 26, "thought", 45.5, "innovation", 7));
        assertThat(fraction.status()).as(fraction.body()).isEqualTo(400);
        assertThat(fraction.body()).contains("思想性应为 0–50 的整数分");
        Http.Answer missing = Tasklist.as(port, JUDGE, "demo").submit(task.getId(), Map.of("content", 26,
                "innovation", 7));
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("请填写思想性(0–50 分)");

        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(jdbc.queryForObject("select count(*) from judge_score where nomination_id = ? and judge_id = ?",
                Integer.class, entry, JUDGE)).isZero();

        Tasklist.as(port, JUDGE, "demo").complete(task.getId(), Map.of("content", 26, "thought", 45,
                "innovation", 7));
        assertThat(jdbc.queryForObject("select sum(points) from judge_score where nomination_id = ? and judge_id = ? "
                + "and criterion <> 'conformity'", java.math.BigDecimal.class, entry, JUDGE)).isEqualByComparingTo("78");
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "REST refusals covered");
        tx.executeWithoutResult(s -> campaigns.findById(campaign.getId()).ifPresent(Campaign::markClosed));
    }
}
