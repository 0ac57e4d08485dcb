package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.files.FileStore;
import io.laurel.intake.archive.UnpackResult;
import io.laurel.intake.archive.UnpackedEntry;
import io.laurel.intake.archive.ZipUnpacker;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.Finding;
import io.laurel.intake.validation.OrganisationPackages;
import io.laurel.intake.validation.PackageFiles;
import io.laurel.intake.validation.PackageInspector;
import io.laurel.intake.validation.PriorEntry;
import io.laurel.nomination.UnitEntries;
import io.laurel.unit.UnitRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a package's latest mail: finds its ZIP, unpacks it once into the file store, and has it inspected — by
 * the campaign's {@link IntakeChannel} where one serves it, as an organisation's own application (seed 003), else
 * as a unit's applicant folders, with the unit's earlier registrations so per-unit limits count across mails.
 */
@Service
public class PackageChecks {

    private final IntakePackageRepository packages;
    private final IntakeMessageRepository messages;
    private final IntakeFileRepository intakeFiles;
    private final IntakeApplicantRepository applicants;
    private final IntakeCampaigns campaigns;
    private final ZipUnpacker unpacker;
    private final PackageInspector inspector;
    private final OrganisationPackages organisations;
    private final PackageFiles packageFiles;
    private final FileStore files;
    private final UnitRepository units;
    private final UnitEntries entries;
    private final IntakeProperties properties;
    private final Clock clock;

    PackageChecks(IntakePackageRepository packages, IntakeMessageRepository messages, IntakeFileRepository intakeFiles,
            IntakeApplicantRepository applicants, IntakeCampaigns campaigns, ZipUnpacker unpacker,
            PackageInspector inspector, OrganisationPackages organisations, PackageFiles packageFiles, FileStore files, UnitRepository units,
            UnitEntries entries, IntakeProperties properties, Clock clock) {
        this.packages = packages;
        this.messages = messages;
        this.intakeFiles = intakeFiles;
        this.applicants = applicants;
        this.campaigns = campaigns;
        this.unpacker = unpacker;
        this.inspector = inspector;
        this.organisations = organisations;
        this.packageFiles = packageFiles;
        this.files = files;
        this.units = units;
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks the package's latest message; records its problems and answers one of the verdicts. */
    @Transactional
    public Verdict check(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        IntakeMessage message = latestMessage(pkg);
        Instant now = clock.instant();
        if (!message.getReceivedAt().isBefore(campaigns.deadline(campaign).toInstant())) {
            pkg.changeStatus(IntakePackage.Status.LATE, now);
            return new Verdict(IntakeService.LATE, null);
        }
        Optional<Assessment> assessment = assess(campaign, message, pkg);
        if (assessment.isEmpty()) {
            return new Verdict(IntakeService.PROBLEMS, null);
        }
        Assessment a = assessment.get();
        pkg.identifyUnit(a.unitName(), null);
        if (!a.problems().isEmpty()) {
            pkg.recordProblems(lines(a.problems()));
            return new Verdict(IntakeService.PROBLEMS, a);
        }
        if (!a.decisions().isEmpty()) {
            pkg.recordProblems(lines(a.decisions()));
            pkg.changeStatus(IntakePackage.Status.IN_REVIEW, now);
            return new Verdict(IntakeService.NEEDS_DECISION, a);
        }
        pkg.recordProblems(null);
        return new Verdict(IntakeService.COMPLETE, a);
    }

    public record Verdict(String outcome, Assessment assessment) {
    }

    /** The package's latest mail as assessed now; empty when it has no readable ZIP. */
    Optional<Assessment> assess(IntakePackage pkg) {
        return assess(campaigns.get(pkg.getCampaignId()), latestMessage(pkg), pkg);
    }

    /** Unpacks (once per message) and inspects; empty when the mail has no readable ZIP (problems recorded). */
    private Optional<Assessment> assess(Campaign campaign, IntakeMessage message, IntakePackage pkg) {
        List<IntakeFile> attachments = intakeFiles.findByMessageIdAndOriginOrderById(message.getId(),
                IntakeFile.ATTACHMENT);
        IntakeFile archive = null;
        String otherType = null;
        for (IntakeFile attachment : attachments) {
            if (attachment.getSizeBytes() == 0 && looksLikeArchive(attachment.getPath())) {
                // Nothing to sniff in 0 bytes: say what arrived instead of calling it loose files.
                pkg.recordProblems(new Finding("压缩包“" + attachment.getPath() + "”",
                        "是 0 字节的空文件，没有任何内容（附件可能未上传完整，或邮件客户端未附上文件内容）",
                        "请确认压缩包在本机能正常打开、大小不为 0 后重新发送（原邮件已留存）").line());
                return Optional.empty();
            }
            String type = archiveType(attachment);
            if ("zip".equals(type)) {
                archive = attachment;
                break;
            }
            if (type != null) {
                otherType = type;
            }
        }
        if (archive == null) {
            Finding finding = otherType != null
                    ? new Finding("压缩包", "收到的是 " + otherType.toUpperCase(Locale.ROOT) + " 格式的压缩包，系统只接受 ZIP 格式",
                            "请用 ZIP 格式重新压缩后发送（原邮件已留存）")
                    : new Finding("邮件", attachments.isEmpty() ? "邮件中没有附件" : "邮件中没有 ZIP 压缩包（收到 "
                            + attachments.size() + " 个散装文件）", "请将全部申报资料压缩成一个 ZIP 压缩包后作为附件发送（原邮件已留存）");
            pkg.recordProblems(finding.line());
            return Optional.empty();
        }
        List<IntakeFile> stored = intakeFiles.findByMessageIdAndOriginOrderById(message.getId(), IntakeFile.ENTRY);
        if (stored.isEmpty()) {
            UnpackResult result;
            try (InputStream in = files.open(archive.getStorageLocation())) {
                result = unpacker.unpack(in, properties.archive());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (result instanceof UnpackResult.Refused refused) {
                pkg.recordProblems(refusal(refused, archive.getPath()).line());
                return Optional.empty();
            }
            for (UnpackedEntry entry : ((UnpackResult.Unpacked) result).entries()) {
                stored.add(intakeFiles.save(new IntakeFile(message.getId(), IntakeFile.ENTRY, entry.path(), null,
                        entry.sizeBytes(), entry.sha256(), entry.location())));
            }
        }
        List<UnpackedEntry> unpacked = stored.stream().map(f -> new UnpackedEntry(f.getPath(), f.getSizeBytes(),
                f.getSha256(), f.getStorageLocation())).toList();
        Preset preset = campaigns.preset(campaign);
        String mailText = nullToEmpty(message.getSubject()) + "\n" + nullToEmpty(message.getBodyText());
        Optional<IntakeChannel> channel = campaigns.channel(campaign);
        if (channel.isPresent()) {
            return Optional.of(channel.get().inspect(preset, unpacked.stream().map(packageFiles::classify).toList(),
                    archive.getPath(), mailText));
        }
        if (OrganisationPackages.reads(preset)) {
            return Optional.of(organisations.inspect(preset, unpacked, archive.getPath(), mailText));
        }
        return Optional.of(inspector.inspect(preset, unpacked, archive.getPath(), mailText,
                unitName -> prior(campaign.getId(), unitName, pkg.getId())));
    }

    private static boolean looksLikeArchive(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".rar") || lower.endsWith(".7z");
    }

    /** What the unit registered from its other packages of this campaign, with when. */
    List<PriorEntry> prior(Long campaignId, String unitName, Long exceptPackageId) {
        return units.findByCampaignIdAndName(campaignId, unitName).map(unit -> applicants
                .findByCampaignIdOrderByUnitIdAscPositionNoAsc(campaignId).stream()
                .filter(x -> x.getUnitId().equals(unit.getId()) && !x.getPackageId().equals(exceptPackageId))
                .map(x -> new PriorEntry(x.getName(), x.getAwardCode(), x.getAwardName(),
                        entries.submittedAt(x.getNominationId())))
                .toList()).orElse(List.of());
    }

    static Finding refusal(UnpackResult.Refused refused, String archiveName) {
        String subject = "压缩包“" + archiveName + "”";
        return switch (refused.reason()) {
            case ZIP_SLIP -> new Finding(subject, "包含指向压缩包以外位置的路径（" + refused.detail() + "），已拒收",
                    "请只压缩申报资料文件夹本身后重新发送");
            case ZIP_BOMB -> new Finding(subject, "解压后的内容超出系统限制（文件过多、过大或压缩比异常），已拒收",
                    "请检查压缩包内容，只包含申报资料后重新发送");
            case ENCRYPTED -> new Finding(subject, "设置了密码，无法打开", "请去掉密码后重新压缩发送");
            case CORRUPT -> new Finding(subject, "已损坏或不完整，无法解压", "请重新压缩后发送，并确认附件完整上传");
            case EMPTY -> new Finding(subject, "是空的", "请放入全部申报资料后重新发送");
            case UNSUPPORTED_TYPE -> new Finding(subject, "不是 ZIP 格式", "请用 ZIP 格式重新压缩后发送");
        };
    }

    private String archiveType(IntakeFile attachment) {
        try (InputStream in = files.open(attachment.getStorageLocation())) {
            return ZipUnpacker.archiveType(in.readNBytes(8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IntakeMessage latestMessage(IntakePackage pkg) {
        List<IntakeMessage> all = messages.findByPackageIdOrderById(pkg.getId());
        return all.get(all.size() - 1);
    }

    static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::line).collect(Collectors.joining("\n"));
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
