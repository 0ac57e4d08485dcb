package io.laurel.intake;

import io.laurel.campaign.AwardQuotas;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.files.FileStore;
import io.laurel.intake.archive.UnpackResult;
import io.laurel.intake.archive.UnpackedEntry;
import io.laurel.intake.archive.ZipUnpacker;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.Finding;
import io.laurel.intake.validation.PackageInspector;
import io.laurel.mail.MailService;
import io.laurel.nomination.Material;
import io.laurel.nomination.MaterialRepository;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.nomination.NominationStatus;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the {@code package-intake} process does with a package: start or correlate it from a stored
 * message, check it, register its applicants, and answer the sender. Times come from the engine clock
 * ({@link ClockUtil}), so tests move them with the timers.
 */
@Service
public class IntakeService {

    public static final String PROCESS_KEY = "package-intake";
    public static final String RESUBMISSION_MESSAGE = "PackageResubmitted";
    public static final String VAR_PACKAGE = "intakePackageId";
    public static final String VAR_CAMPAIGN = "campaignId";

    /** Verdicts of {@link #check}: the process's gateway branches on them. */
    public static final String LATE = "LATE";
    public static final String PROBLEMS = "PROBLEMS";
    public static final String NEEDS_DECISION = "NEEDS_DECISION";
    public static final String COMPLETE = "COMPLETE";

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm", Locale.CHINA);

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    private final IntakePackageRepository packages;
    private final IntakeMessageRepository messages;
    private final IntakeFileRepository intakeFiles;
    private final IntakeApplicantRepository applicants;
    private final IntakeCampaigns campaigns;
    private final ZipUnpacker unpacker;
    private final PackageInspector inspector;
    private final FileStore files;
    private final MailService mail;
    private final RuntimeService runtime;
    private final UnitRepository units;
    private final NominationRepository nominations;
    private final MaterialRepository materials;
    private final AwardQuotas quotas;
    private final IntakeProperties properties;
    private final java.util.List<TeamIntake> teamIntakes;

    IntakeService(IntakePackageRepository packages, IntakeMessageRepository messages, IntakeFileRepository intakeFiles,
            IntakeApplicantRepository applicants, IntakeCampaigns campaigns, ZipUnpacker unpacker,
            PackageInspector inspector, FileStore files, MailService mail, RuntimeService runtime,
            UnitRepository units, NominationRepository nominations, MaterialRepository materials, AwardQuotas quotas,
            IntakeProperties properties, java.util.List<TeamIntake> teamIntakes) {
        this.teamIntakes = teamIntakes;
        this.packages = packages;
        this.messages = messages;
        this.intakeFiles = intakeFiles;
        this.applicants = applicants;
        this.campaigns = campaigns;
        this.unpacker = unpacker;
        this.inspector = inspector;
        this.files = files;
        this.mail = mail;
        this.runtime = runtime;
        this.units = units;
        this.nominations = nominations;
        this.materials = materials;
        this.quotas = quotas;
        this.properties = properties;
    }

    // ---------------------------------------------------------------- dispatch (poller)

    /**
     * Hands a stored message to the process, in one transaction with marking it dispatched: a resubmission
     * from a unit whose package waits for one is correlated to that instance, anything else starts a new
     * {@code package-intake} instance (business key = Message-ID). A message already dispatched is left alone.
     */
    @Transactional
    public void dispatch(Long messageRowId) {
        IntakeMessage message = messages.findById(messageRowId).orElseThrow();
        if (message.getStatus() != IntakeMessage.Status.STORED) {
            return;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String archiveName = intakeFiles.findByMessageIdAndOriginOrderById(message.getId(), IntakeFile.ATTACHMENT)
                .stream().map(IntakeFile::getPath).findFirst().orElse(null);
        Optional<Campaign> campaign = campaigns.choose(archiveName, message.getSubject());
        if (campaign.isEmpty()) {
            IntakePackage orphan = packages.save(new IntakePackage(null, message.getSender(), now));
            orphan.changeStatus(IntakePackage.Status.UNASSIGNED, now);
            message.dispatched(orphan.getId());
            mail.queue(message.getSender(), "intake-unassigned", Map.of("subject", nullToEmpty(message.getSubject())));
            log.warn("Intake message {} matches no open campaign; kept and answered", message.getMessageId());
            return;
        }
        Long campaignId = campaign.get().getId();
        String unitGuess = unitNameGuess(archiveName);
        Optional<IntakePackage> waiting = packages
                .findByCampaignIdAndStatusOrderById(campaignId, IntakePackage.Status.AWAITING_SUPPLEMENT).stream()
                .filter(p -> p.getSender().equalsIgnoreCase(message.getSender())
                        || (unitGuess != null && unitGuess.equals(p.getUnitName())))
                .findFirst();
        if (waiting.isPresent()) {
            IntakePackage pkg = waiting.get();
            message.dispatched(pkg.getId());
            pkg.changeStatus(IntakePackage.Status.RECEIVED, now);
            runtime.createMessageCorrelation(RESUBMISSION_MESSAGE).processInstanceId(pkg.getProcessInstanceId())
                    .correlateWithResult();
            log.info("Intake message {} is a resubmission of package {}", message.getMessageId(), pkg.getId());
            return;
        }
        IntakePackage pkg = packages.save(new IntakePackage(campaignId, message.getSender(), now));
        pkg.identifyUnit(unitGuess, null);
        message.dispatched(pkg.getId());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_PACKAGE, pkg.getId());
        variables.put(VAR_CAMPAIGN, campaignId);
        String businessKey = message.getMessageId().length() > 255 ? message.getMessageId().substring(0, 255)
                : message.getMessageId();
        ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, variables);
        pkg.attachProcess(instance.getId());
        log.info("Intake message {} started package {} (instance {})", message.getMessageId(), pkg.getId(),
                instance.getId());
    }

    // ---------------------------------------------------------------- check

    /** Checks the package's latest message; records its problems and answers one of the verdicts. */
    @Transactional
    public Verdict check(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        IntakeMessage message = latestMessage(pkg);
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (!message.getReceivedAt().isBefore(campaigns.deadline(campaign).toInstant())) {
            pkg.changeStatus(IntakePackage.Status.LATE, now);
            return new Verdict(LATE, null);
        }
        Optional<Assessment> assessment = assess(campaign, message, pkg);
        if (assessment.isEmpty()) {
            return new Verdict(PROBLEMS, null);
        }
        Assessment a = assessment.get();
        pkg.identifyUnit(a.unitName(), null);
        if (!a.problems().isEmpty()) {
            pkg.recordProblems(lines(a.problems()));
            return new Verdict(PROBLEMS, a);
        }
        if (!a.decisions().isEmpty()) {
            pkg.recordProblems(lines(a.decisions()));
            pkg.changeStatus(IntakePackage.Status.IN_REVIEW, now);
            return new Verdict(NEEDS_DECISION, a);
        }
        pkg.recordProblems(null);
        return new Verdict(COMPLETE, a);
    }

    public record Verdict(String outcome, Assessment assessment) {
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
        List<IntakeFile> entries = intakeFiles.findByMessageIdAndOriginOrderById(message.getId(), IntakeFile.ENTRY);
        if (entries.isEmpty()) {
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
                entries.add(intakeFiles.save(new IntakeFile(message.getId(), IntakeFile.ENTRY, entry.path(), null,
                        entry.sizeBytes(), entry.sha256(), entry.location())));
            }
        }
        List<UnpackedEntry> unpacked = entries.stream().map(f -> new UnpackedEntry(f.getPath(), f.getSizeBytes(),
                f.getSha256(), f.getStorageLocation())).toList();
        return Optional.of(inspector.inspect(campaigns.preset(campaign), unpacked, archive.getPath(),
                nullToEmpty(message.getSubject()) + "\n" + nullToEmpty(message.getBodyText())));
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

    private static boolean looksLikeArchive(String name) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".zip") || lower.endsWith(".rar") || lower.endsWith(".7z");
    }

    private String archiveType(IntakeFile attachment) {
        try (InputStream in = files.open(attachment.getStorageLocation())) {
            return ZipUnpacker.archiveType(in.readNBytes(8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- register

    /**
     * Registers the unit, its valid applicants as nominations (channel UNIT, status SUBMITTED) and their
     * materials. With {@code staffApproved} the applicants held only for a staff decision count as valid
     * and per-unit limits are waived (the exception was granted); otherwise applicants over a limit are
     * cut in summary-table order. Applicants this unit already registered are not registered twice.
     */
    @Transactional
    public List<IntakeApplicant> register(Long packageId, boolean staffApproved) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        IntakeMessage message = latestMessage(pkg);
        Assessment a = assess(campaign, message, pkg).orElse(null);
        if (a == null) {
            return List.of();
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        String unitName = a.unitName() != null ? a.unitName() : pkg.getSender();
        String contact = a.summary() != null ? a.summary().contactName() : null;
        String phone = a.summary() != null ? a.summary().phone() : null;
        String email = a.summary() != null && a.summary().email() != null ? a.summary().email() : message.getSender();
        Unit unit = units.findByCampaignIdAndName(campaign.getId(), unitName).orElse(null);
        if (unit == null) {
            unit = units.save(new Unit(campaign.getId(), unitName, contact, phone, email));
        } else {
            unit.updateContact(contact != null ? contact : unit.getContactName(),
                    phone != null ? phone : unit.getContactPhone(), email);
        }
        pkg.identifyUnit(unitName, unit.getId());
        if (campaigns.teamIntake(campaign)) {
            registerTeam(campaign, pkg, email, a);
            return List.of();
        }
        List<Assessment.Applicant> chosen = new ArrayList<>(a.applicants().stream()
                .filter(x -> x.awardCode() != null && x.name() != null)
                .filter(x -> x.valid() || (staffApproved && onlyDecisionsAgainst(a, x))).toList());
        if (!staffApproved) {
            chosen = withinLimits(campaign.getPresetKey(), chosen);
        }
        List<IntakeApplicant> existing = applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(campaign.getId())
                .stream().filter(x -> x.getUnitId().equals(pkg.getUnitId())).toList();
        int position = existing.size();
        List<IntakeApplicant> registered = new ArrayList<>();
        for (Assessment.Applicant applicant : chosen) {
            boolean already = existing.stream().anyMatch(x -> x.getName().equals(applicant.name())
                    && x.getAwardCode().equals(applicant.awardCode()));
            if (already) {
                continue;
            }
            Nomination nomination = new Nomination(campaign.getId(), applicant.awardCode(), applicant.name(),
                    NominationChannel.UNIT, unitName, email, null, now);
            nomination.fromUnit(unit.getId());
            nomination.changeStatus(NominationStatus.SUBMITTED);
            nomination = nominations.save(nomination);
            for (Assessment.ClassifiedFile file : applicant.files()) {
                materials.save(new Material(campaign.getId(), nomination.getId(), materialKind(file),
                        file.entry().fileName(), null, file.entry().sizeBytes(), file.entry().sha256(),
                        file.entry().location(), message.getReceivedAt()));
            }
            SummaryRow row = SummaryRow.of(applicant);
            registered.add(applicants.save(new IntakeApplicant(pkg.getId(), campaign.getId(), unit.getId(),
                    nomination.getId(), ++position, applicant.name(), row.position, row.mobile, row.email,
                    applicant.awardCode(), applicant.awardName())));
        }
        for (Assessment.ClassifiedFile file : a.unitFiles()) {
            materials.save(new Material(campaign.getId(), null, file.entry().fileName().contains("汇总")
                    ? "unit-summary" : file.kind().isImage() || file.kind().name().equals("PDF") ? "business-licence"
                            : "unit-other", file.entry().fileName(), null, file.entry().sizeBytes(),
                    file.entry().sha256(), file.entry().location(), message.getReceivedAt()));
        }
        return registered;
    }

    /** A team registration: the contest feature registers the team; its files are kept as campaign materials. */
    private void registerTeam(Campaign campaign, IntakePackage pkg, String email, Assessment a) {
        IntakeMessage message = latestMessage(pkg);
        teamIntakes.forEach(t -> t.register(campaign.getId(), pkg.getId(), email, a));
        for (Assessment.ClassifiedFile file : a.unitFiles()) {
            materials.save(new Material(campaign.getId(), null, file.kind().isVideo() ? "team-intro-video"
                    : "team-registration-form", file.entry().fileName(), null, file.entry().sizeBytes(),
                    file.entry().sha256(), file.entry().location(), message.getReceivedAt()));
        }
    }

    private record SummaryRow(String position, String mobile, String email) {
        static SummaryRow of(Assessment.Applicant applicant) {
            return applicant.row() == null ? new SummaryRow(null, null, null)
                    : new SummaryRow(applicant.row().position(), applicant.row().mobile(), applicant.row().email());
        }
    }

    private static boolean onlyDecisionsAgainst(Assessment a, Assessment.Applicant applicant) {
        String subject = "申报人 " + applicant.name();
        return a.problems().stream().noneMatch(f -> f.subject().equals(subject));
    }

    private List<Assessment.Applicant> withinLimits(String presetKey, List<Assessment.Applicant> chosen) {
        Map<String, Integer> taken = new LinkedHashMap<>();
        Integer total = quotas.of(presetKey, PackageInspector.ENTRY_CODE).perUnitLimit();
        List<Assessment.Applicant> kept = new ArrayList<>();
        for (Assessment.Applicant applicant : chosen) {
            Integer limit = applicant.awardCode().equals(PackageInspector.ENTRY_CODE) ? null
                    : quotas.of(presetKey, applicant.awardCode()).perUnitLimit();
            int count = taken.getOrDefault(applicant.awardCode(), 0);
            if ((limit != null && count >= limit) || (total != null && kept.size() >= total)) {
                continue;
            }
            taken.put(applicant.awardCode(), count + 1);
            kept.add(applicant);
        }
        return kept;
    }

    private static String materialKind(Assessment.ClassifiedFile file) {
        return switch (file.kind()) {
            case MP4, QUICKTIME, AVI, FLV, SWF -> "video";
            case JPEG, PNG, OTHER_IMAGE -> "photo";
            case PDF -> "application-form-pdf";
            case DOC, DOCX -> "application-form-word";
            default -> "other";
        };
    }

    // ---------------------------------------------------------------- answers

    @Transactional
    public void sendReceipt(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        pkg.changeStatus(IntakePackage.Status.REGISTERED, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> model = baseModel(pkg);
        List<String> lines = applicantLines(applicants.findByPackageIdOrderByPositionNo(packageId));
        if (lines.isEmpty()) {
            teamIntakes.forEach(t -> lines.addAll(t.receiptLines(packageId)));
        }
        model.put("applicants", lines);
        mail.queue(replyTo(pkg), "intake-receipt", model);
    }

    /** Mails the open problems, sets the package waiting for a resubmission until {@code until}. */
    @Transactional
    public void sendProblems(Long packageId, Date until) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        pkg.changeStatus(IntakePackage.Status.AWAITING_SUPPLEMENT, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> model = baseModel(pkg);
        model.put("problems", problemLines(pkg));
        model.put("supplementDeadline", CHINESE_TIME.format(until.toInstant().atZone(SHANGHAI)));
        mail.queue(replyTo(pkg), "intake-problems", model);
    }

    @Transactional
    public void sendLateNotice(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Map<String, Object> model = baseModel(pkg);
        model.put("receivedAt", CHINESE_TIME.format(latestMessage(pkg).getReceivedAt().atZone(SHANGHAI)));
        mail.queue(replyTo(pkg), "intake-late", model);
    }

    /** The supplement window passed: registers what is valid, tells the unit what was and was not registered. */
    @Transactional
    public void closeAsIs(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        List<IntakeApplicant> registered = register(packageId, false);
        Check still = new Check(problemLines(pkg));
        pkg.changeStatus(IntakePackage.Status.CLOSED_AS_IS, ClockUtil.getCurrentTime().toInstant());
        Map<String, Object> model = baseModel(pkg);
        model.put("applicants", applicantLines(applicants.findByPackageIdOrderByPositionNo(packageId)));
        model.put("problems", still.lines);
        model.put("registeredNow", registered.size());
        mail.queue(replyTo(pkg), "intake-closed", model);
    }

    private record Check(List<String> lines) {
    }

    /** Staff asked for a supplement: their comment joins the problems the unit is told about. */
    @Transactional
    public void addStaffComment(Long packageId, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        String existing = pkg.getProblems() == null ? "" : pkg.getProblems() + "\n";
        pkg.recordProblems(existing + "协会工作人员意见：" + comment.strip());
    }

    /** Parsed details and stored originals for the staff task, as plain text. */
    @Transactional(readOnly = true)
    public String reviewText(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        IntakeMessage message = latestMessage(pkg);
        StringBuilder text = new StringBuilder();
        text.append("单位：").append(nullToEmpty(pkg.getUnitName())).append('\n');
        text.append("发件人：").append(message.getSender()).append('\n');
        text.append("邮件主题：").append(nullToEmpty(message.getSubject())).append('\n');
        text.append("需要决定的事项：\n").append(nullToEmpty(pkg.getProblems())).append('\n');
        text.append("原始邮件：").append(message.getEmlLocation()).append(" (sha256 ").append(message.getEmlSha256())
                .append(")\n文件：\n");
        for (IntakeFile file : intakeFiles.findByMessageIdOrderById(message.getId())) {
            text.append("- ").append(file.getPath()).append(" → ").append(file.getStorageLocation()).append('\n');
        }
        return text.toString();
    }

    // ---------------------------------------------------------------- helpers

    public IntakeMessage latestMessage(IntakePackage pkg) {
        List<IntakeMessage> all = messages.findByPackageIdOrderById(pkg.getId());
        return all.get(all.size() - 1);
    }

    private String replyTo(IntakePackage pkg) {
        return latestMessage(pkg).getSender();
    }

    private Map<String, Object> baseModel(IntakePackage pkg) {
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        Map<String, Object> model = new HashMap<>();
        model.put("campaignName", campaign.getName());
        model.put("unitName", pkg.getUnitName() == null ? "贵单位" : pkg.getUnitName());
        model.put("deadline", CHINESE_TIME.format(campaigns.deadline(campaign).toInstant().atZone(SHANGHAI)));
        model.put("packageId", pkg.getId());
        return model;
    }

    private static List<String> problemLines(IntakePackage pkg) {
        return pkg.getProblems() == null ? List.of() : pkg.getProblems().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> applicantLines(List<IntakeApplicant> list) {
        return list.stream().map(x -> x.getName() + " — " + x.getAwardName()).collect(Collectors.toList());
    }

    private static String lines(List<Finding> findings) {
        return findings.stream().map(Finding::line).collect(Collectors.joining("\n"));
    }

    static String unitNameGuess(String archiveName) {
        if (archiveName == null) {
            return null;
        }
        String[] parts = archiveName.replaceFirst("\\.[A-Za-z0-9]+$", "").split("[+＋]");
        return parts.length >= 2 && !parts[0].isBlank() ? parts[0].strip() : null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
