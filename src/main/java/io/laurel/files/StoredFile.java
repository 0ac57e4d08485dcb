package io.laurel.files;

/** Where the file store put some bytes: {@code location} is relative to the store's root. */
public record StoredFile(String sha256, long sizeBytes, String location) {
}
