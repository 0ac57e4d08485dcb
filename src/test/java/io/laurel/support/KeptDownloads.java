package io.laurel.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files the tests download as a user would (exports, templates) are also written under {@code target/downloads}, so
 * a person can open what the assertions read, as the screenshots under {@code target/screenshots} show the pages.
 */
public final class KeptDownloads {

    private static final Path FOLDER = Path.of("target", "downloads");

    private KeptDownloads() {
    }

    /** Writes the bytes as {@code target/downloads/name} and returns them unchanged. */
    public static byte[] keep(String name, byte[] bytes) {
        try {
            Files.createDirectories(FOLDER);
            Files.write(FOLDER.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }
}
