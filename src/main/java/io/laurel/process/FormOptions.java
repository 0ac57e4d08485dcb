package io.laurel.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/**
 * Options for a select or checklist of a Camunda Form, as a Spin JSON variable
 * ({@code [{"label": "...", "value": "..."}]}, form-js {@code valuesKey}). Also reads back what a
 * checklist submitted, which arrives as JSON or as a Java list depending on the client.
 */
public final class FormOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FormOptions() {
    }

    public static JsonValue of(List<Map<String, Object>> options) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(options)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The declaration of a checklist's key before anything is checked: an empty JSON list, never null.
     * Tasklist submits a checklist with the type of the variable of the same name it loaded; a null
     * declaration (type Null) makes the REST API refuse the whole form.
     */
    public static JsonValue noneChecked() {
        return SpinValues.jsonValue("[]").create();
    }

    public static Map<String, Object> option(String label, Object value) {
        return Map.of("label", label, "value", value);
    }

    /** The values a checklist submitted, as strings; empty when nothing was checked. */
    public static List<String> checked(Object submitted) {
        List<String> values = new ArrayList<>();
        if (submitted == null) {
            return values;
        }
        if (submitted instanceof Collection<?> collection) {
            collection.forEach(v -> values.add(String.valueOf(v)));
            return values;
        }
        String text = submitted instanceof org.camunda.spin.json.SpinJsonNode node ? node.toString()
                : String.valueOf(submitted);
        try {
            for (Object value : JSON.readValue(text, List.class)) {
                values.add(String.valueOf(value));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not a checklist value: " + text, e);
        }
        return values;
    }
}
