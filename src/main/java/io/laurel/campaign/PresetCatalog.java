package io.laurel.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The campaign presets under {@code presets/*.json}, read strictly at start-up: a typo in a preset
 * file stops the application instead of silently dropping a rule.
 */
@Component
public class PresetCatalog {

    static final String LOCATION = "classpath*:presets/*.json";

    private static final int MAX_PARSED = 256;

    private final ObjectMapper mapper = presetMapper();
    // Snapshots stored with campaigns before a rule moved (or was retired) still open: unknown names are skipped
    // there. Preset files are read with the strict mapper, so a misspelt rule stops start-up.
    private final ObjectMapper snapshotMapper = presetMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Preset> parsed = new ConcurrentHashMap<>();
    private final Map<String, Preset> presets;

    public PresetCatalog() {
        this.presets = load();
    }

    public List<Preset> all() {
        return List.copyOf(presets.values());
    }

    public Optional<Preset> find(String key) {
        return Optional.ofNullable(key).map(presets::get);
    }

    /** The preset as JSON, kept with a campaign as the snapshot of the rules it was created with. */
    public String toJson(Preset preset) {
        try {
            return mapper.writeValueAsString(preset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Preset " + preset.key() + " cannot be written as JSON", e);
        }
    }

    /**
     * The preset a campaign's snapshot holds. Parsed once per distinct snapshot: every nomination, task and
     * page reads its campaign's snapshot, and parsing it was ~12% of registering a nomination (issue 8, P2).
     * A preset is read-only, so one instance serves every caller.
     */
    public Preset fromJson(String json) {
        Preset cached = parsed.get(json);
        if (cached != null) {
            return cached;
        }
        Preset preset;
        try {
            preset = snapshotMapper.readValue(json, Preset.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored preset snapshot is not valid JSON", e);
        }
        if (parsed.size() >= MAX_PARSED) {
            parsed.clear(); // a few campaigns are live at a time; this only bounds a long-running node
        }
        parsed.put(json, preset);
        return preset;
    }

    /** The rules of {@code base} with every rule {@code over} sets put over them. */
    public PresetRules overlay(PresetRules base, PresetRules over) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(nonNull(base));
        merged.putAll(nonNull(over));
        return mapper.convertValue(merged, PresetRules.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> nonNull(PresetRules rules) {
        if (rules == null) {
            return Map.of();
        }
        Map<String, Object> map = new java.util.LinkedHashMap<>(mapper.convertValue(rules, Map.class));
        map.values().removeIf(java.util.Objects::isNull);
        return map;
    }

    static ObjectMapper presetMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    private Map<String, Preset> load() {
        Map<String, Preset> loaded = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(LOCATION);
            for (Resource resource : resources) {
                Preset preset;
                try (InputStream in = resource.getInputStream()) {
                    preset = mapper.readValue(in, Preset.class);
                }
                String fileKey = resource.getFilename().replaceFirst("\\.json$", "");
                List<String> problems = problems(preset, fileKey);
                if (!problems.isEmpty()) {
                    throw new IllegalStateException("Preset " + resource.getFilename() + " is invalid: " + problems);
                }
                loaded.put(preset.key(), preset);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read presets from " + LOCATION, e);
        }
        return loaded;
    }

    /** The mistakes a preset author can make that JSON parsing alone does not catch. */
    static List<String> problems(Preset preset, String fileKey) {
        List<String> problems = new ArrayList<>();
        if (!fileKey.equals(preset.key())) {
            problems.add("key '" + preset.key() + "' differs from file name '" + fileKey + "'");
        }
        if (preset.name() == null || preset.name().isBlank()) {
            problems.add("name is missing");
        }
        if (preset.kind() == null) {
            problems.add("kind is missing");
        }
        if (preset.timeZone() == null) {
            problems.add("timeZone is missing");
        }
        if (preset.awards() == null || preset.awards().isEmpty()) {
            problems.add("no awards");
        } else {
            Set<String> codes = new HashSet<>();
            preset.awards().forEach(a -> {
                if (!codes.add(a.code())) {
                    problems.add("award code '" + a.code() + "' appears twice");
                }
            });
        }
        if (preset.timeline() == null || preset.timeline().isEmpty()) {
            problems.add("no timeline");
        } else {
            Set<String> codes = new HashSet<>();
            for (Preset.Phase phase : preset.timeline()) {
                if (!codes.add(phase.code())) {
                    problems.add("timeline code '" + phase.code() + "' appears twice");
                }
                if (phase.startsAt() == null) {
                    problems.add("timeline '" + phase.code() + "' has no startsAt");
                } else if (phase.endsAt() != null && phase.endsAt().isBefore(phase.startsAt())) {
                    problems.add("timeline '" + phase.code() + "' ends before it starts");
                }
            }
        }
        return problems;
    }
}
