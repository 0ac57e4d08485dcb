package io.laurel.intake;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The unpacked files of a package's latest mail, for features that show them (the contest's team video). */
@Service
public class PackageOriginals {

    /** One unpacked file: its path in the ZIP and where the file store keeps it. */
    public record Original(String path, long sizeBytes, String sha256, String location) {
    }

    private final IntakePackageRepository packages;
    private final IntakeMessageRepository messages;
    private final IntakeFileRepository files;

    PackageOriginals(IntakePackageRepository packages, IntakeMessageRepository messages, IntakeFileRepository files) {
        this.packages = packages;
        this.messages = messages;
        this.files = files;
    }

    @Transactional(readOnly = true)
    public List<Original> of(Long packageId) {
        if (packages.findById(packageId).isEmpty()) {
            return List.of();
        }
        List<IntakeMessage> mails = messages.findByPackageIdOrderById(packageId);
        if (mails.isEmpty()) {
            return List.of();
        }
        return files.findByMessageIdAndOriginOrderById(mails.get(mails.size() - 1).getId(), IntakeFile.ENTRY).stream()
                .map(f -> new Original(f.getPath(), f.getSizeBytes(), f.getSha256(), f.getStorageLocation())).toList();
    }
}
