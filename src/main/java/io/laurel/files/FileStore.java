package io.laurel.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store on the local disk (or a shared volume in a cluster). Files are kept
 * under their sha256, so storing the same bytes twice costs nothing and a stored file never changes.
 */
@Component
public class FileStore {

    private final Path root;

    FileStore(FileStoreProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    /** Streams {@code content} to disk while hashing it; the caller closes the stream. */
    public StoredFile store(InputStream content) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            MessageDigest digest = sha256();
            long size;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                size = content.transferTo(out);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            String location = sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
            Path target = root.resolve(location);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new StoredFile(sha, size, location);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store file under " + root, e);
        }
    }

    public StoredFile store(byte[] content) {
        return store(new java.io.ByteArrayInputStream(content));
    }

    public InputStream open(String location) throws IOException {
        return Files.newInputStream(resolve(location));
    }

    public boolean exists(String location) {
        return Files.isRegularFile(resolve(location));
    }

    private Path resolve(String location) {
        Path path = root.resolve(location).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Location leaves the file store: " + location);
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
