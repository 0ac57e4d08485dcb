package io.laurel.intake.validation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What was read from files in the content-addressed store, by their sha256: a file's type, an MP4's
 * duration and size, a summary table, an article's length. A package is inspected twice (check, then
 * register, each in its own job) and the second inspection would read every file again — the xlsx through
 * POI, the MP4 boxes. A stored file never changes under its hash, so what it said once it says again; a
 * miss (another node, an evicted entry) reads the file as before. Failures are not kept.
 */
@Component
class ReadCache {

    /** Small values (a few hundred bytes each at most): 2,000 cover the files of ~300 packages in flight. */
    private static final int MAX_ENTRIES = 2_000;

    private final Map<String, Object> entries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    });

    @FunctionalInterface
    interface Reader<T> {
        T read(InputStream content) throws IOException;
    }

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    /** The value kept under {@code key} (which must contain the file's sha256), or {@code reader}'s on the file. */
    @SuppressWarnings("unchecked")
    <T> T get(String key, Opener file, Reader<T> reader) throws IOException {
        Object kept = entries.get(key);
        if (kept != null) {
            return (T) kept;
        }
        T value;
        try (InputStream in = file.open()) {
            value = reader.read(in);
        }
        if (value != null) {
            entries.put(key, value);
        }
        return value;
    }
}
