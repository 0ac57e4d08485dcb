package io.laurel.nomination;

import io.laurel.campaign.Preset;
import java.util.Set;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks an uploaded material by its content before anything is stored: the API and the portal use the
 * same check (implemented next to the intake's file inspection). Refusals are {@code ApiException}s with a
 * Chinese reason naming the file.
 */
public interface MaterialInspection {

    /** The formats an entry point takes; {@code extensions} null takes every format Laurel recognises. */
    record Accepted(Set<String> extensions, String description) {

        public static final Accepted ANY_KNOWN = new Accepted(null, "可识别的文档、表格、图片或视频");
    }

    void check(Preset.MaterialRule rule, MultipartFile file, String field, Accepted accepted);
}
