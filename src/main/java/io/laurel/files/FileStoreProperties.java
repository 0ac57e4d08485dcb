package io.laurel.files;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code laurel.files.root}: the folder that holds every received file (default {@code ./data/files}). */
@ConfigurationProperties("laurel.files")
public record FileStoreProperties(Path root) {

    public FileStoreProperties {
        if (root == null) {
            root = Path.of("data", "files");
        }
    }
}
