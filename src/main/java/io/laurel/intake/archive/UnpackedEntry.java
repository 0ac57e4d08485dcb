package io.laurel.intake.archive;

/** A file of an unpacked archive, already in the file store; {@code path} uses '/' and never leaves the archive. */
public record UnpackedEntry(String path, long sizeBytes, String sha256, String location) {

    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public String extension() {
        String name = fileName();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
