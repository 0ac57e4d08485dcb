package io.laurel.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.Map;

/**
 * Submits a Camunda Form the way Camunda Tasklist 7.24 does, over {@code /engine-rest} as the user: it
 * loads the task's form variables ({@code deserializeValues=false}) and posts {@code submit-form} with
 * every scalar field untyped, and every list or object field (a checklist) as JSON text carrying the
 * type and valueInfo of the loaded variable of the same name — {@code Json} when there is none.
 * (From the Camunda Forms directive of the Tasklist 7.24 bundle.)
 */
public final class Tasklist {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http user;

    private Tasklist(Http user) {
        this.user = user;
    }

    public static Tasklist as(int port, String userId, String password) {
        return new Tasklist(Http.to(port).as(userId, password));
    }

    /** Submits the form data; answers the HTTP answer (204 when the task was completed). */
    public Http.Answer submit(String taskId, Map<String, Object> formData) {
        try {
            Http.Answer loaded = user.get("/engine-rest/task/" + taskId + "/form-variables?deserializeValues=false");
            assertThat(loaded.status()).as("form variables of task " + taskId + ": " + loaded.body()).isEqualTo(200);
            JsonNode existing = JSON.readTree(loaded.body());
            ObjectNode variables = JSON.createObjectNode();
            for (var field : formData.entrySet()) {
                Object value = field.getValue();
                ObjectNode variable = variables.putObject(field.getKey());
                if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
                    JsonNode loadedVariable = existing.get(field.getKey());
                    variable.put("type", loadedVariable == null ? "Json" : loadedVariable.get("type").asText());
                    variable.set("valueInfo", loadedVariable == null ? null : loadedVariable.get("valueInfo"));
                    variable.put("value", JSON.writeValueAsString(value));
                } else {
                    variable.set("value", JSON.valueToTree(value));
                }
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("variables", variables);
            return user.postJson("/engine-rest/task/" + taskId + "/submit-form", JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Submits and expects the task to be completed. */
    public void complete(String taskId, Map<String, Object> formData) {
        Http.Answer answer = submit(taskId, formData);
        assertThat(answer.status()).as("submit-form of task " + taskId + ": " + answer.body()).isEqualTo(204);
    }
}
