package io.laurel.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Build info, the request/campaign ids in the logging context and the nightly history cleanup. */
@LaurelTest
class OperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessEngineConfiguration engine;

    @Autowired
    HistoryService history;

    @Test
    void actuator_info_names_the_build_and_the_commit() throws Exception {
        Http.Answer info = Http.to(port).get("/actuator/info");

        assertThat(info.status()).isEqualTo(200);
        JsonNode body = json.readTree(info.body());
        assertThat(body.at("/build/artifact").asText()).isEqualTo("laurel");
        assertThat(body.at("/build/version").asText()).isNotBlank();
        assertThat(body.at("/build/time").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
        // git.properties is written when the build runs in a git clone (it does here and in CI).
        assertThat(body.at("/git/commit/id").asText()).matches("[0-9a-f]{7,40}");
    }

    @Test
    void every_answer_carries_a_request_id_and_keeps_a_proxys() {
        Http.Answer mine = Http.to(port).get("/actuator/health");
        assertThat(mine.headers().getFirst(RequestLogContext.HEADER)).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_filter_puts_request_and_campaign_ids_into_the_logging_context_and_clears_them() throws Exception {
        Map<String, String> seen = new HashMap<>();
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/campaigns/42/nominations");
        request.addHeader(RequestLogContext.HEADER, "proxy-7f3a");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestLogContext().doFilter(request, response, (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));

        assertThat(seen).containsEntry("requestId", "proxy-7f3a").containsEntry("campaignId", "42");
        assertThat(response.getHeader(RequestLogContext.HEADER)).isEqualTo("proxy-7f3a");
        assertThat(MDC.get("requestId")).isNull();
        assertThat(MDC.get("campaignId")).isNull();

        // Not an id (a log-injection attempt): replaced by our own; no campaign outside a campaign's URL.
        seen.clear();
        MockHttpServletRequest odd = new MockHttpServletRequest("GET", "/camunda/app/tasklist/");
        odd.addHeader(RequestLogContext.HEADER, "x\nFAKE LOG LINE");
        new RequestLogContext().doFilter(odd, new MockHttpServletResponse(),
                (req, res) -> seen.putAll(MDC.getCopyOfContextMap()));
        assertThat(seen.get("requestId")).matches("[0-9a-f-]{36}");
        assertThat(seen).doesNotContainKey("campaignId");

        assertThat(RequestLogContext.campaignIdOf("/campaigns/7/vote")).isEqualTo("7");
        assertThat(RequestLogContext.campaignIdOf("/staff/campaigns/8")).isEqualTo("8");
        assertThat(RequestLogContext.campaignIdOf("/api/campaigns")).isNull();
    }

    @Test
    void job_log_lines_name_the_campaign_by_the_business_key() {
        assertThat(((ProcessEngineConfigurationImpl) engine).getLoggingContextBusinessKey()).isEqualTo("campaignId");
    }

    @Test
    void history_cleanup_runs_in_a_nightly_window() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine;
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
        // With a window the engine schedules its cleanup job itself at start-up.
        assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
    }
}
