package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.mail.MailService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands stored mails to the {@code package-intake} process: starts it for a new package of the campaign the
 * mail is for, or correlates a unit's resubmission. The process then checks ({@link PackageChecks}), registers
 * ({@link PackageRegistration}) and answers ({@link IntakeReplies}). Times come from the engine clock
 * (the {@link java.time.Clock} bean), so tests move them with the timers.
 */
@Service
public class IntakeService {

    public static final String PROCESS_KEY = "package-intake";
    public static final String RESUBMISSION_MESSAGE = "PackageResubmitted";
    public static final String VAR_PACKAGE = "intakePackageId";
    public static final String VAR_CAMPAIGN = "campaignId";

    /** Verdicts of {@link PackageChecks#check}: the process's gateway branches on them. */
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
    private final IntakeCampaigns campaigns;
    private final MailService mail;
    private final RuntimeService runtime;
    private final Clock clock;

    IntakeService(IntakePackageRepository packages, IntakeMessageRepository messages, IntakeFileRepository intakeFiles,
            IntakeCampaigns campaigns, MailService mail, RuntimeService runtime, Clock clock) {
        this.packages = packages;
        this.messages = messages;
        this.intakeFiles = intakeFiles;
        this.campaigns = campaigns;
        this.mail = mail;
        this.runtime = runtime;
        this.clock = clock;
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
        Instant now = clock.instant();
        String archiveName = intakeFiles.findByMessageIdAndOriginOrderById(message.getId(), IntakeFile.ATTACHMENT)
                .stream().map(IntakeFile::getPath).findFirst().orElse(null);
        Optional<Campaign> campaign = campaigns.choose(archiveName, message.getSubject(), now);
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
