package io.laurel.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The generated API description: staff only, every operation of /api with a Chinese summary and the error schema. */
@LaurelTest
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;

    @Test
    void api_docs_and_swagger_ui_are_401_for_anonymous_callers() {
        assertThat(Http.to(port).get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(Http.to(port).get("/swagger-ui/index.html").status()).isEqualTo(401);
    }

    @Test
    void swagger_ui_opens_for_staff() {
        Http.Answer ui = Http.to(port).as("zhangmin", "demo").get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void every_api_operation_is_described_in_chinese_with_the_error_schema() throws Exception {
        Http.Answer answer = Http.to(port).as("zhangmin", "demo").get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode docs = json.readTree(answer.body());

        assertThat(docs.at("/info/title").asText()).contains("评优系统");
        JsonNode error = docs.at("/components/schemas/ApiError");
        assertThat(error.at("/properties/message/description").asText()).isEqualTo("中文原因");
        assertThat(error.at("/required").toString()).contains("status", "error", "message");

        List<String> operations = new ArrayList<>();
        List<String> undescribed = new ArrayList<>();
        docs.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            String key = op.getKey().toUpperCase() + " " + path.getKey();
            operations.add(key);
            assertThat(path.getKey()).as("only Laurel's API is described").startsWith("/api/");
            if (!op.getValue().path("summary").asText().matches(".*\\p{IsHan}.*")) {
                undescribed.add(key);
            }
            JsonNode unauthorized = op.getValue().at("/responses/401/content/application~1json");
            assertThat(unauthorized.at("/schema/$ref").asText()).as(key).endsWith("/ApiError");
            assertThat(unauthorized.at("/example/message").asText()).as(key).isNotBlank();
        }));
        assertThat(operations).contains("POST /api/campaigns", "GET /api/campaigns/{id}/exports/summary.xlsx");
        assertThat(undescribed).as("operations without a Chinese summary (add them to ApiDocumentation)").isEmpty();
        assertThat(docs.at("/paths/~1api~1campaigns/post/requestBody/content/application~1json/example/preset")
                .asText()).isEqualTo("service-star-2025");
        assertThat(docs.at("/paths/~1api~1campaigns~1{id}~1launch/post/responses/409/description").asText())
                .contains("不允许");
    }
}
