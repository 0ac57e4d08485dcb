package io.laurel.mail;

import java.util.List;
import java.util.Map;

/**
 * A plain notice mail (template {@code notice}): a subject, a greeting, paragraphs and an optional list,
 * e.g. the materials still missing. Most of Laurel's mails are of this shape.
 */
public record Notice(String subject, String greeting, List<String> paragraphs, List<String> items) {

    public Notice {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static Notice of(String subject, String greeting, String... paragraphs) {
        return new Notice(subject, greeting, List.of(paragraphs), List.of());
    }

    public Notice withItems(List<String> list) {
        return new Notice(subject, greeting, paragraphs, list);
    }

    Map<String, Object> model() {
        return Map.of("subject", subject, "greeting", greeting, "paragraphs", paragraphs, "items", items);
    }
}
