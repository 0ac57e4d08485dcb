package io.laurel.intake.validation;

import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Preset;
import io.laurel.files.FileStore;
import io.laurel.intake.archive.UnpackedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads an unpacked package (one folder per applicant, the summary table and the business licence at the
 * top) and checks it against the campaign's preset (materials) and the DMN {@code award-quota}
 * (per-unit limits). Everything it says is Chinese, for the mail to the unit or the staff task.
 */
@Component
public class PackageInspector {

    /** Entry code of the per-unit total limit in {@code award-quota} (cs-essay-2018: ≤ 5 entries per unit). */
    public static final String ENTRY_CODE = "entry";
    public static final String ENTRY_NAME = "参赛作品";

    private static final Pattern PLUS = Pattern.compile("[+＋]");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^\\d{4}\\s*年度?");
    private static final Pattern EXCEPTION_REQUEST = Pattern.compile("例外|特批|特殊申请|超额申请|超出名额");
    private static final Set<String> VIDEO_EXTENSIONS = Set.of("mp4", "m4v", "mov", "avi", "flv", "swf", "wmv", "mkv",
            "3gp", "mpg", "mpeg");
    private static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "gif", "tif", "tiff",
            "heic", "webp");

    private final FileStore files;
    private final MediaInspector media;
    private final SummaryTableReader tables;
    private final AwardQuotas quotas;
    private final ReadCache read;

    public PackageInspector(FileStore files, MediaInspector media, SummaryTableReader tables, AwardQuotas quotas,
            ReadCache read) {
        this.read = read;
        this.files = files;
        this.media = media;
        this.tables = tables;
        this.quotas = quotas;
    }

    /**
     * @param archiveName the attachment's file name, e.g. {@code XXX企业+2019年度最美客服人申报资料.zip}
     * @param mailText    subject and body of the mail (a unit asks for an exception there)
     */
    public Assessment inspect(Preset preset, List<UnpackedEntry> entries, String archiveName, String mailText) {
        if (preset.channels() != null && preset.channels().contains("TEAM")) {
            return inspectTeam(preset, entries, archiveName, mailText);
        }
        List<Finding> problems = new ArrayList<>();
        List<Finding> decisions = new ArrayList<>();
        List<Assessment.ClassifiedFile> classified = entries.stream().map(this::classify).toList();

        String root = commonRoot(entries);
        List<Assessment.ClassifiedFile> unitFiles = new ArrayList<>();
        Map<String, List<Assessment.ClassifiedFile>> folders = new LinkedHashMap<>();
        for (Assessment.ClassifiedFile file : classified) {
            String path = root == null ? file.entry().path() : file.entry().path().substring(root.length() + 1);
            int slash = path.indexOf('/');
            if (slash < 0) {
                unitFiles.add(file);
            } else {
                folders.computeIfAbsent(path.substring(0, slash), k -> new ArrayList<>()).add(file);
            }
        }

        // Unit level: summary table and business licence
        SummaryTable summary = readSummary(unitFiles, problems);
        boolean licence = unitFiles.stream().anyMatch(f -> (f.kind().isImage() || f.kind() == FileKind.PDF)
                && !f.entry().fileName().contains("汇总"));
        if (required(preset, "business-licence") && !licence) {
            problems.add(new Finding("单位资料", "缺少单位营业执照", "请将营业执照的图片或 PDF 放在压缩包的最外层"));
        }
        String unitName = unitNameOf(archiveName, root, summary);

        // Applicant folders
        boolean awardInName = awardFirstInFolderName(preset);
        Map<String, SummaryTable.Row> rowsByName = new LinkedHashMap<>();
        if (summary != null) {
            summary.rows().forEach(r -> rowsByName.putIfAbsent(normalise(r.name()), r));
        }
        List<Assessment.Applicant> applicants = new ArrayList<>();
        Set<String> matchedRows = new java.util.HashSet<>();
        for (Map.Entry<String, List<Assessment.ClassifiedFile>> folder : folders.entrySet()) {
            String folderName = folder.getKey();
            String who = "申报文件夹“" + folderName + "”";
            int before = problems.size() + decisions.size();
            String[] parts = PLUS.split(folderName, -1);
            String name = null;
            String unitPart = null;
            String awardCode = null;
            String awardName = null;
            if (parts.length != 3 || java.util.Arrays.stream(parts).anyMatch(p -> p.isBlank())) {
                decisions.add(new Finding(who, "文件夹名称无法拆分为“" + namingPattern(preset) + "”三部分",
                        "请协会工作人员核对该申报人的奖项与姓名"));
            } else {
                unitPart = parts[1].strip();
                name = parts[2].strip();
                if (awardInName) {
                    Preset.Award award = matchAward(preset, parts[0]);
                    if (award == null) {
                        decisions.add(new Finding(who, "奖项名称“" + parts[0].strip() + "”与本次评选的奖项均不匹配",
                                "请协会工作人员确认该申报人参评的奖项"));
                    } else {
                        awardCode = award.code();
                        awardName = award.name();
                    }
                } else {
                    awardCode = ENTRY_CODE;
                    awardName = ENTRY_NAME + "《" + parts[0].strip() + "》";
                }
            }
            String subject = name != null ? "申报人 " + name : who;
            checkMaterials(preset, subject, folder.getValue(), problems);
            SummaryTable.Row row = name == null ? null : rowsByName.get(normalise(name));
            if (row != null) {
                matchedRows.add(normalise(row.name()));
            } else if (name != null && summary != null) {
                problems.add(new Finding(subject, "汇总表中没有该申报人", "请在推荐单位资料汇总表中补充一行，与申报文件夹一一对应"));
            }
            boolean valid = problems.size() + decisions.size() == before && (summary == null || row != null);
            applicants.add(new Assessment.Applicant(folderName, name, unitPart, awardCode, awardName, row,
                    List.copyOf(folder.getValue()), valid));
        }
        if (folders.isEmpty()) {
            problems.add(new Finding("压缩包", "没有找到任何申报人文件夹",
                    "请按“" + namingPattern(preset) + "”为每位申报人建立一个文件夹"));
        }
        if (summary != null) {
            for (SummaryTable.Row row : summary.rows()) {
                if (!matchedRows.contains(normalise(row.name()))) {
                    problems.add(new Finding("汇总表第 " + row.number() + " 行（" + row.name() + "）", "没有对应的申报文件夹",
                            "请补交该申报人的资料文件夹，或从汇总表中删除该行"));
                }
            }
        }

        checkQuotas(preset, applicants, mailText, problems, decisions);

        // Quota findings make every applicant of the award over the limit not yet registrable
        List<Assessment.Applicant> settled = applicants;
        return new Assessment(unitName, summary, List.copyOf(unitFiles), settled, problems, decisions);
    }

    private void checkQuotas(Preset preset, List<Assessment.Applicant> applicants, String mailText,
            List<Finding> problems, List<Finding> decisions) {
        boolean askedForException = mailText != null && EXCEPTION_REQUEST.matcher(mailText).find();
        Map<String, Long> perAward = new LinkedHashMap<>();
        applicants.stream().filter(a -> a.awardCode() != null)
                .forEach(a -> perAward.merge(a.awardCode(), 1L, Long::sum));
        for (Map.Entry<String, Long> award : perAward.entrySet()) {
            if (award.getKey().equals(ENTRY_CODE)) {
                continue;
            }
            Integer limit = quotas.of(preset.key(), award.getKey()).perUnitLimit();
            if (limit != null && award.getValue() > limit) {
                String awardName = preset.awards().stream().filter(a -> a.code().equals(award.getKey()))
                        .map(Preset.Award::name).findFirst().orElse(award.getKey());
                overLimit(askedForException, "奖项“" + awardName + "”", award.getValue(), limit, "人", problems,
                        decisions);
            }
        }
        Integer total = quotas.of(preset.key(), ENTRY_CODE).perUnitLimit();
        if (total != null && applicants.size() > total) {
            overLimit(askedForException, "本单位", applicants.size(), total, "个名额（团队参赛计为 1 个）", problems,
                    decisions);
        }
    }

    private static void overLimit(boolean askedForException, String subject, long count, int limit, String unit,
            List<Finding> problems, List<Finding> decisions) {
        String problem = "推荐 " + count + " " + unit.replaceFirst("^个", "个") + "，超过每家单位 " + limit + " " + unit
                + "的上限";
        if (askedForException) {
            decisions.add(new Finding(subject, problem + "；单位在邮件中申请例外", "请协会工作人员决定是否同意例外"));
        } else {
            problems.add(new Finding(subject, problem, "请减少到 " + limit + " 以内后重新提交；如确需超出，请在邮件中说明申请例外"));
        }
    }

    private void checkMaterials(Preset preset, String subject, List<Assessment.ClassifiedFile> folder,
            List<Finding> problems) {
        List<Preset.MaterialRule> rules = preset.materials() == null ? List.of()
                : preset.materials().stream().filter(r -> "APPLICANT".equals(r.scope())).toList();
        boolean eitherOr = preset.rules().entryForms() != null;
        boolean hasArticle = false;
        boolean hasVideo = false;
        for (Preset.MaterialRule rule : rules) {
            if (isVideoRule(rule)) {
                hasVideo = checkVideo(rule, subject, folder, problems, eitherOr);
            } else if (isPhotoRule(rule)) {
                checkPhoto(rule, subject, folder, problems);
            } else if (rule.formats() != null && !rule.formats().isEmpty()) {
                boolean present = checkDocument(preset, rule, subject, folder, problems);
                if (eitherOr && rule.code().startsWith("article")) {
                    hasArticle |= present;
                }
            }
        }
        if (eitherOr) {
            boolean articlePair = rules.stream().filter(r -> r.code().startsWith("article"))
                    .allMatch(r -> folder.stream().anyMatch(f -> acceptsDocument(r, f)));
            if (!articlePair && !hasVideo) {
                problems.add(new Finding(subject, "作品应为“照片+文章（Word 与 PDF 各 1 份）”或“照片+视频”",
                        "请补交文章的 Word 和 PDF 版本，或补交参赛视频"));
            }
        }
    }

    private boolean checkVideo(Preset.MaterialRule rule, String subject, List<Assessment.ClassifiedFile> folder,
            List<Finding> problems, boolean optional) {
        List<Assessment.ClassifiedFile> candidates = folder.stream()
                .filter(f -> f.kind().isVideo() || VIDEO_EXTENSIONS.contains(f.entry().extension())).toList();
        if (candidates.isEmpty()) {
            if (rule.required() && !optional) {
                problems.add(new Finding(subject, "缺少" + rule.name(), videoHint(rule)));
            }
            return false;
        }
        for (Assessment.ClassifiedFile video : candidates) {
            String file = "“" + video.entry().fileName() + "”";
            if (!video.kind().isVideo()) {
                problems.add(new Finding(subject, rule.name() + file + "不是有效的视频文件（扩展名与内容不符，可能是改了扩展名）",
                        "请提交真正的 " + String.join("/", formats(rule)) + " 视频，不要只修改文件扩展名"));
                continue;
            }
            if (rule.formats() != null && !rule.formats().contains(video.kind().formatName())) {
                problems.add(new Finding(subject, rule.name() + file + "的格式为 " + video.kind().formatName(),
                        "请提交 " + String.join("/", formats(rule)) + " 格式的视频"));
                continue;
            }
            if (rule.maxSizeBytes() != null && video.entry().sizeBytes() > rule.maxSizeBytes()) {
                problems.add(new Finding(subject, rule.name() + file + "大小为 "
                        + size(video.entry().sizeBytes(), rule.maxSizeBytes()) + "，超过 " + mb(rule.maxSizeBytes())
                        + " 的上限", "请压缩视频后重新提交"));
            }
            if (video.kind() != FileKind.MP4) {
                continue; // avi / flash are accepted by type only (seed 001)
            }
            MediaInspector.VideoInfo info;
            try {
                info = read.get("mp4:" + video.entry().sha256(), () -> files.open(video.entry().location()),
                        media::mp4);
            } catch (IOException | RuntimeException e) {
                problems.add(new Finding(subject, rule.name() + file + "无法读取（文件可能已损坏）", "请重新导出视频后提交"));
                continue;
            }
            if (rule.minDurationSeconds() != null || rule.maxDurationSeconds() != null) {
                Double seconds = info.durationSeconds();
                if (seconds == null) {
                    problems.add(new Finding(subject, rule.name() + file + "读不出时长", "请重新导出视频后提交"));
                } else if ((rule.minDurationSeconds() != null && seconds < rule.minDurationSeconds())
                        || (rule.maxDurationSeconds() != null && seconds > rule.maxDurationSeconds())) {
                    String wanted = rule.minDurationSeconds() == null ? "不超过 " + minutes(rule.maxDurationSeconds())
                            : rule.maxDurationSeconds() == null ? "不少于 " + minutes(rule.minDurationSeconds())
                            : minutes(rule.minDurationSeconds()) + "–" + minutes(rule.maxDurationSeconds());
                    problems.add(new Finding(subject, rule.name() + file + "时长为 " + duration(seconds) + "，要求 "
                            + wanted + " 分钟",
                            "请剪辑到要求的时长后重新提交"));
                }
            }
            if (rule.minWidth() != null && rule.minHeight() != null) {
                int shortSide = Math.min(rule.minWidth(), rule.minHeight());
                int longSide = Math.max(rule.minWidth(), rule.minHeight());
                if (info.width() == null || info.height() == null) {
                    problems.add(new Finding(subject, rule.name() + file + "读不出分辨率", "请重新导出视频后提交"));
                } else if (Math.min(info.width(), info.height()) < shortSide
                        || Math.max(info.width(), info.height()) < longSide) {
                    problems.add(new Finding(subject, rule.name() + file + "分辨率为 " + info.width() + "×" + info.height()
                            + "，要求 " + longSide + "×" + shortSide + "（720P）及以上（竖版 " + shortSide + "×" + longSide
                            + " 及以上）", "请以 720P 或更高分辨率重新导出视频"));
                }
            }
        }
        return true;
    }

    private void checkPhoto(Preset.MaterialRule rule, String subject, List<Assessment.ClassifiedFile> folder,
            List<Finding> problems) {
        List<Assessment.ClassifiedFile> images = folder.stream().filter(f -> f.kind().isImage()).toList();
        List<Assessment.ClassifiedFile> fakes = folder.stream()
                .filter(f -> !f.kind().isImage() && IMAGE_EXTENSIONS.contains(f.entry().extension())).toList();
        for (Assessment.ClassifiedFile fake : fakes) {
            problems.add(new Finding(subject, "“" + fake.entry().fileName() + "”不是有效的图片文件", "请提交 JPG 或 PNG 格式的照片"));
        }
        if (images.isEmpty()) {
            if (rule.required()) {
                problems.add(new Finding(subject, "缺少" + rule.name(), rule.minSizeBytes() == null ? null
                        : "请提交 1 张不小于 " + mb(rule.minSizeBytes()) + " 的照片（JPG 或 PNG）"));
            }
            return;
        }
        if (rule.minSizeBytes() != null && images.stream().noneMatch(i -> i.entry().sizeBytes() >= rule.minSizeBytes())) {
            Assessment.ClassifiedFile largest = images.stream()
                    .max(java.util.Comparator.comparingLong(i -> i.entry().sizeBytes())).orElseThrow();
            problems.add(new Finding(subject, rule.name() + "“" + largest.entry().fileName() + "”大小为 "
                    + size(largest.entry().sizeBytes(), rule.minSizeBytes()) + "，要求不小于 " + mb(rule.minSizeBytes()),
                    "请提交原图（不要压缩），大小不小于 " + mb(rule.minSizeBytes())));
        }
    }

    private boolean checkDocument(Preset preset, Preset.MaterialRule rule, String subject,
            List<Assessment.ClassifiedFile> folder, List<Finding> problems) {
        List<Assessment.ClassifiedFile> matching = folder.stream().filter(f -> acceptsDocument(rule, f)).toList();
        List<Assessment.ClassifiedFile> fakes = folder.stream()
                .filter(f -> rule.formats().contains(f.entry().extension()) && !acceptsDocument(rule, f)).toList();
        for (Assessment.ClassifiedFile fake : fakes) {
            problems.add(new Finding(subject, "“" + fake.entry().fileName() + "”不是有效的 "
                    + fake.entry().extension().toUpperCase(Locale.ROOT) + " 文件", "请重新导出后提交"));
        }
        if (matching.isEmpty()) {
            if (rule.required()) {
                problems.add(new Finding(subject, "缺少" + rule.name(),
                        "请提交 " + String.join("/", formats(rule)) + " 格式的文件"));
            }
            return false;
        }
        if (rule.minChars() != null || rule.maxChars() != null) {
            Assessment.ClassifiedFile article = articleAmong(preset, rule, matching);
            try {
                int chars = read.get("text:" + article.kind() + ":" + article.entry().sha256(),
                        () -> files.open(article.entry().location()), in -> media.textLength(in, article.kind()));
                if ((rule.minChars() != null && chars < rule.minChars())
                        || (rule.maxChars() != null && chars > rule.maxChars())) {
                    problems.add(new Finding(subject, rule.name() + "“" + article.entry().fileName() + "”共 " + chars
                            + " 字，要求 " + rule.minChars() + "–" + rule.maxChars() + " 字", "请修改篇幅后重新提交"));
                }
            } catch (IOException | RuntimeException e) {
                problems.add(new Finding(subject, rule.name() + "“" + article.entry().fileName() + "”无法读取文字",
                        "请重新导出后提交"));
            }
        }
        return true;
    }

    /**
     * Which of the folder's files of the right format is the one whose length counts: a folder holds other
     * PDF/Word files too (the 2018 推荐函). A file named after the rule (“文章”) first, else the first one
     * not named after another of the preset's applicant materials, else the first.
     */
    private static Assessment.ClassifiedFile articleAmong(Preset preset, Preset.MaterialRule rule,
            List<Assessment.ClassifiedFile> matching) {
        String own = baseName(rule.name());
        List<String> others = preset.materials().stream()
                .filter(m -> "APPLICANT".equals(m.scope()) && !baseName(m.name()).equals(own))
                .map(m -> baseName(m.name())).filter(n -> !n.isEmpty()).toList();
        return matching.stream().filter(f -> !own.isEmpty() && f.entry().fileName().contains(own)).findFirst()
                .or(() -> matching.stream().filter(f -> others.stream().noneMatch(f.entry().fileName()::contains))
                        .findFirst())
                .orElse(matching.get(0));
    }

    /** A material's name without its qualifier: 文章（Word版） → 文章. */
    private static String baseName(String name) {
        return name == null ? "" : name.replaceAll("[（(].*$", "").strip();
    }

    private static boolean acceptsDocument(Preset.MaterialRule rule, Assessment.ClassifiedFile file) {
        return rule.formats() != null && rule.formats().contains(file.kind().formatName());
    }

    private static boolean isVideoRule(Preset.MaterialRule rule) {
        return rule.code().contains("video");
    }

    private static boolean isPhotoRule(Preset.MaterialRule rule) {
        return rule.code().contains("photo");
    }

    private SummaryTable readSummary(List<Assessment.ClassifiedFile> unitFiles, List<Finding> problems) {
        List<Assessment.ClassifiedFile> tablesFound = unitFiles.stream()
                .filter(f -> f.kind() == FileKind.XLSX || f.kind() == FileKind.XLS || f.kind() == FileKind.CSV)
                .sorted(java.util.Comparator.comparing(f -> f.entry().fileName().contains("汇总") ? 0 : 1)).toList();
        if (tablesFound.isEmpty()) {
            problems.add(new Finding("单位资料", "缺少推荐单位资料汇总表",
                    "请按通知附件2填写《推荐单位资料汇总表》（xlsx 或 csv），放在压缩包的最外层"));
            return null;
        }
        Assessment.ClassifiedFile table = tablesFound.get(0);
        SummaryTable summary;
        try {
            summary = read.get("table:" + table.kind() + ":" + table.entry().sha256() + ":" + table.entry().path(),
                    () -> files.open(table.entry().location()), in -> tables.read(table.entry().path(), in,
                            table.kind()));
        } catch (IOException | RuntimeException e) {
            problems.add(new Finding("单位资料", "汇总表“" + table.entry().fileName() + "”无法读取", "请另存为 xlsx 后重新提交"));
            return null;
        }
        List<String> missing = new ArrayList<>();
        if (summary.unitName() == null) {
            missing.add("单位名称");
        }
        if (summary.contactName() == null) {
            missing.add("单位联系人");
        }
        if (summary.phone() == null) {
            missing.add("电话");
        }
        if (summary.email() == null) {
            missing.add("邮箱");
        }
        if (!missing.isEmpty()) {
            problems.add(new Finding("单位资料", "汇总表缺少" + String.join("、", missing), "请在汇总表中填写完整"));
        }
        if (summary.rows().isEmpty()) {
            problems.add(new Finding("单位资料", "汇总表中没有申报人", "请每位申报人填写一行：选手姓名、岗位名称、手机、邮箱、参评奖项"));
        }
        return summary;
    }

    /** Award code of a team member read from a registration form (not an award: members are not nominated). */
    public static final String TEAM_MEMBER = "team-member";

    /**
     * A team registration (seed 004): one mail per team with the introduction video (TEAM material with a
     * duration limit) and the registration form, a table in the summary layout (单位名称, 联系人, 电话, 邮箱, then
     * one row per member: 选手姓名, 岗位, 手机, 邮箱) with exactly {@code rules.teamSize} members. Folders do not
     * matter. The organisation is the form's 单位名称, else the company named in the mail subject
     * (【卓越服务之星参赛报名 + 企业名称】).
     */
    private Assessment inspectTeam(Preset preset, List<UnpackedEntry> entries, String archiveName, String mailText) {
        List<Finding> problems = new ArrayList<>();
        List<Assessment.ClassifiedFile> all = entries.stream().map(this::classify).toList();
        String subject = "参赛队伍";
        for (Preset.MaterialRule rule : preset.materials() == null ? List.<Preset.MaterialRule>of() : preset.materials()) {
            if ("TEAM".equals(rule.scope()) && isVideoRule(rule)) {
                checkVideo(rule, subject, all, problems, false);
            }
        }
        SummaryTable form = null;
        List<Assessment.ClassifiedFile> tablesFound = all.stream()
                .filter(f -> f.kind() == FileKind.XLSX || f.kind() == FileKind.XLS || f.kind() == FileKind.CSV).toList();
        if (tablesFound.isEmpty()) {
            problems.add(new Finding(subject, "缺少参赛报名表", "请填写参赛报名表（xlsx 或 csv：单位名称、联系人、电话、邮箱，以及每位队员的选手姓名、岗位、手机、邮箱），与介绍视频一起压缩发送"));
        } else {
            Assessment.ClassifiedFile table = tablesFound.get(0);
            try (InputStream in = files.open(table.entry().location())) {
                form = tables.read(table.entry().path(), in, table.kind());
            } catch (IOException | RuntimeException e) {
                problems.add(new Finding(subject, "参赛报名表“" + table.entry().fileName() + "”无法读取", "请另存为 xlsx 后重新提交"));
            }
        }
        int teamSize = preset.rules().teamSize() != null ? preset.rules().teamSize() : 3;
        if (form != null && form.rows().size() != teamSize) {
            problems.add(new Finding(subject, "报名表中有 " + form.rows().size() + " 名队员",
                    "每支参赛队伍须由同一单位的 " + teamSize + " 名成员组成，请修改报名表后重新发送"));
        }
        String organisation = form != null && form.unitName() != null ? form.unitName() : companyInSubject(mailText);
        if (organisation == null) {
            problems.add(new Finding(subject, "无法确定参赛单位", "请在报名表中填写单位名称，邮件标题注明【卓越服务之星参赛报名 + 企业名称】"));
        }
        List<Assessment.Applicant> members = new ArrayList<>();
        if (form != null) {
            for (SummaryTable.Row row : form.rows()) {
                members.add(new Assessment.Applicant("", row.name(), organisation, TEAM_MEMBER, "参赛队员", row, List.of(),
                        problems.isEmpty()));
            }
        }
        return new Assessment(organisation, form, all, members, problems, List.of());
    }

    /** 企业名称 of a subject like 【卓越服务之星参赛报名 + 某某客服中心】. */
    static String companyInSubject(String mailText) {
        if (mailText == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("参赛报名\\s*[+＋]\\s*([^】\\]\\n]+)").matcher(mailText);
        return m.find() && !m.group(1).isBlank() ? m.group(1).strip() : null;
    }

    private Assessment.ClassifiedFile classify(UnpackedEntry entry) {
        try {
            FileKind kind = read.get("kind:" + entry.extension() + ":" + entry.sha256(),
                    () -> files.open(entry.location()), in -> media.detect(in, entry.extension()));
            return new Assessment.ClassifiedFile(entry, kind, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read stored entry " + entry.path(), e);
        }
    }

    /** The single top folder every entry lies in (the unit's package folder), or null. */
    static String commonRoot(List<UnpackedEntry> entries) {
        String root = null;
        for (UnpackedEntry entry : entries) {
            int slash = entry.path().indexOf('/');
            if (slash < 0) {
                return null;
            }
            String first = entry.path().substring(0, slash);
            if (root == null) {
                root = first;
            } else if (!root.equals(first)) {
                return null;
            }
        }
        // a lone applicant folder is no package folder
        if (root != null && PLUS.split(root, -1).length == 3) {
            return null;
        }
        return root;
    }

    static String unitNameOf(String archiveName, String root, SummaryTable summary) {
        if (summary != null && summary.unitName() != null) {
            return summary.unitName();
        }
        for (String candidate : new String[] {archiveName, root}) {
            if (candidate != null) {
                String[] parts = PLUS.split(candidate.replaceFirst("\\.[A-Za-z0-9]+$", ""), -1);
                if (parts.length >= 2 && !parts[0].isBlank()) {
                    return parts[0].strip();
                }
            }
        }
        return null;
    }

    static Preset.Award matchAward(Preset preset, String label) {
        String wanted = normalise(YEAR_PREFIX.matcher(label.strip()).replaceFirst(""));
        for (Preset.Award award : preset.awards()) {
            if (normalise(award.name()).equals(wanted)) {
                return award;
            }
        }
        for (Preset.Award award : preset.awards()) {
            String name = normalise(award.name());
            if (!wanted.isEmpty() && (wanted.endsWith(name) || name.endsWith(wanted))
                    && Math.min(name.length(), wanted.length()) >= 4) {
                return award;
            }
        }
        return null;
    }

    private static boolean awardFirstInFolderName(Preset preset) {
        return namingPattern(preset).startsWith("参选奖项");
    }

    private static String namingPattern(Preset preset) {
        return preset.materials() == null ? "参选奖项+参赛单位+参选人员" : preset.materials().stream()
                .filter(m -> "APPLICANT".equals(m.scope()) && m.namingPattern() != null)
                .map(Preset.MaterialRule::namingPattern).findFirst().orElse("参选奖项+参赛单位+参选人员");
    }

    private static boolean required(Preset preset, String code) {
        return preset.materials() != null
                && preset.materials().stream().anyMatch(m -> m.code().equals(code) && m.required());
    }

    static String normalise(String s) {
        return s == null ? "" : s.replaceAll("[\\s“”\"'‘’《》]", "");
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

    static boolean same(String a, String b) {
        return Objects.equals(normalise(a), normalise(b));
    }
}
