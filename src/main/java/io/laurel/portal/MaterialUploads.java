package io.laurel.portal;

import io.laurel.campaign.Preset;
import io.laurel.intake.validation.FileKind;
import io.laurel.intake.validation.MediaInspector;
import io.laurel.nomination.NominationService;
import io.laurel.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Materials uploaded on the nomination page (and by department heads in the staff console): PDF, JPEG/PNG images and MP4 videos. Each file is checked by
 * its content (first bytes, read by the intake's {@link MediaInspector}), its name, its size and, for
 * videos, the preset's maximum duration before anything is stored; the preset's own rules (formats,
 * minimum size) are then applied by {@link NominationService#attach}, which stores the original.
 */
@Component
public class MaterialUploads {

    /** PDFs and images up to 20 MB, videos up to 50 MB (the association seed's video limit), unless the preset says less. */
    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 50L * 1024 * 1024;
    static final Set<FileKind> ACCEPTED = Set.of(FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.MP4);
    private static final Map<FileKind, Set<String>> EXTENSIONS = Map.of(FileKind.PDF, Set.of("pdf"),
            FileKind.JPEG, Set.of("jpg", "jpeg"), FileKind.PNG, Set.of("png"), FileKind.MP4, Set.of("mp4"));

    /** One uploaded file for one material of the preset. */
    public record Upload(Preset.MaterialRule rule, MultipartFile file) {
    }

    private final MediaInspector inspector;
    private final NominationService nominations;

    MaterialUploads(MediaInspector inspector, NominationService nominations) {
        this.inspector = inspector;
        this.nominations = nominations;
    }

    /** Refuses the first file that is not acceptable, naming it; stores nothing. */
    public void check(List<Upload> uploads) {
        for (Upload upload : uploads) {
            check(upload.rule(), upload.file());
        }
    }

    /** Stores every file as a material of the nomination (in the caller's transaction). */
    public void attach(Long nominationId, List<Upload> uploads) {
        for (Upload upload : uploads) {
            nominations.attach(nominationId, upload.rule().code(), upload.file());
        }
    }

    private void check(Preset.MaterialRule rule, MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        String label = "「" + rule.name() + "」" + name;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        FileKind kind;
        try (InputStream in = file.getInputStream()) {
            kind = inspector.detect(in, extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!ACCEPTED.contains(kind)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", label
                    + ":文件内容不是 PDF、JPG/PNG 图片或 MP4 视频,不能上传", "materials");
        }
        if (!EXTENSIONS.get(kind).contains(extension)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", label
                    + ":文件内容是 " + kind.name() + ",与扩展名 ." + extension + " 不符", "materials");
        }
        if (rule.formats() != null && !rule.formats().isEmpty()
                && EXTENSIONS.get(kind).stream().noneMatch(rule.formats()::contains)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", label
                    + ":本材料只接受 " + String.join("、", rule.formats()) + " 格式", "materials");
        }
        long max = kind == FileKind.MP4 ? MAX_VIDEO_BYTES : MAX_DOCUMENT_BYTES;
        if (rule.maxSizeBytes() != null) {
            max = Math.min(max, rule.maxSizeBytes());
        }
        if (file.getSize() > max) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", label + ":文件大小 "
                    + megabytes(file.getSize()) + " MB,超过上限 " + megabytes(max) + " MB", "materials");
        }
        if (kind == FileKind.MP4 && rule.maxDurationSeconds() != null) {
            Double seconds;
            try (InputStream in = file.getInputStream()) {
                seconds = inspector.mp4(in).durationSeconds();
            } catch (IOException | RuntimeException e) {
                seconds = null;
            }
            if (seconds == null) {
                throw ApiException.badRequest("materials", label + ":无法读取视频时长,请上传标准 MP4 文件");
            }
            if (seconds > rule.maxDurationSeconds()) {
                throw ApiException.badRequest("materials", label + ":视频时长 " + Math.round(seconds)
                        + " 秒,超过上限 " + rule.maxDurationSeconds() + " 秒");
            }
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }
}
