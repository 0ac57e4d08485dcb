package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.intake.validation.Assessment;
import io.laurel.intake.validation.PriorEntry;
import io.laurel.mail.MailService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What intake answers the sender (receipt, problem list, late notice, closing note) and shows staff (the review
 * text). The receipt names what was registered, what the package repeats of an earlier mail (and when that was
 * registered), and the nonconformities an entry was registered with.
 */
@Service
public class IntakeReplies {

    private final IntakePackageRepository packages;
    private final IntakeApplicantRepository applicants;
    private final IntakeFileRepository intakeFiles;
    private final IntakeCampaigns campaigns;
    private final PackageChecks checks;
    private final PackageRegistration registration;
    private final MailService mail;
    private final Clock clock;

    IntakeReplies(IntakePackageRepository packages, IntakeApplicantRepository applicants,
            IntakeFileRepository intakeFiles, IntakeCampaigns campaigns, PackageChecks checks,
            PackageRegistration registration, MailService mail, Clock clock) {
        this.packages = packages;
        this.applicants = applicants;
        this.intakeFiles = intakeFiles;
        this.campaigns = campaigns;
        this.checks = checks;
        this.registration = registration;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional
    public void sendReceipt(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        pkg.changeStatus(IntakePackage.Status.REGISTERED, clock.instant());
        Map<String, Object> model = baseModel(pkg);
        List<IntakeApplicant> registered = applicants.findByPackageIdOrderByPositionNo(packageId);
        List<String> lines = new ArrayList<>(applicantLines(registered));
        Optional<IntakeChannel> channel = campaigns.channel(campaigns.get(pkg.getCampaignId()));
        List<String> repeats = new ArrayList<>();
        if (channel.isPresent()) {
            lines.addAll(channel.get().receiptLines(packageId));
        } else {
            repeats.addAll(repeatLines(pkg));
        }
        model.put("applicants", lines);
        model.put("repeats", repeats);
        model.put("flags", registered.stream().filter(x -> x.getNonconformities() != null)
                .flatMap(x -> x.getNonconformities().lines().map(l -> x.getName() + "（" + x.getAwardName() + "）：" + l))
                .toList());
        mail.queue(replyTo(pkg), "intake-receipt", model);
    }

    /** The package's applicants that the unit had registered from an earlier mail, with when. */
    private List<String> repeatLines(IntakePackage pkg) {
        Optional<Assessment> a = checks.assess(pkg);
        if (a.isEmpty() || pkg.getUnitName() == null) {
            return List.of();
        }
        List<PriorEntry> prior = checks.prior(pkg.getCampaignId(), pkg.getUnitName(), pkg.getId());
        List<String> lines = new ArrayList<>();
        for (Assessment.Applicant applicant : a.get().applicants()) {
            prior.stream().filter(p -> p.name().equals(applicant.name())
                    && p.awardCode().equals(applicant.awardCode())
                    && (p.awardName() == null || p.awardName().equals(applicant.awardName()))).findFirst()
                    .ifPresent(p -> lines.add(p.name() + " — " + p.awardName() + "：已于 "
                            + IntakeService.CHINESE_TIME.format(p.registeredAt().atZone(IntakeService.SHANGHAI))
                            + " 登记，本次未重复登记"));
        }
        return lines;
    }

    /** Mails the open problems, sets the package waiting for a resubmission until {@code until}. */
    @Transactional
    public void sendProblems(Long packageId, Date until) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        pkg.changeStatus(IntakePackage.Status.AWAITING_SUPPLEMENT, clock.instant());
        Map<String, Object> model = baseModel(pkg);
        model.put("problems", problemLines(pkg));
        model.put("supplementDeadline", IntakeService.CHINESE_TIME.format(until.toInstant()
                .atZone(IntakeService.SHANGHAI)));
        mail.queue(replyTo(pkg), "intake-problems", model);
    }

    @Transactional
    public void sendLateNotice(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        Map<String, Object> model = baseModel(pkg);
        model.put("receivedAt", IntakeService.CHINESE_TIME.format(checks.latestMessage(pkg).getReceivedAt()
                .atZone(IntakeService.SHANGHAI)));
        mail.queue(replyTo(pkg), "intake-late", model);
    }

    /** The supplement window passed: registers what is valid, tells the unit what was and was not registered. */
    @Transactional
    public void closeAsIs(Long packageId) {
        IntakePackage pkg = packages.findById(packageId).orElseThrow();
        List<IntakeApplicant> registered = registration.register(packageId, false);
        List<String> still = problemLines(pkg);
        pkg.changeStatus(IntakePackage.Status.CLOSED_AS_IS, clock.instant());
        Map<String, Object> model = baseModel(pkg);
        List<String> lines = new ArrayList<>(applicantLines(applicants.findByPackageIdOrderByPositionNo(packageId)));
        campaigns.channel(campaigns.get(pkg.getCampaignId())).ifPresent(c -> lines.addAll(c.receiptLines(packageId)));
        model.put("applicants", lines);
        model.put("problems", still);
        model.put("registeredNow", registered.size());
        mail.queue(replyTo(pkg), "intake-closed", model);
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
        IntakeMessage message = checks.latestMessage(pkg);
        StringBuilder text = new StringBuilder();
        text.append("单位：").append(PackageChecks.nullToEmpty(pkg.getUnitName())).append('\n');
        text.append("发件人：").append(message.getSender()).append('\n');
        text.append("邮件主题：").append(PackageChecks.nullToEmpty(message.getSubject())).append('\n');
        text.append("需要决定的事项：\n").append(PackageChecks.nullToEmpty(pkg.getProblems())).append('\n');
        text.append("原始邮件：").append(message.getEmlLocation()).append(" (sha256 ").append(message.getEmlSha256())
                .append(")\n文件：\n");
        for (IntakeFile file : intakeFiles.findByMessageIdOrderById(message.getId())) {
            text.append("- ").append(file.getPath()).append(" → ").append(file.getStorageLocation()).append('\n');
        }
        return text.toString();
    }

    private String replyTo(IntakePackage pkg) {
        return checks.latestMessage(pkg).getSender();
    }

    private Map<String, Object> baseModel(IntakePackage pkg) {
        Campaign campaign = campaigns.get(pkg.getCampaignId());
        Map<String, Object> model = new HashMap<>();
        model.put("campaignName", campaign.getName());
        model.put("unitName", pkg.getUnitName() == null ? "贵单位" : pkg.getUnitName());
        model.put("deadline", IntakeService.CHINESE_TIME.format(campaigns.deadline(campaign).toInstant()
                .atZone(IntakeService.SHANGHAI)));
        model.put("packageId", pkg.getId());
        return model;
    }

    private static List<String> problemLines(IntakePackage pkg) {
        return pkg.getProblems() == null ? List.of() : pkg.getProblems().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> applicantLines(List<IntakeApplicant> list) {
        return list.stream().map(x -> x.getName() + " — " + x.getAwardName()).toList();
    }
}
