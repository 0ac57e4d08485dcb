package io.laurel.contest;

import io.laurel.campaign.Preset;
import io.laurel.intake.IntakeChannel;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.Finding;
import io.laurel.intake.validation.FindingSink;
import io.laurel.intake.validation.MaterialChecks;
import io.laurel.intake.validation.PackageFiles;
import io.laurel.intake.validation.SummaryTable;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teams registering by email (seed 004: 介绍视频 + 报名表, subject 【卓越服务之星参赛报名 + 企业名称】), plugged into
 * intake as a channel: intake stores the mail and runs the package process; this class says which mails are
 * registrations, checks the package (video of at most 5 minutes, a form with exactly {@code teamSize} members)
 * and registers the team, which then waits for screening like a team registered through the API.
 */
@Component
class ContestTeamIntake implements IntakeChannel {

    /** Award code of a team member read from a registration form (not an award: members are not nominated). */
    static final String TEAM_MEMBER = "team-member";
    private static final Pattern COMPANY = Pattern.compile("参赛报名\\s*[+＋]\\s*([^】\\]\\n]+)");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA)
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final ContestStore store;
    private final PackageFiles files;
    private final MaterialChecks materials;

    ContestTeamIntake(ContestStore store, PackageFiles files, MaterialChecks materials) {
        this.store = store;
        this.files = files;
        this.materials = materials;
    }

    @Override
    public boolean serves(Preset preset) {
        return preset.channels() != null && preset.channels().contains("TEAM");
    }

    /** The fixed words of the prescribed subject (卓越服务之星参赛报名) must be in the subject or archive name. */
    @Override
    public boolean addressedTo(Preset preset, String mailText) {
        String pattern = preset.rules().registrationEmailSubject();
        if (pattern == null) {
            return false;
        }
        String words = pattern.replaceAll("[【】\\s]", "").split("[+＋]")[0];
        return mailText != null && mailText.replaceAll("\\s", "").contains(words);
    }

    /**
     * One mail per team: the introduction video (TEAM material with a duration limit) and the registration form,
     * a table in the summary layout (单位名称, 联系人, 电话, 邮箱, then one row per member). Folders do not matter.
     * The organisation is the form's 单位名称, else the company named in the subject.
     */
    @Override
    public Assessment inspect(Preset preset, List<Assessment.ClassifiedFile> all, String archiveName,
            String mailText) {
        List<Finding> problems = new ArrayList<>();
        String subject = "参赛队伍";
        FindingSink sink = new FindingSink(false, problems);
        for (Preset.MaterialRule rule : preset.materials() == null ? List.<Preset.MaterialRule>of()
                : preset.materials()) {
            if ("TEAM".equals(rule.scope()) && MaterialChecks.isVideoRule(rule)) {
                materials.checkVideo(rule, subject, all, sink, false);
            }
        }
        SummaryTable form = readForm(all, subject, problems);
        int teamSize = SkillsContest.Rules.of(preset).teamSize();
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
                members.add(new Assessment.Applicant("", row.name(), organisation, TEAM_MEMBER, "参赛队员", row,
                        List.of(), problems.isEmpty()));
            }
        }
        return new Assessment(organisation, form, all, members, problems, List.of());
    }

    private SummaryTable readForm(List<Assessment.ClassifiedFile> all, String subject, List<Finding> problems) {
        Optional<Assessment.ClassifiedFile> table = all.stream().filter(f -> f.kind().name().matches("XLSX|XLS|CSV"))
                .findFirst();
        if (table.isEmpty()) {
            problems.add(new Finding(subject, "缺少参赛报名表", "请填写参赛报名表（xlsx 或 csv：单位名称、联系人、电话、邮箱，以及每位队员的选手姓名、岗位、手机、邮箱），与介绍视频一起压缩发送"));
            return null;
        }
        try {
            return files.table(table.get());
        } catch (IOException | RuntimeException e) {
            problems.add(new Finding(subject, "参赛报名表“" + table.get().fileName() + "”无法读取", "请另存为 xlsx 后重新提交"));
            return null;
        }
    }

    /** 企业名称 of a subject like 【卓越服务之星参赛报名 + 某某客服中心】. */
    static String companyInSubject(String mailText) {
        if (mailText == null) {
            return null;
        }
        Matcher m = COMPANY.matcher(mailText);
        return m.find() && !m.group(1).isBlank() ? m.group(1).strip() : null;
    }

    /**
     * Registers the team once: nothing when the package still has problems (a 2-member team stays unregistered
     * when its supplement window closes), nothing new when the same team (organisation and members) registered
     * before from another mail — the receipt then says when.
     */
    @Override
    @Transactional
    public List<String> register(Long campaignId, Long packageId, String contactEmail, Assessment assessment) {
        if (store.teamOfPackage(packageId).isPresent() || store.repeatOf(packageId).isPresent()
                || !assessment.problems().isEmpty() || assessment.applicants().stream().anyMatch(a -> !a.valid())) {
            return receiptLines(packageId);
        }
        String organisation = assessment.unitName();
        Set<String> names = new HashSet<>(assessment.applicants().stream().map(Assessment.Applicant::name).toList());
        Optional<ContestStore.Team> same = store.teams(campaignId).stream()
                .filter(t -> t.organisation().equals(organisation))
                .filter(t -> names.equals(new HashSet<>(store.members(t.id()).stream().map(ContestStore.Member::name)
                        .toList())))
                .findFirst();
        if (same.isPresent()) {
            store.recordRepeat(packageId, same.get().id());
            return receiptLines(packageId);
        }
        String name = organisation;
        for (int n = 2; store.teamNameTaken(campaignId, name); n++) {
            name = organisation + "（" + n + "队）";
        }
        long teamId = store.insertTeam(campaignId, name, organisation, contactEmail, "MAIL");
        store.attachPackage(teamId, packageId);
        int position = 1;
        for (Assessment.Applicant member : assessment.applicants()) {
            store.insertMember(teamId, position++, member.name(), member.row() == null ? null : member.row().email(),
                    member.row() == null ? null : member.row().mobile());
        }
        return receiptLines(packageId);
    }

    @Override
    public List<String> receiptLines(Long packageId) {
        Optional<ContestStore.Team> repeated = store.repeatOf(packageId).flatMap(store::team);
        if (repeated.isPresent()) {
            ContestStore.Team team = repeated.get();
            return List.of("队伍「" + team.name() + "」（" + team.organisation() + "）已于 "
                    + WHEN.format(store.registeredAt(team.id())) + " 报名登记，本次邮件与之相同，未重复登记");
        }
        return store.teamOfPackage(packageId).map(team -> store.members(team.id()).stream()
                .map(m -> "参赛队员 " + m.name() + " — 队伍「" + team.name() + "」（待组委会初步筛选）").toList())
                .orElse(List.of());
    }

    @Override
    public String materialKind(Assessment.ClassifiedFile file) {
        return file.kind().isVideo() ? "team-intro-video" : "team-registration-form";
    }
}
