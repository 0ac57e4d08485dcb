package io.laurel.intake.validation;

import io.laurel.campaign.Preset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Checks one applicant's files against the preset's APPLICANT material rules: photos (size), documents (format,
 * length), videos (format, size, duration, resolution), documents named after a rule (推荐函), and the either-or
 * forms of seed 001 (照片+文章 or 照片+视频). What it finds goes to a {@link FindingSink}, which decides whether
 * a departure refuses the entry or costs it points.
 */
@Component
public class MaterialChecks {

    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "flv", "swf", "wmv", "mkv",
            "3gp", "mpg", "mpeg");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff",
            "heic", "webp");

    private final PackageFiles files;

    MaterialChecks(PackageFiles files) {
        this.files = files;
    }

    /** Whether the campaign deducts points per nonconformity instead of refusing (preset rule). */
    public static boolean deducts(Preset preset) {
        return preset.rules().conformityDeductionPerIssue() != null;
    }

    void check(Preset preset, String subject, List<Assessment.ClassifiedFile> folder, FindingSink sink) {
        List<Preset.MaterialRule> rules = preset.materials() == null ? List.of()
                : preset.materials().stream().filter(r -> "APPLICANT".equals(r.scope())).toList();
        boolean eitherOr = preset.rules().entryForms() != null;
        boolean hasVideo = false;
        List<Finding> lengths = new ArrayList<>();
        for (Preset.MaterialRule rule : rules) {
            if (isVideoRule(rule)) {
                hasVideo = checkVideo(rule, subject, folder, sink, eitherOr);
            } else if (isPhotoRule(rule)) {
                checkPhoto(rule, subject, folder, sink);
            } else if (rule.formats() != null && !rule.formats().isEmpty()) {
                checkDocument(preset, rule, subject, folder, sink, eitherOr && rule.code().startsWith("article"),
                        lengths);
            } else if (rule.required() && rule.namingPattern() == null && !baseName(rule.name()).isEmpty()
                    && folder.stream().noneMatch(f -> f.fileName().contains(baseName(rule.name())))) {
                sink.nonconformity(new Finding(subject, "缺少" + rule.name(),
                        "请提交文件名含“" + baseName(rule.name()) + "”的文件"));
            }
        }
        if (!lengths.isEmpty()) { // one article in two formats too long or short is one nonconformity, not two
            sink.nonconformity(new Finding(subject, lengths.stream().map(Finding::problem)
                    .collect(java.util.stream.Collectors.joining("；")), lengths.get(0).fix()));
        }
        if (eitherOr) {
            List<Preset.MaterialRule> articles = rules.stream().filter(r -> r.code().startsWith("article")).toList();
            long present = articles.stream().filter(r -> !documentsFor(preset, r, folder).isEmpty()).count();
            if (present == 0 && !hasVideo) {
                sink.problem(new Finding(subject, "没有参赛作品（既没有文章，也没有视频）",
                        "请提交“照片+文章（Word 与 PDF 各 1 份）”或“照片+视频”"));
            } else if (present < articles.size() && !hasVideo) {
                sink.nonconformity(new Finding(subject, "文章只提交了 Word 或 PDF 其中一种",
                        "文章须同时提交 Word、PDF 格式各 1 份"));
            }
        }
    }

    /** @return whether the folder holds a real video (of any accepted or unaccepted format) */
    public boolean checkVideo(Preset.MaterialRule rule, String subject, List<Assessment.ClassifiedFile> folder,
            FindingSink sink, boolean optional) {
        List<Assessment.ClassifiedFile> candidates = folder.stream()
                .filter(f -> f.kind().isVideo() || VIDEO_EXTENSIONS.contains(f.extension())).toList();
        if (candidates.isEmpty()) {
            if (rule.required() && !optional) {
                sink.nonconformity(new Finding(subject, "缺少" + rule.name(), videoHint(rule)));
            }
            return false;
        }
        boolean real = false;
        for (Assessment.ClassifiedFile video : candidates) {
            String file = "“" + video.fileName() + "”";
            if (!video.kind().isVideo()) {
                sink.problem(new Finding(subject, rule.name() + file + "不是有效的视频文件（扩展名与内容不符，可能是改了扩展名）",
                        "请提交真正的 " + String.join("/", formats(rule)) + " 视频，不要只修改文件扩展名"));
                continue;
            }
            real = true;
            if (rule.formats() != null && !rule.formats().contains(video.kind().formatName())) {
                sink.nonconformity(new Finding(subject, rule.name() + file + "的格式为 " + video.kind().formatName(),
                        "请提交 " + String.join("/", formats(rule)) + " 格式的视频"));
                continue;
            }
            if (rule.maxSizeBytes() != null && video.sizeBytes() > rule.maxSizeBytes()) {
                sink.nonconformity(new Finding(subject, rule.name() + file + "大小为 "
                        + size(video.sizeBytes(), rule.maxSizeBytes()) + "，超过 " + mb(rule.maxSizeBytes())
                        + " 的上限", "请压缩视频后重新提交"));
            }
            if (video.kind() == FileKind.MP4) { // avi / flash are accepted by type only (seed 001)
                checkMp4(rule, subject, video, file, sink);
            }
        }
        return real;
    }

    private void checkMp4(Preset.MaterialRule rule, String subject, Assessment.ClassifiedFile video, String file,
            FindingSink sink) {
        MediaInspector.VideoInfo info;
        try {
            info = files.mp4(video);
        } catch (IOException | RuntimeException e) {
            sink.problem(new Finding(subject, rule.name() + file + "无法读取（文件可能已损坏）", "请重新导出视频后提交"));
            return;
        }
        if (rule.minDurationSeconds() != null || rule.maxDurationSeconds() != null) {
            Double seconds = info.durationSeconds();
            if (seconds == null) {
                sink.problem(new Finding(subject, rule.name() + file + "读不出时长", "请重新导出视频后提交"));
            } else if ((rule.minDurationSeconds() != null && seconds < rule.minDurationSeconds())
                    || (rule.maxDurationSeconds() != null && seconds > rule.maxDurationSeconds())) {
                String wanted = rule.minDurationSeconds() == null ? "不超过 " + minutes(rule.maxDurationSeconds())
                        : rule.maxDurationSeconds() == null ? "不少于 " + minutes(rule.minDurationSeconds())
                        : minutes(rule.minDurationSeconds()) + "–" + minutes(rule.maxDurationSeconds());
                sink.nonconformity(new Finding(subject, rule.name() + file + "时长为 " + duration(seconds) + "，要求 "
                        + wanted + " 分钟", "请剪辑到要求的时长后重新提交"));
            }
        }
        if (rule.minWidth() != null && rule.minHeight() != null) {
            int shortSide = Math.min(rule.minWidth(), rule.minHeight());
            int longSide = Math.max(rule.minWidth(), rule.minHeight());
            if (info.width() == null || info.height() == null) {
                sink.problem(new Finding(subject, rule.name() + file + "读不出分辨率", "请重新导出视频后提交"));
            } else if (Math.min(info.width(), info.height()) < shortSide
                    || Math.max(info.width(), info.height()) < longSide) {
                sink.nonconformity(new Finding(subject, rule.name() + file + "分辨率为 " + info.width() + "×"
                        + info.height() + "，要求 " + longSide + "×" + shortSide + "（720P）及以上（竖版 " + shortSide + "×"
                        + longSide + " 及以上）", "请以 720P 或更高分辨率重新导出视频"));
            }
        }
    }

    private void checkPhoto(Preset.MaterialRule rule, String subject, List<Assessment.ClassifiedFile> folder,
            FindingSink sink) {
        List<Assessment.ClassifiedFile> images = folder.stream().filter(f -> f.kind().isImage()).toList();
        folder.stream().filter(f -> !f.kind().isImage() && IMAGE_EXTENSIONS.contains(f.extension()))
                .forEach(fake -> sink.problem(new Finding(subject, "“" + fake.fileName() + "”不是有效的图片文件",
                        "请提交 JPG 或 PNG 格式的照片")));
        if (images.isEmpty()) {
            if (rule.required()) {
                sink.nonconformity(new Finding(subject, "缺少" + rule.name(), rule.minSizeBytes() == null ? null
                        : "请提交 1 张不小于 " + mb(rule.minSizeBytes()) + " 的照片（JPG 或 PNG）"));
            }
            return;
        }
        if (rule.minSizeBytes() != null && images.stream().noneMatch(i -> i.sizeBytes() >= rule.minSizeBytes())) {
            Assessment.ClassifiedFile largest = images.stream()
                    .max(Comparator.comparingLong(Assessment.ClassifiedFile::sizeBytes)).orElseThrow();
            sink.nonconformity(new Finding(subject, rule.name() + "“" + largest.fileName() + "”大小为 "
                    + size(largest.sizeBytes(), rule.minSizeBytes()) + "，要求不小于 " + mb(rule.minSizeBytes()),
                    "请提交原图（不要压缩），大小不小于 " + mb(rule.minSizeBytes())));
        }
    }

    private void checkDocument(Preset preset, Preset.MaterialRule rule, String subject,
            List<Assessment.ClassifiedFile> folder, FindingSink sink, boolean oneOfAForm, List<Finding> lengths) {
        folder.stream().filter(f -> rule.formats().contains(f.extension()) && !acceptsDocument(rule, f))
                .forEach(fake -> sink.problem(new Finding(subject, "“" + fake.fileName() + "”不是有效的 "
                        + fake.extension().toUpperCase(Locale.ROOT) + " 文件", "请重新导出后提交")));
        List<Assessment.ClassifiedFile> matching = documentsFor(preset, rule, folder);
        if (matching.isEmpty()) {
            if (rule.required() && !oneOfAForm) {
                sink.nonconformity(new Finding(subject, "缺少" + rule.name(),
                        "请提交 " + String.join("/", formats(rule)) + " 格式的文件"));
            }
            return;
        }
        if (rule.minChars() == null && rule.maxChars() == null) {
            return;
        }
        Assessment.ClassifiedFile article = matching.stream()
                .filter(f -> !baseName(rule.name()).isEmpty() && f.fileName().contains(baseName(rule.name())))
                .findFirst().orElse(matching.get(0));
        try {
            int chars = files.textLength(article);
            if ((rule.minChars() != null && chars < rule.minChars())
                    || (rule.maxChars() != null && chars > rule.maxChars())) {
                String wanted = rule.minChars() == null ? "不超过 " + rule.maxChars()
                        : rule.minChars() + "–" + rule.maxChars();
                lengths.add(new Finding(subject, rule.name() + "“" + article.fileName() + "”共 " + chars
                        + " 字，要求 " + wanted + " 字", "请修改篇幅后重新提交"));
            }
        } catch (IOException | RuntimeException e) {
            sink.problem(new Finding(subject, rule.name() + "“" + article.fileName() + "”无法读取文字", "请重新导出后提交"));
        }
    }

    /**
     * The folder's documents that may be this rule's: of its formats, and not named after another of the preset's
     * applicant materials (a 推荐函.pdf is the recommendation letter, never the article's PDF).
     */
    static List<Assessment.ClassifiedFile> documentsFor(Preset preset, Preset.MaterialRule rule,
            List<Assessment.ClassifiedFile> folder) {
        String own = baseName(rule.name());
        List<String> others = preset.materials().stream()
                .filter(m -> "APPLICANT".equals(m.scope()) && !baseName(m.name()).equals(own))
                .map(m -> baseName(m.name())).filter(n -> !n.isEmpty() && !own.contains(n) && !n.contains(own))
                .toList();
        return folder.stream().filter(f -> acceptsDocument(rule, f))
                .filter(f -> (!own.isEmpty() && f.fileName().contains(own))
                        || others.stream().noneMatch(f.fileName()::contains))
                .toList();
    }

    /** A material's name without its qualifier: 文章（Word版） → 文章. */
    static String baseName(String name) {
        return name == null ? "" : name.replaceAll("[（(].*$", "").strip();
    }

    private static boolean acceptsDocument(Preset.MaterialRule rule, Assessment.ClassifiedFile file) {
        return rule.formats() != null && rule.formats().contains(file.kind().formatName());
    }

    public static boolean isVideoRule(Preset.MaterialRule rule) {
        return rule.code().contains("video");
    }

    private static boolean isPhotoRule(Preset.MaterialRule rule) {
        return rule.code().contains("photo");
    }

    private static List<String> formats(Preset.MaterialRule rule) {
        return rule.formats() == null ? List.of() : rule.formats();
    }

    private static String videoHint(Preset.MaterialRule rule) {
        List<String> parts = new ArrayList<>();
        parts.add(String.join("/", formats(rule)) + " 格式");
        if (rule.minDurationSeconds() != null) {
            parts.add("时长 " + minutes(rule.minDurationSeconds()) + "–" + minutes(rule.maxDurationSeconds()) + " 分钟");
        }
        if (rule.minWidth() != null) {
            parts.add("分辨率 720P（1280×720）及以上");
        }
        if (rule.maxSizeBytes() != null) {
            parts.add("不超过 " + mb(rule.maxSizeBytes()));
        }
        return "请提交" + String.join("，", parts) + "的视频";
    }

    /**
     * A file's size next to a limit: in MB, or in bytes when MB rounding would show the limit itself
     * (3,145,727 bytes is "3 MB" rounded, which would tell the unit "3 MB, must be at least 3 MB").
     */
    static String size(long bytes, long limit) {
        return mb(bytes).equals(mb(limit)) ? String.format(Locale.ROOT, "%,d 字节", bytes) : mb(bytes);
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0).replace(".0 MB", " MB");
    }

    private static String minutes(Integer seconds) {
        if (seconds == null) {
            return "?";
        }
        return seconds % 60 == 0 ? String.valueOf(seconds / 60) : String.format(Locale.ROOT, "%.1f", seconds / 60.0);
    }

    private static String duration(double seconds) {
        long s = Math.round(seconds);
        return (s / 60) + " 分 " + (s % 60) + " 秒";
    }
}
