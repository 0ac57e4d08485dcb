package io.laurel.nomination;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.AwardSubject;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.Preset;
import io.laurel.campaign.PresetCatalog;
import io.laurel.files.FileStore;
import io.laurel.files.StoredFile;
import io.laurel.roster.Employee;
import io.laurel.roster.EmployeeRepository;
import io.laurel.web.ApiException;
import io.laurel.web.InputRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Takes nominations and their materials. Times are read from the engine clock so the nomination window
 * closes exactly when the process's deadline timer says it does.
 */
@Service
public class NominationService {

    static final String NOMINATION_PHASE = "nomination";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Set<NominationChannel> API_CHANNELS =
            Set.of(NominationChannel.SELF, NominationChannel.PEER, NominationChannel.CUSTOMER);

    private final CampaignService campaigns;
    private final PresetCatalog presets;
    private final NominationRepository nominations;
    private final MaterialRepository materials;
    private final EmployeeRepository employees;
    private final FileStore files;
    private final CampaignAccess access;
    private final MaterialInspection inspection;
    private final Clock clock;

    NominationService(CampaignService campaigns, PresetCatalog presets, NominationRepository nominations,
            MaterialRepository materials, EmployeeRepository employees, FileStore files, CampaignAccess access,
            MaterialInspection inspection, Clock clock) {
        this.access = access;
        this.inspection = inspection;
        this.campaigns = campaigns;
        this.presets = presets;
        this.nominations = nominations;
        this.materials = materials;
        this.employees = employees;
        this.files = files;
        this.clock = clock;
    }

    @Transactional
    public Nomination submit(Long campaignId, NominationRequest request) {
        Campaign campaign = campaigns.get(campaignId);
        NominationChannel channel = channel(request.channel());
        Preset preset = presets.fromJson(campaign.getPresetSnapshot());
        if (!preset.channels().contains(channel.name())) {
            throw ApiException.badRequest("channel", "channel: 本活动不接受该提名方式 " + channel);
        }
        ApiException.requireText(request.awardCode(), "awardCode", "奖项代码");
        ApiException.requireText(request.employeeNumber(), "employeeNumber", "被提名人工号");
        InputRules.requireText(request.nominatorName(), "nominatorName", "提名人姓名", InputRules.SHORT);
        InputRules.requireText(request.nominatorContact(), "nominatorContact", "提名人联系方式", InputRules.SHORT);
        ApiException.requireText(request.reason(), "reason",
                channel == NominationChannel.CUSTOMER ? "服务案例与推荐理由" : "推荐理由");
        if (campaign.award(request.awardCode()).isEmpty()) {
            throw ApiException.badRequest("awardCode", "awardCode: 本活动没有奖项 " + request.awardCode());
        }
        if (campaign.award(request.awardCode()).get().getSubject() != AwardSubject.INDIVIDUAL) {
            throw ApiException.badRequest("awardCode", "awardCode: 「" + campaign.award(request.awardCode()).get()
                    .getName() + "」不是个人奖项,不能提名个人");
        }
        Employee candidate = employees.findByCampaignIdAndEmployeeNumber(campaignId, request.employeeNumber().trim())
                .orElseThrow(() -> ApiException.badRequest("employeeNumber",
                        "employeeNumber: 花名册中没有工号 " + request.employeeNumber()));
        requireOpenWindow(campaign);
        return register(campaign, candidate, request.awardCode(), channel, request.nominatorName().trim(),
                request.nominatorContact().trim(), request.reason().trim());
    }

    /** Registers one nomination after the caller has checked window, roster and channel. */
    @Transactional
    public Nomination register(Campaign campaign, Employee candidate, String awardCode, NominationChannel channel,
            String nominator, String nominatorContact, String reason) {
        if (nominations.existsByCampaignIdAndEmployeeIdAndAwardCode(campaign.getId(), candidate.getId(), awardCode)) {
            throw ApiException.conflict(candidate.getName() + " 已被提名参评「"
                    + campaign.award(awardCode).map(a -> a.getName()).orElse(awardCode) + "」");
        }
        Nomination nomination = new Nomination(campaign.getId(), awardCode, candidate.getName(), channel, nominator,
                nominatorContact, reason, clock.instant());
        nomination.forEmployee(candidate.getId());
        return nominations.save(nomination);
    }

    /**
     * Registers a team nomination (优秀服务团队): named by its display name (team and members), for the campaign's
     * team award; its employee is the first member (the team's contact). A member already in another team for the
     * same award is refused: one person, one team.
     */
    @Transactional
    public Nomination registerTeam(Campaign campaign, List<Employee> members, String displayName, String awardCode,
            String nominator, String nominatorContact, String reason) {
        for (Employee member : members) {
            if (nominations.existsByCampaignIdAndEmployeeIdAndAwardCode(campaign.getId(), member.getId(),
                    awardCode)) {
                throw new org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException("teamMembers",
                        member.getName() + " 已在另一支参评「" + campaign.award(awardCode).map(a -> a.getName())
                                .orElse(awardCode) + "」的团队中");
            }
        }
        Nomination nomination = new Nomination(campaign.getId(), awardCode, displayName, NominationChannel.DEPARTMENT,
                nominator, nominatorContact, reason, clock.instant());
        nomination.forEmployee(members.get(0).getId());
        return nominations.save(nomination);
    }

    /** 409 unless the campaign's process runs and now lies inside its nomination window; the answer names the window. */
    public void requireOpenWindow(Campaign campaign) {
        Milestone window = campaign.milestone(NOMINATION_PHASE).orElseThrow(() ->
                ApiException.conflict("活动「" + campaign.getName() + "」没有提名阶段"));
        String zone = " (" + campaign.getTimeZone() + ")";
        String span = "提名阶段为 " + WHEN.format(window.getStartsAt())
                + (window.getEndsAt() == null ? " 起" : " 至 " + WHEN.format(window.getEndsAt())) + zone;
        if (campaign.getStatus() == CampaignStatus.DRAFT) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」尚未启动,不接受提名;" + span);
        }
        if (campaign.getStatus() != CampaignStatus.RUNNING) {
            throw ApiException.conflict("活动「" + campaign.getName() + "」已结束,不接受提名;" + span);
        }
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), campaign.zoneId());
        if (now.isBefore(window.getStartsAt())) {
            throw ApiException.conflict("提名尚未开始:" + span);
        }
        if (window.getEndsAt() != null && now.isAfter(window.getEndsAt())) {
            throw ApiException.conflict("提名已截止:截止时间为 " + WHEN.format(window.getEndsAt()) + zone);
        }
    }

    @Transactional
    public Material attach(Long nominationId, String kind, MultipartFile file) {
        Nomination nomination = nominations.findById(nominationId)
                .orElseThrow(() -> ApiException.notFound("提名不存在: " + nominationId));
        Campaign campaign = campaigns.get(nomination.getCampaignId());
        Preset.MaterialRule rule = presets.fromJson(campaign.getPresetSnapshot()).materials().stream()
                .filter(r -> r.code().equals(kind)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("kind", "kind: 本活动没有材料类型 " + kind));
        // Name, size, content by its first bytes, formats, video length, PDF scripts: the portal's check too.
        inspection.check(rule, file, "file", MaterialInspection.Accepted.ANY_KNOWN);
        String name = file.getOriginalFilename();
        StoredFile stored;
        try {
            if (rule.maxChars() != null || rule.minChars() != null) {
                // a written material (a few KB): read whole, its length checked before anything is stored
                byte[] content = file.getBytes();
                checkLength(rule, name, content);
                stored = files.store(content);
            } else {
                try (InputStream in = file.getInputStream()) {
                    stored = files.store(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return materials.save(new Material(campaign.getId(), nominationId, kind, name, file.getContentType(),
                stored.sizeBytes(), stored.sha256(), stored.location(), clock.instant()));
    }

    /**
     * A written material entered as text (the department head's Tasklist form): checked against the preset's
     * length like an uploaded file, stored as a UTF-8 text file so every channel keeps its materials alike.
     */
    @Transactional
    public Material attachText(Long nominationId, String kind, String text) {
        Nomination nomination = nominations.findById(nominationId)
                .orElseThrow(() -> ApiException.notFound("提名不存在: " + nominationId));
        Campaign campaign = campaigns.get(nomination.getCampaignId());
        Preset.MaterialRule rule = presets.fromJson(campaign.getPresetSnapshot()).materials().stream()
                .filter(r -> r.code().equals(kind)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("kind", "kind: 本活动没有材料类型 " + kind));
        byte[] content = text.strip().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String name = rule.name() + ".txt";
        checkLength(rule, name, content);
        StoredFile stored = files.store(content);
        return materials.save(new Material(campaign.getId(), nominationId, kind, name, "text/plain;charset=UTF-8",
                stored.sizeBytes(), stored.sha256(), stored.location(), clock.instant()));
    }

    /** The refusal of a written material outside the preset's length (seed 002: 服务事迹陈述 800字以内), or null. */
    public static String lengthProblem(Preset.MaterialRule rule, String text) {
        return lengthProblem(rule, TextLength.of(text));
    }

    private static String lengthProblem(Preset.MaterialRule rule, int chars) {
        if (rule.maxChars() != null && chars > rule.maxChars()) {
            return "「" + rule.name() + "」共 " + chars + " 字,应控制在 " + rule.maxChars() + " 字以内,请精简后重新提交";
        }
        if (rule.minChars() != null && chars < rule.minChars()) {
            return "「" + rule.name() + "」共 " + chars + " 字,至少需要 " + rule.minChars() + " 字";
        }
        return null;
    }

    private static void checkLength(Preset.MaterialRule rule, String fileName, byte[] content) {
        if (rule.maxChars() == null && rule.minChars() == null) {
            return;
        }
        int chars;
        try {
            chars = TextLength.of(fileName, content);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("file", "file: 无法读取「" + rule.name() + "」" + fileName
                    + " 的文字,请上传 txt、PDF 或 Word 文档");
        }
        String problem = lengthProblem(rule, chars);
        if (problem != null) {
            throw ApiException.badRequest("file", "file: " + problem);
        }
    }

    @Transactional(readOnly = true)
    public List<NominationView> list(Long campaignId, Authentication caller) {
        Campaign campaign = campaigns.get(campaignId);
        CampaignAccess.NominationScope scope = access.nominations(caller, campaign);
        if (scope instanceof CampaignAccess.DepartmentNominations department) {
            Set<Long> staff = employees.findByCampaignIdAndDepartmentOrderByEmployeeNumber(campaignId,
                    department.department()).stream().map(Employee::getId).collect(Collectors.toSet());
            return nominations.findByCampaignIdOrderById(campaignId).stream()
                    .filter(n -> n.getEmployeeId() != null && staff.contains(n.getEmployeeId()))
                    .map(NominationView::forDepartmentHead).toList();
        }
        return nominations.findByCampaignIdOrderById(campaignId).stream().map(NominationView::of).toList();
    }

    private static NominationChannel channel(String text) {
        ApiException.requireText(text, "channel", "提名方式 (SELF / PEER / CUSTOMER)");
        NominationChannel channel;
        try {
            channel = NominationChannel.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("channel", "channel: 未知的提名方式 " + text + ",可选 SELF / PEER / CUSTOMER");
        }
        if (channel == NominationChannel.DEPARTMENT) {
            throw ApiException.badRequest("channel", "channel: 部门推荐由部门主管在任务列表中提交,此处只接受 SELF / PEER / CUSTOMER");
        }
        if (!API_CHANNELS.contains(channel)) {
            throw ApiException.badRequest("channel", "channel: 单位推荐(" + channel + ")只用于协会活动的单位申报,此处只接受 "
                    + "SELF / PEER / CUSTOMER");
        }
        return channel;
    }
}
