package io.laurel.intake.archive;

import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.springframework.stereotype.Component;

/**
 * Unpacks a ZIP attachment into the file store, streaming (a 50 MB package never sits in memory).
 * Entry names without the UTF-8 flag are read as UTF-8 when they are valid UTF-8 and as GBK otherwise
 * (what Windows zip tools write on Chinese systems). Refuses zip slip, zip bombs, encrypted and
 * damaged archives with a reason of their own.
 */
@Component
public class ZipUnpacker {

    static final Charset GBK = Charset.forName("GBK");

    private final FileStore files;

    public ZipUnpacker(FileStore files) {
        this.files = files;
    }

    /** The archive type from the first bytes, or null when it is no archive we know. */
    public static String archiveType(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return "zip";
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return "rar";
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return "7z";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "gzip";
        }
        return null;
    }

    public UnpackResult unpack(InputStream archive, ArchiveLimits limits) {
        CountingInputStream counted = new CountingInputStream(new BufferedInputStream(archive, 64 * 1024));
        List<UnpackedEntry> entries = new ArrayList<>();
        long total = 0;
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(counted, "GBK", true, true)) {
            ZipArchiveEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = decodeName(entry);
                String path = safePath(name);
                if (path == null) {
                    return new UnpackResult.Refused(UnpackResult.Reason.ZIP_SLIP, name);
                }
                if (entry.getGeneralPurposeBit().usesEncryption()) {
                    return new UnpackResult.Refused(UnpackResult.Reason.ENCRYPTED, name);
                }
                if (entry.isDirectory() || ignored(path)) {
                    continue;
                }
                if (!zip.canReadEntryData(entry)) {
                    return new UnpackResult.Refused(UnpackResult.Reason.CORRUPT,
                            name + ": unsupported method " + entry.getMethod());
                }
                if (entries.size() >= limits.maxEntries()) {
                    return new UnpackResult.Refused(UnpackResult.Reason.ZIP_BOMB,
                            "more than " + limits.maxEntries() + " entries");
                }
                LimitedStream limited = new LimitedStream(zip, counted, total, limits);
                StoredFile stored;
                try {
                    stored = files.store(limited);
                } catch (UncheckedIOException e) {
                    if (e.getCause() instanceof LimitExceeded exceeded) {
                        return new UnpackResult.Refused(UnpackResult.Reason.ZIP_BOMB, exceeded.getMessage());
                    }
                    throw e;
                }
                total += stored.sizeBytes();
                entries.add(new UnpackedEntry(path, stored.sizeBytes(), stored.sha256(), stored.location()));
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof LimitExceeded exceeded) {
                return new UnpackResult.Refused(UnpackResult.Reason.ZIP_BOMB, exceeded.getMessage());
            }
            return new UnpackResult.Refused(UnpackResult.Reason.CORRUPT, String.valueOf(e.getCause().getMessage()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof LimitExceeded exceeded) {
                return new UnpackResult.Refused(UnpackResult.Reason.ZIP_BOMB, exceeded.getMessage());
            }
            return new UnpackResult.Refused(UnpackResult.Reason.CORRUPT, String.valueOf(e.getMessage()));
        }
        if (entries.isEmpty()) {
            return new UnpackResult.Refused(UnpackResult.Reason.EMPTY, "");
        }
        return new UnpackResult.Unpacked(entries);
    }

    /** UTF-8 when flagged or when the raw bytes are valid UTF-8; GBK otherwise. */
    static String decodeName(ZipArchiveEntry entry) {
        byte[] raw = entry.getRawName();
        if (raw == null || entry.getGeneralPurposeBit().usesUTF8ForNames()
                || entry.getNameSource() == ZipArchiveEntry.NameSource.UNICODE_EXTRA_FIELD) {
            return entry.getName();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(raw, GBK);
        }
    }

    /** The entry's path with '/' separators, or null when it would leave the archive's folder. */
    static String safePath(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0) {
            return null;
        }
        StringBuilder clean = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                return null;
            }
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (clean.length() > 0) {
                clean.append('/');
            }
            clean.append(segment);
        }
        return clean.toString();
    }

    private static boolean ignored(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        return lower.startsWith("__macosx/") || lower.endsWith("/.ds_store") || lower.equals(".ds_store")
                || lower.endsWith("thumbs.db");
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != (magic[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    static final class LimitExceeded extends IOException {
        LimitExceeded(String message) {
            super(message);
        }
    }

    /** Counts the archive bytes read, for the compression ratio. */
    static final class CountingInputStream extends FilterInputStream {
        long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }

    /** One entry's data; fails as soon as the total or the ratio goes over the limits. Never closes the zip. */
    static final class LimitedStream extends InputStream {
        private final InputStream zip;
        private final CountingInputStream archive;
        private final ArchiveLimits limits;
        private long total;

        LimitedStream(InputStream zip, CountingInputStream archive, long totalSoFar, ArchiveLimits limits) {
            this.zip = zip;
            this.archive = archive;
            this.total = totalSoFar;
            this.limits = limits;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = zip.read(b, off, len);
            if (n > 0) {
                total += n;
                if (total > limits.maxTotalBytes()) {
                    throw new LimitExceeded("unpacks to more than " + limits.maxTotalBytes() + " bytes");
                }
                if (total > limits.ratioFloorBytes() && total > Math.max(archive.count, 1) * limits.maxRatio()) {
                    throw new LimitExceeded("compression ratio above " + limits.maxRatio() + ":1");
                }
            }
            return n;
        }
    }
}
