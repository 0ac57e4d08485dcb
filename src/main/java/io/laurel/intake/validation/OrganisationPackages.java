package io.laurel.intake.validation;

import io.laurel.campaign.Preset;
import io.laurel.intake.archive.UnpackedEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * An organisation's own application (seed 003, the enterprise ranking): the package is the organisation's entry,
 * in whatever folders it comes — the seed prescribes no layout, only the materials: 企业报名表; 中英文企业简介各一份，
 * 每份不超过1000字; 企业LOGO电子版，企业图片3张; 成功案例介绍（1-3个案例）. Files are told apart by their names (报名表,
 * 中文/英文 简介, LOGO, 图片, 案例); every departure is a problem for the organisation to fix (seed 003 deducts
 * nothing).
 */
@Component
public class OrganisationPackages {

    private final PackageFiles files;

    OrganisationPackages(PackageFiles files) {
        this.files = files;
    }

    /** Campaigns whose every award goes to an organisation and whose materials prescribe no folder naming. */
    public static boolean reads(Preset preset) {
        return preset.awards() != null && !preset.awards().isEmpty()
                && preset.awards().stream()
                        .allMatch(a -> a.subject() != null && "ORGANISATION".equals(a.subject().name()))
                && (preset.materials() == null
                        || preset.materials().stream().noneMatch(m -> m.namingPattern() != null));
    }

    public Assessment inspect(Preset preset, List<UnpackedEntry> entries, String archiveName, String mailText) {
        List<Assessment.ClassifiedFile> all = new ArrayList<>();
        for (UnpackedEntry entry : entries) {
            Assessment.ClassifiedFile file = files.classify(entry);
            all.add(new Assessment.ClassifiedFile(entry, file.kind(), materialOf(file)));
        }
        String organisation = organisationOf(archiveName, mailText);
        String subject = organisation == null ? "申报资料" : organisation;
        List<Finding> problems = new ArrayList<>();
        for (Preset.MaterialRule rule : preset.materials() == null ? List.<Preset.MaterialRule>of()
                : preset.materials()) {
            List<Assessment.ClassifiedFile> found = all.stream().filter(f -> rule.code().equals(f.materialCode()))
                    .toList();
            check(preset, rule, found, subject, problems);
        }
        if (organisation == null) {
            problems.add(new Finding("申报资料", "无法确定参评企业名称",
                    "请将压缩包命名为“企业名称+申报资料.zip”，或在邮件标题中写明企业名称"));
        }
        Preset.Award award = preset.awards().get(0);
        Assessment.Applicant applicant = new Assessment.Applicant("", organisation, organisation, award.code(),
                award.name(), null, List.copyOf(all), problems.isEmpty());
        return new Assessment(organisation, null, List.of(), List.of(applicant), problems, List.of());
    }

    private void check(Preset preset, Preset.MaterialRule rule, List<Assessment.ClassifiedFile> found, String subject,
            List<Finding> problems) {
        int min = rule.minCount() == null ? (rule.required() ? 1 : 0) : rule.minCount();
        // 企业图片3张: exactly three; cases 1 to rules.casesMax; every other material once
        Integer max = "pictures".equals(rule.code()) ? Integer.valueOf(min)
                : "cases".equals(rule.code()) ? preset.rules().casesMax() : null;
        if (found.size() < min) {
            problems.add(new Finding(subject, found.isEmpty() ? "缺少" + rule.name()
                    : rule.name() + "只有 " + found.size() + " 个，要求 " + (max != null && max == min ? "" : "至少 ") + min
                            + " 个", "请补交" + rule.name() + "（文件名中注明“" + keyword(rule) + "”）"));
        }
        if (max != null && found.size() > max) {
            problems.add(new Finding(subject, rule.name() + "有 " + found.size() + " 个，超过 " + max + " 个的上限",
                    "请只保留 " + (min == max ? "" : min + "–") + max + " 个后重新发送"));
        }
        if (rule.maxChars() != null) {
            for (Assessment.ClassifiedFile profile : found) {
                checkLength(rule, profile, subject, problems);
            }
        }
    }

    private void checkLength(Preset.MaterialRule rule, Assessment.ClassifiedFile profile, String subject,
            List<Finding> problems) {
        if (!(profile.kind() == FileKind.PDF || profile.kind().isWord())) {
            problems.add(new Finding(subject, rule.name() + "“" + profile.fileName() + "”不是 Word 或 PDF 文档，读不出字数",
                    "请以 Word 或 PDF 格式提交"));
            return;
        }
        boolean english = "profile-en".equals(rule.code());
        try {
            int length = english ? files.wordCount(profile) : files.textLength(profile);
            if (length > rule.maxChars()) {
                problems.add(new Finding(subject, rule.name() + "“" + profile.fileName() + "”共 " + length
                        + (english ? " 个词" : " 字") + "，超过 " + rule.maxChars() + (english ? " 个词" : " 字") + "的上限",
                        "请精简到 " + rule.maxChars() + (english ? " 个词" : " 字") + "以内后重新发送"));
            }
        } catch (IOException | RuntimeException e) {
            problems.add(new Finding(subject, rule.name() + "“" + profile.fileName() + "”无法读取文字", "请重新导出后提交"));
        }
    }

    /** Which of the seed's materials a file is, by its name (and, for pictures, by being an image). */
    static String materialOf(Assessment.ClassifiedFile file) {
        String name = file.fileName().toLowerCase(Locale.ROOT);
        Predicate<String> has = name::contains;
        if (has.test("报名表")) {
            return "registration-form";
        }
        if (has.test("logo") || has.test("标志") || has.test("标识")) {
            return "logo";
        }
        if (has.test("案例") || has.test("case")) {
            return "cases";
        }
        if (has.test("简介") || has.test("profile") || has.test("introduction")) {
            return has.test("英文") || has.test("english") || has.test("_en") || has.test("-en") ? "profile-en"
                    : "profile-zh";
        }
        if (file.kind().isImage()) {
            return "pictures";
        }
        return null;
    }

    private static String keyword(Preset.MaterialRule rule) {
        return switch (rule.code()) {
            case "registration-form" -> "报名表";
            case "profile-zh" -> "中文简介";
            case "profile-en" -> "英文简介";
            case "logo" -> "LOGO";
            case "pictures" -> "图片";
            case "cases" -> "案例";
            default -> rule.name();
        };
    }

    /** The organisation: the archive's or subject's part before “+”, else the archive's name without extension. */
    static String organisationOf(String archiveName, String mailText) {
        String base = archiveName == null ? null : archiveName.replaceFirst("(?i)\\.zip$", "").strip();
        String subject = mailText == null ? null : mailText.lines().findFirst().orElse("").strip();
        for (String candidate : new String[] {base, subject}) {
            if (candidate != null && candidate.matches(".+[+＋].+")) {
                return candidate.split("[+＋]")[0].replaceAll("[【】\\[\\]]", "").strip();
            }
        }
        return Optional.ofNullable(base).filter(b -> !b.isBlank()).orElse(null);
    }
}
