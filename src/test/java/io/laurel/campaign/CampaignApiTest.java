package io.laurel.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code POST/GET /api/campaigns}: presets become campaigns with shifted dates; bad input says why. */
@LaurelTest
class CampaignApiTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    private Http hr() {
        return Http.to(port).as("zhangmin", "demo");
    }

    @Test
    void creates_service_star_shifted_to_a_new_start_date() throws Exception {
        Http.Answer created = hr().postJson("/api/campaigns",
                "{\"preset\":\"service-star-2025\",\"startsOn\":\"2026-01-31\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode campaign = json.readTree(created.body());
        assertThat(created.headers().getLocation()).hasToString("/api/campaigns/" + campaign.get("id").asLong());
        assertThat(campaign.get("preset").asText()).isEqualTo("service-star-2025");
        assertThat(campaign.get("kind").asText()).isEqualTo("COMPANY");
        assertThat(campaign.get("status").asText()).isEqualTo("DRAFT");
        // The seed's launch 2025-01-31 moves to 2026-01-31 (+365 days); the deadline keeps its 18:00.
        JsonNode nomination = phase(campaign, "nomination");
        assertThat(nomination.get("startsAt").asText()).startsWith("2026-03-01");
        assertThat(nomination.get("endsAt").asText()).isEqualTo("2026-03-15T18:00:00");
        JsonNode star = award(campaign, "service-star");
        assertThat(star.get("name").asText()).isEqualTo("年度服务之星");
        assertThat(star.get("winnersQuota").asInt()).isEqualTo(5);
        assertThat(star.get("prizeAmountYuan").asInt()).isEqualTo(10000);

        JsonNode fetched = json.readTree(hr().get("/api/campaigns/" + campaign.get("id").asLong()).body());
        assertThat(fetched.get("name").asText()).isEqualTo(campaign.get("name").asText());
    }

    @Test
    void without_start_date_keeps_the_seed_dates() throws Exception {
        JsonNode campaign = json.readTree(Http.to(port).as("chenjing", "demo")
                .postJson("/api/campaigns", "{\"preset\":\"cs-essay-2018\"}").body());

        assertThat(campaign.get("kind").asText()).isEqualTo("ASSOCIATION");
        assertThat(campaign.get("timeline").toString()).contains("2018-");
        assertThat(award(campaign, "first-prize").get("winnersQuota").asInt()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"preset\":\"no-such-preset\"}                          | preset",
            "{\"startsOn\":\"2026-01-01\"}                             | preset",
            "{\"preset\":\"  \"}                                       | preset",
            "{\"preset\":\"service-star-2025\",\"startsOn\":\"2026-13-01\"} | startsOn",
            "{\"preset\":\"service-star-2025\",\"startsOn\":\"next week\"}  | startsOn"})
    void bad_requests_name_the_field(String body, String field) throws Exception {
        Http.Answer answer = hr().postJson("/api/campaigns", body);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode error = json.readTree(answer.body());
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).startsWith(field + ":");
    }

    @Test
    void malformed_json_is_400() {
        Http.Answer answer = hr().postJson("/api/campaigns", "{preset:");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("JSON");
    }

    @Test
    void unknown_campaign_is_404_with_reason() throws Exception {
        Http.Answer answer = hr().get("/api/campaigns/999999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(json.readTree(answer.body()).get("message").asText()).contains("999999");
    }

    @Test
    void lists_the_presets() {
        Http.Answer answer = hr().get("/api/presets");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("service-star-2025", "most-beautiful-cs-2019", "cs-essay-2018",
                "influential-cc-2020", "service-skills-cup-2022");
    }

    private static JsonNode phase(JsonNode campaign, String code) {
        for (JsonNode phase : campaign.get("timeline")) {
            if (phase.get("code").asText().equals(code)) {
                return phase;
            }
        }
        throw new AssertionError("no phase " + code + " in " + campaign.get("timeline"));
    }

    private static JsonNode award(JsonNode campaign, String code) {
        for (JsonNode award : campaign.get("awards")) {
            if (award.get("code").asText().equals(code)) {
                return award;
            }
        }
        throw new AssertionError("no award " + code);
    }
}
