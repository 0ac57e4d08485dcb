package io.laurel.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/**
 * Content-addressed file store on the local disk (or a shared volume in a cluster). Files are kept
 * under their sha256, so storing the same bytes twice costs nothing and a stored file never changes.
 * Every byte is written once and hashed on the way (no second read to hash).
 */
@Component
public class FileStore {

    /**
     * 64 KB per write: the default 8 KB of {@code InputStream.transferTo} meant a system call per 8 KB
     * (about 900 for one 7 MB mail); 64 KB cuts that by 8 and still keeps a 50 MB package off the heap.
     */
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
        return write(out -> {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = content.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
            }
        });
    }

    public StoredFile store(byte[] content) {
        return write(out -> out.write(content));
    }

    /**
     * Stores what {@code writer} writes, hashing it on the way: e.g. a message fetched over IMAP goes
     * straight into the store, without a temporary copy that would be read again to store and hash it.
     */
    public <E extends Exception> StoredFile write(ContentWriter<E> writer) throws E {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            HashingStream out = new HashingStream(Files.newOutputStream(temp));
            try (out) {
                writer.writeTo(out);
            } catch (Throwable failed) {
                Files.deleteIfExists(temp);
                throw failed;
            }
            String sha = HexFormat.of().formatHex(out.digest.digest());
            String location = sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha;
            Path target = root.resolve(location);
            Files.createDirectories(target.getParent());
            if (Files.exists(target)) {
                Files.delete(temp);
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            }
            return new StoredFile(sha, out.size, location);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store file under " + root, e);
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

    /**
     * Hashes and counts what goes to the file, and gathers small writes (an IMAP stream writes 16 KB at a time,
     * MIME encoders a line) into 64 KB before hashing and writing them. Kept over the JDK's DigestOutputStream on
     * a BufferedOutputStream: in an A/B of the P4 benchmark (40 packages) that pair cost 351 ms of CPU per
     * package against 312 ms with this stream.
     */
    private static final class HashingStream extends OutputStream {
        private final OutputStream file;
        private final MessageDigest digest = sha256();
        private final byte[] buffer = new byte[BUFFER];
        private int used;
        private long size;

        HashingStream(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushBuffer();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len >= buffer.length) {
                flushBuffer();
                digest.update(b, off, len);
                file.write(b, off, len);
                size += len;
                return;
            }
            if (len > buffer.length - used) {
                flushBuffer();
            }
            System.arraycopy(b, off, buffer, used, len);
            used += len;
        }

        private void flushBuffer() throws IOException {
            if (used > 0) {
                digest.update(buffer, 0, used);
                file.write(buffer, 0, used);
                size += used;
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            try {
                flushBuffer();
            } finally {
                file.close();
            }
        }
    }
}
