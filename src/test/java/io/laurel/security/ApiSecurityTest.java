package io.laurel.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who may call what, over real HTTP: 401 and 403 with a JSON reason, health open, engine REST closed. */
@LaurelTest
class ApiSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void api_without_credentials_is_401_with_a_reason() throws Exception {
        Http.Answer answer = Http.to(port).get("/api/campaigns");

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        JsonNode body = json.readTree(answer.body());
        assertThat(body.get("error").asText()).isEqualTo("unauthorized");
        assertThat(body.get("message").asText()).contains("需要登录");
    }

    @Test
    void api_with_a_wrong_password_is_401() {
        // A user no other test logs in as: Camunda delays the next login after a failed one.
        assertThat(Http.to(port).as("heyun", "wrong").get("/api/campaigns").status()).isEqualTo(401);
    }

    @Test
    void committee_member_may_read_campaigns_but_not_create_one() throws Exception {
        Http committee = Http.to(port).as("majun", "demo");

        assertThat(committee.get("/api/campaigns").status()).isEqualTo(200);
        Http.Answer create = committee.postJson("/api/campaigns", "{\"preset\":\"service-star-2025\"}");
        assertThat(create.status()).isEqualTo(403);
        JsonNode body = json.readTree(create.body());
        assertThat(body.get("error").asText()).isEqualTo("forbidden");
        assertThat(body.get("message").asText()).contains("无权");
    }

    @Test
    void department_head_may_not_import_a_roster() {
        Http head = Http.to(port).as("wanglei", "demo");

        assertThat(head.upload("/api/campaigns/1/roster", "roster.csv", "工号\n".getBytes()).status()).isEqualTo(403);
    }

    @Test
    void hr_may_create_a_campaign() {
        Http hr = Http.to(port).as("zhangmin", "demo");

        assertThat(hr.postJson("/api/campaigns", "{\"preset\":\"service-star-2025\",\"startsOn\":\"2027-01-31\"}")
                .status()).isEqualTo(201);
    }

    @Test
    void health_is_open_and_other_actuator_endpoints_are_not() {
        Http.Answer health = Http.to(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"UP\"");

        assertThat(Http.to(port).get("/actuator/env").status()).isIn(401, 404);
    }

    @Test
    void engine_rest_requires_basic_authentication() {
        assertThat(Http.to(port).get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(Http.to(port).as("linfeng", "wrong").get("/engine-rest/process-definition").status()).isEqualTo(401);
        assertThat(Http.to(port).as("demo", "demo").get("/engine-rest/process-definition").status()).isEqualTo(200);
    }

    @Test
    void engine_rest_lists_the_rule_tables() {
        Http.Answer answer = Http.to(port).as("demo", "demo").get("/engine-rest/decision-definition?latestVersion=true");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("\"key\":\"eligibility\"").contains("\"key\":\"award-quota\"");
    }
}
