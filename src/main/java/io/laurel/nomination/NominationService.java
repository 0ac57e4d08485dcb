package io.laurel.nomination;

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
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.HttpStatus;
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

    NominationService(CampaignService campaigns, PresetCatalog presets, NominationRepository nominations,
            MaterialRepository materials, EmployeeRepository employees, FileStore files) {
        this.campaigns = campaigns;
        this.presets = presets;
        this.nominations = nominations;
        this.materials = materials;
        this.employees = employees;
        this.files = files;
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
        ApiException.requireText(request.nominatorName(), "nominatorName", "提名人姓名");
        ApiException.requireText(request.nominatorContact(), "nominatorContact", "提名人联系方式");
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
                nominatorContact, reason, ClockUtil.getCurrentTime().toInstant());
        nomination.forEmployee(candidate.getId());
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
        LocalDateTime now = LocalDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), campaign.zoneId());
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
        if (file == null || file.isEmpty()) {
            throw ApiException.badRequest("file", "file: 上传的文件为空");
        }
        String name = file.getOriginalFilename() == null ? "unnamed" : file.getOriginalFilename();
        checkFormat(rule, name, file.getSize());
        StoredFile stored;
        try (InputStream in = file.getInputStream()) {
            stored = files.store(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return materials.save(new Material(campaign.getId(), nominationId, kind, name, file.getContentType(),
                stored.sizeBytes(), stored.sha256(), stored.location(), ClockUtil.getCurrentTime().toInstant()));
    }

    @Transactional(readOnly = true)
    public List<NominationView> list(Long campaignId) {
        campaigns.get(campaignId);
        return nominations.findByCampaignIdOrderById(campaignId).stream().map(NominationView::of).toList();
    }

    private static void checkFormat(Preset.MaterialRule rule, String fileName, long size) {
        if (rule.formats() != null && !rule.formats().isEmpty()) {
            String extension = fileName.contains(".")
                    ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!rule.formats().contains(extension)) {
                throw ApiException.badRequest("file", "file: 「" + rule.name() + "」只接受 " + rule.formats()
                        + " 格式,收到 " + fileName);
            }
        }
        if (rule.maxSizeBytes() != null && size > rule.maxSizeBytes()) {
            throw new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "payload_too_large",
                    "「" + rule.name() + "」不能超过 " + rule.maxSizeBytes() / 1024 / 1024 + " MB", "file");
        }
        if (rule.minSizeBytes() != null && size < rule.minSizeBytes()) {
            throw ApiException.badRequest("file", "file: 「" + rule.name() + "」至少需要 "
                    + rule.minSizeBytes() / 1024 / 1024 + " MB");
        }
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
