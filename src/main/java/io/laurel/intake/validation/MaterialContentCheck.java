package io.laurel.intake.validation;

import io.laurel.campaign.Preset;
import io.laurel.nomination.MaterialInspection;
import io.laurel.web.ApiException;
import io.laurel.web.InputRules;
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
 * The one check of an uploaded material, for the API and the portal alike: its name, its size, what it is by
 * its first bytes (an .exe renamed .pdf is refused), whether that matches its extension and the preset's
 * formats, a video's duration, and a PDF's active content (JavaScript, launch and open actions).
 */
@Component
class MaterialContentCheck implements MaterialInspection {

    /** Without a preset limit: documents and images up to 20 MB, videos up to 50 MB (the association seed's). */
    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 50L * 1024 * 1024;
    private static final Map<FileKind, Set<String>> EXTENSIONS = Map.ofEntries(
            Map.entry(FileKind.PDF, Set.of("pdf")), Map.entry(FileKind.JPEG, Set.of("jpg", "jpeg")),
            Map.entry(FileKind.PNG, Set.of("png")), Map.entry(FileKind.MP4, Set.of("mp4")),
            Map.entry(FileKind.QUICKTIME, Set.of("mov")), Map.entry(FileKind.AVI, Set.of("avi")),
            Map.entry(FileKind.FLV, Set.of("flv")), Map.entry(FileKind.SWF, Set.of("swf")),
            Map.entry(FileKind.DOC, Set.of("doc")), Map.entry(FileKind.DOCX, Set.of("docx")),
            Map.entry(FileKind.XLS, Set.of("xls")), Map.entry(FileKind.XLSX, Set.of("xlsx")),
            Map.entry(FileKind.CSV, Set.of("csv")),
            Map.entry(FileKind.OTHER_IMAGE, Set.of("gif", "bmp", "tif", "tiff", "webp", "heic", "heif")));

    private final MediaInspector inspector;

    /** Whether the upload is text people wrote: no NUL bytes, and valid UTF-8 or GBK. */
    static boolean plainText(MultipartFile file) {
        byte[] bytes;
        try {
            bytes = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        for (java.nio.charset.Charset charset : List.of(java.nio.charset.StandardCharsets.UTF_8,
                java.nio.charset.Charset.forName("GBK"))) {
            try {
                charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(bytes));
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                // try the next charset
            }
        }
        return false;
    }

    MaterialContentCheck(MediaInspector inspector) {
        this.inspector = inspector;
    }

    @Override
    public void check(Preset.MaterialRule rule, MultipartFile file, String field, Accepted accepted) {
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest(field, field + ": 上传的文件为空");
        }
        String name = InputRules.fileName(file.getOriginalFilename(), field);
        String label = "「" + rule.name() + "」" + name;
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        FileKind kind;
        try (InputStream in = file.getInputStream()) {
            kind = inspector.detect(in, extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long max = rule.maxSizeBytes() != null ? rule.maxSizeBytes()
                : kind.isVideo() ? MAX_VIDEO_BYTES : MAX_DOCUMENT_BYTES;
        if (file.getSize() > max) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large", label + ":不能超过 "
                    + megabytes(max) + " MB,收到 " + megabytes(file.getSize()) + " MB", field);
        }
        Set<String> own = EXTENSIONS.get(kind);
        if (kind == FileKind.UNKNOWN && "txt".equals(extension) && plainText(file)) {
            own = Set.of("txt"); // a story typed as plain text (UTF-8 or GBK), read for its length downstream
        }
        if (own == null || accepted.extensions() != null && own.stream().noneMatch(accepted.extensions()::contains)) {
            throw unsupported(field, label + ":文件内容不是 " + accepted.description() + ",不能上传");
        }
        if (!own.contains(extension)) {
            throw unsupported(field, label + ":文件内容是 " + kind.name() + ",与扩展名 ." + extension + " 不符");
        }
        if (rule.formats() != null && !rule.formats().isEmpty() && own.stream().noneMatch(rule.formats()::contains)) {
            throw unsupported(field, label + ":本材料只接受 " + String.join("、", rule.formats()) + " 格式");
        }
        if (rule.minSizeBytes() != null && file.getSize() < rule.minSizeBytes()) {
            throw ApiException.badRequest(field, label + ":至少需要 " + megabytes(rule.minSizeBytes()) + " MB");
        }
        if (kind == FileKind.MP4 && rule.maxDurationSeconds() != null) {
            checkDuration(rule, file, field, label);
        }
        if (kind == FileKind.PDF) {
            String active;
            try (InputStream in = file.getInputStream()) {
                active = PdfActiveContent.find(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (active != null) {
                throw unsupported(field, label + ":PDF 含有脚本或自动执行的动作(" + active + "),出于安全原因不能接收;"
                        + "请用“打印为 PDF”或“另存为 PDF”重新生成不含脚本的文件后上传");
            }
        }
    }

    private void checkDuration(Preset.MaterialRule rule, MultipartFile file, String field, String label) {
        Double seconds;
        try (InputStream in = file.getInputStream()) {
            seconds = inspector.mp4(in).durationSeconds();
        } catch (IOException | RuntimeException e) {
            seconds = null;
        }
        if (seconds == null) {
            throw ApiException.badRequest(field, label + ":无法读取视频时长,请上传标准 MP4 文件");
        }
        if (seconds > rule.maxDurationSeconds()) {
            throw ApiException.badRequest(field, label + ":视频时长 " + Math.round(seconds) + " 秒,超过上限 "
                    + rule.maxDurationSeconds() + " 秒");
        }
    }

    private static ApiException unsupported(String field, String message) {
        return new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", message, field);
    }

    private static String megabytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? Long.toString(bytes / 1024 / 1024)
                : String.format(Locale.ROOT, "%.1f", bytes / 1024.0 / 1024.0);
    }
}
