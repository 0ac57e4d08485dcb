package io.laurel.files;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store on the local disk (or a shared volume in a cluster). Files are kept
 * under their sha256, so storing the same bytes twice costs nothing and a stored file never changes.
 * Every byte is written once and hashed on the way (the JDK's DigestOutputStream; no second read to hash).
 */
@Component
public class FileStore {

    /** Bytes gathered per write to the file (a system call per 8 KB otherwise); the heap holds no more. */
    static final int BUFFER = 64 * 1024;

    private final Path root;

    FileStore(FileStoreProperties properties) {
        this.root = properties.root().toAbsolutePath().normalize();
    }

    /** Something that writes a file's content to a stream (e.g. {@code MimeMessage::writeTo}). */
    @FunctionalInterface
    public interface ContentWriter<E extends Exception> {
        void writeTo(OutputStream out) throws IOException, E;
    }

    /** Streams {@code content} to disk while hashing it; the caller closes the stream. */
    public StoredFile store(InputStream content) {
        return write(content::transferTo);
    }

    public StoredFile store(byte[] content) {
        return write(out -> out.write(content));
    }

    /**
     * Stores what {@code writer} writes, hashing it on the way: e.g. a message fetched over IMAP goes
     * straight into the store, without a temporary copy that would be read again to store and hash it.
     * The content reaches the disk (fsync) before the file takes its name, and the name before this returns:
     * a database row committed after this call never points at a file a crash or power cut took away.
     */
    public <E extends Exception> StoredFile write(ContentWriter<E> writer) throws E {
        try {
            Path tmpDir = Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(tmpDir, "upload-", ".part");
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new DigestOutputStream(
                        new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER), digest);
                writer.writeTo(out);
                out.flush();
                channel.force(true);
                size = channel.size();
            } catch (Throwable failed) {
                Files.deleteIfExists(temp);
                throw failed;
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            String location = sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
            Path target = root.resolve(location);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                syncDirectory(target.getParent());
            }
            return new StoredFile(sha, size, location);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store file under " + root, e);
        }
    }

    /** Makes a rename durable; where a directory cannot be opened (not Linux) the rename stays in the OS's hands. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // best effort
        }
    }

    public InputStream open(String location) throws IOException {
        return Files.newInputStream(resolve(location));
    }

    /** The stored file on disk, for readers that need random access (e.g. a MIME parser over a shared file). */
    public Path path(String location) {
        return resolve(location);
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
