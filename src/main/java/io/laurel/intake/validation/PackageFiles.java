package io.laurel.intake.validation;

import io.laurel.files.FileStore;
import io.laurel.intake.archive.UnpackedEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * Reads the stored files of a package: what each really is, a table's rows, an article's length, an MP4's
 * facts. Each answer is kept by the file's sha256 ({@link ReadCache}), because a package is read at check and
 * again at registration.
 */
@Component
public class PackageFiles {

    private final FileStore files;
    private final MediaInspector media;
    private final SummaryTableReader tables;
    private final ReadCache read;

    PackageFiles(FileStore files, MediaInspector media, SummaryTableReader tables, ReadCache read) {
        this.files = files;
        this.media = media;
        this.tables = tables;
        this.read = read;
    }

    public Assessment.ClassifiedFile classify(UnpackedEntry entry) {
        try {
            FileKind kind = read.get("kind:" + entry.extension() + ":" + entry.sha256(),
                    () -> files.open(entry.location()), in -> media.detect(in, entry.extension()));
            return new Assessment.ClassifiedFile(entry, kind, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored entry " + entry.path(), e);
        }
    }

    /** A table in the summary layout (单位名称, 联系人, 电话, 邮箱, then one row per person). */
    public SummaryTable table(Assessment.ClassifiedFile table) throws IOException {
        UnpackedEntry entry = table.entry();
        return read.get("table:" + table.kind() + ":" + entry.sha256() + ":" + entry.path(),
                () -> files.open(entry.location()), in -> tables.read(entry.path(), in, table.kind()));
    }

    /** Characters of a Word or PDF document's text. */
    public int textLength(Assessment.ClassifiedFile document) throws IOException {
        UnpackedEntry entry = document.entry();
        return read.get("text:" + document.kind() + ":" + entry.sha256(), () -> files.open(entry.location()),
                in -> media.textLength(in, document.kind()));
    }

    /** Words of an English document (an English profile's 字 are its words). */
    public int wordCount(Assessment.ClassifiedFile document) throws IOException {
        UnpackedEntry entry = document.entry();
        return read.get("words:" + document.kind() + ":" + entry.sha256(), () -> files.open(entry.location()),
                in -> media.wordCount(in, document.kind()));
    }

    MediaInspector.VideoInfo mp4(Assessment.ClassifiedFile video) throws IOException {
        UnpackedEntry entry = video.entry();
        return read.get("mp4:" + entry.sha256(), () -> files.open(entry.location()), media::mp4);
    }

    static boolean isTable(Assessment.ClassifiedFile file) {
        return file.kind() == FileKind.XLSX || file.kind() == FileKind.XLS || file.kind() == FileKind.CSV;
    }
}
