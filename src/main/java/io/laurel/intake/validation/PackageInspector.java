package io.laurel.intake.validation;

import io.laurel.campaign.Preset;
import io.laurel.intake.archive.UnpackedEntry;
import io.laurel.web.InputRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Reads a unit's package (one folder per applicant or entry, named after the preset's pattern; the summary table
 * and the business licence at the top where the preset asks for them) and checks it: each folder's materials
 * ({@link MaterialChecks}) and the unit's limits over all its mails ({@link QuotaChecks}). Everything it says is
 * Chinese, for the mail to the unit or the staff task. Campaigns with another kind of package (team
 * registrations) are read by the feature that owns them.
 */
@Component
public class PackageInspector {

    /** Entry code of the per-unit total limit in {@code award-quota} (cs-essay-2018: ≤ 5 entries per unit). */
    public static final String ENTRY_CODE = "entry";
    public static final String ENTRY_NAME = "参赛作品";

    private static final Pattern PLUS = Pattern.compile("[+＋]");
    private static final Pattern YEAR_PREFIX = Pattern.compile("^\\d{4}\\s*年度?");

    private final PackageFiles files;
    private final MaterialChecks materials;
    private final QuotaChecks quotas;

    PackageInspector(PackageFiles files, MaterialChecks materials, QuotaChecks quotas) {
        this.files = files;
        this.materials = materials;
        this.quotas = quotas;
    }

    /**
     * Files whose names hide direction controls (U+202E turns "照片\u202Egpj.exe" into "照片exe.jpg" on screen)
     * or other control characters: the same rule as every typed name ({@link InputRules}), a problem here.
     */
    public static List<Finding> disguisedNames(List<UnpackedEntry> entries) {
        List<Finding> found = new ArrayList<>();
        for (UnpackedEntry entry : entries) {
            String problem = InputRules.invisibleControlProblem(entry.path());
            if (problem != null) {
                found.add(new Finding("文件“" + visible(entry.path()) + "”", "文件名" + problem,
                        "请将文件重命名为只含普通文字的名称后重新压缩发送（原邮件已留存）"));
            }
        }
        return found;
    }

    /** The name with each control shown as its code point, so staff and the unit see what is there. */
    private static String visible(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> out.append(Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                ? String.format("[U+%04X]", c) : new String(Character.toChars(c))));
        return out.toString();
    }

    /** A package of a unit that registered nothing before. */
    public Assessment inspect(Preset preset, List<UnpackedEntry> entries, String archiveName, String mailText) {
        return inspect(preset, entries, archiveName, mailText, unit -> List.of());
    }

    /**
     * @param archiveName the attachment's file name, e.g. {@code XXX企业+2019年度最美客服人申报资料.zip}
     * @param mailText    subject and body of the mail (a unit asks for an exception there)
     * @param prior       what the named unit registered from earlier mails (limits count across mails)
     */
    public Assessment inspect(Preset preset, List<UnpackedEntry> entries, String archiveName, String mailText,
            Function<String, List<PriorEntry>> prior) {
        List<Finding> problems = new ArrayList<>(disguisedNames(entries));
        List<Finding> decisions = new ArrayList<>();
        List<Assessment.ClassifiedFile> classified = entries.stream().map(files::classify).toList();

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

        // Unit level: summary table (where the preset asks for one, seed 000 附件2) and business licence
        SummaryTable summary = readSummary(unitFiles, problems, required(preset, "unit-summary"));
        boolean licence = unitFiles.stream().anyMatch(f -> (f.kind().isImage() || f.kind() == FileKind.PDF)
                && !f.entry().fileName().contains("汇总"));
        if (required(preset, "business-licence") && !licence) {
            problems.add(new Finding("单位资料", "缺少单位营业执照", "请将营业执照的图片或 PDF 放在压缩包的最外层"));
        }

        // Applicant folders
        boolean awardInName = awardFirstInFolderName(preset);
        Map<String, SummaryTable.Row> rowsByName = new LinkedHashMap<>();
        if (summary != null) {
            summary.rows().forEach(r -> rowsByName.putIfAbsent(normalise(r.name()), r));
        }
        List<Assessment.Applicant> applicants = new ArrayList<>();
        Set<String> matchedRows = new HashSet<>();
        boolean deducts = MaterialChecks.deducts(preset);
        for (Map.Entry<String, List<Assessment.ClassifiedFile>> folder : folders.entrySet()) {
            String folderName = folder.getKey();
            String who = "申报文件夹“" + folderName + "”";
            int before = problems.size() + decisions.size();
            String[] parts = PLUS.split(folderName, -1);
            String name = null;
            String unitPart = null;
            String awardCode = null;
            String awardName = null;
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(p -> p.isBlank())) {
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
            FindingSink sink = new FindingSink(deducts, problems);
            materials.check(preset, subject, folder.getValue(), sink);
            SummaryTable.Row row = name == null ? null : rowsByName.get(normalise(name));
            if (row != null) {
                matchedRows.add(normalise(row.name()));
            } else if (name != null && summary != null) {
                problems.add(new Finding(subject, "汇总表中没有该申报人", "请在推荐单位资料汇总表中补充一行，与申报文件夹一一对应"));
            }
            boolean valid = problems.size() + decisions.size() == before && (summary == null || row != null);
            applicants.add(new Assessment.Applicant(folderName, name, unitPart, awardCode, awardName, row,
                    List.copyOf(folder.getValue()), valid, sink.nonconformities()));
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

        String unitName = unitNameOf(archiveName, root, summary);
        if (unitName == null) { // seed 001 names the unit only in each entry folder: 作品名称+参赛单位+参赛人员
            unitName = applicants.stream().map(Assessment.Applicant::unitPart).filter(Objects::nonNull).findFirst()
                    .orElse(null);
        }
        quotas.check(preset, applicants, unitName == null ? List.of() : prior.apply(unitName), mailText, problems,
                decisions);
        return new Assessment(unitName, summary, List.copyOf(unitFiles), applicants, problems, decisions);
    }

    private SummaryTable readSummary(List<Assessment.ClassifiedFile> unitFiles, List<Finding> problems,
            boolean required) {
        List<Assessment.ClassifiedFile> tablesFound = unitFiles.stream().filter(PackageFiles::isTable)
                .sorted(Comparator.comparing(f -> f.fileName().contains("汇总") ? 0 : 1)).toList();
        if (tablesFound.isEmpty() && !required) {
            return null;
        }
        if (tablesFound.isEmpty()) {
            problems.add(new Finding("单位资料", "缺少推荐单位资料汇总表",
                    "请按通知附件2填写《推荐单位资料汇总表》（xlsx 或 csv），放在压缩包的最外层"));
            return null;
        }
        Assessment.ClassifiedFile table = tablesFound.get(0);
        SummaryTable summary;
        try {
            summary = files.table(table);
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

}
