package io.laurel.intake;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Preset;
import io.laurel.mail.MailService;
import io.laurel.unit.Unit;
import io.laurel.unit.UnitRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The campaign-level side of intake (process {@code intake-deadlines}, one instance per campaign,
 * business key {@code intake-<campaignId>}): reminders to units that have not sent a package, and the
 * summary for association staff at the deadline.
 */
@Service
public class IntakeDeadlines {

    public static final String PROCESS_KEY = "intake-deadlines";

    private final IntakeCampaigns campaigns;
    private final IntakePackageRepository packages;
    private final IntakeApplicantRepository applicants;
    private final UnitRepository units;
    private final MailService mail;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final Clock clock;

    IntakeDeadlines(IntakeCampaigns campaigns, IntakePackageRepository packages, IntakeApplicantRepository applicants,
            UnitRepository units, MailService mail, RuntimeService runtime, HistoryService history, Clock clock) {
        this.campaigns = campaigns;
        this.packages = packages;
        this.applicants = applicants;
        this.units = units;
        this.mail = mail;
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
    }

    public static String businessKey(Long campaignId) {
        return "intake-" + campaignId;
    }

    /** Starts the deadline process of every intake campaign whose deadline lies ahead and that has none yet. */
    @Transactional
    public int ensureStarted() {
        int started = 0;
        for (Campaign campaign : campaigns.intakeCampaigns()) {
            // Team registrations have no member units to remind; the contest's own process reminds its teams.
            if (campaigns.channel(campaign).isPresent()
                    || !campaigns.deadline(campaign).toInstant().isAfter(clock.instant())) {
                continue;
            }
            started += ensureStarted(campaign.getId()) ? 1 : 0;
        }
        return started;
    }

    @Transactional
    public boolean ensureStarted(Long campaignId) {
        String key = businessKey(campaignId);
        long known = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(key).count();
        if (known > 0) {
            return false;
        }
        runtime.startProcessInstanceByKey(PROCESS_KEY, key, Map.of(IntakeService.VAR_CAMPAIGN, campaignId));
        return true;
    }

    /** Units known to the campaign (member_unit) with a contact email that have sent no package. */
    @Transactional(readOnly = true)
    public List<Unit> unitsWithoutPackage(Long campaignId) {
        List<IntakePackage> received = packages.findByCampaignIdOrderById(campaignId);
        Set<String> names = received.stream().map(IntakePackage::getUnitName).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        Set<String> senders = received.stream().map(p -> p.getSender().toLowerCase()).collect(Collectors.toSet());
        Set<Long> unitIds = received.stream().map(IntakePackage::getUnitId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return units.findByCampaignIdOrderByName(campaignId).stream()
                .filter(u -> u.getContactEmail() != null && !u.getContactEmail().isBlank())
                .filter(u -> !unitIds.contains(u.getId()) && !names.contains(u.getName())
                        && !senders.contains(u.getContactEmail().toLowerCase()))
                .toList();
    }

    @Transactional
    public int sendReminders(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<Unit> late = unitsWithoutPackage(campaignId);
        Preset preset = campaigns.preset(campaign);
        String pattern = preset.materials() == null ? null : preset.materials().stream()
                .filter(m -> "UNIT".equals(m.scope()) && m.namingPattern() != null)
                .map(Preset.MaterialRule::namingPattern).findFirst().orElse(null);
        for (Unit unit : late) {
            Map<String, Object> model = new HashMap<>();
            model.put("campaignName", campaign.getName());
            model.put("unitName", unit.getName());
            model.put("contactName", unit.getContactName() == null ? "" : unit.getContactName());
            model.put("deadline", IntakeService.CHINESE_TIME.format(
                    campaigns.deadline(campaign).toInstant().atZone(IntakeService.SHANGHAI)));
            model.put("namingPattern", pattern == null ? "" : pattern);
            model.put("mailbox", campaign.getIntakeMailbox() == null ? "" : campaign.getIntakeMailbox());
            mail.queue(unit.getContactEmail(), "intake-reminder", model);
        }
        return late.size();
    }

    /** The deadline summary for staff: who sent, who did not, applicants per award, problems still open. */
    @Transactional(readOnly = true)
    public String summary(Long campaignId) {
        Campaign campaign = campaigns.get(campaignId);
        List<IntakePackage> received = packages.findByCampaignIdOrderById(campaignId);
        StringBuilder text = new StringBuilder();
        text.append(campaign.getName()).append(" 申报截止汇总\n\n已提交的单位（").append(received.size()).append(" 个包）：\n");
        for (IntakePackage p : received) {
            text.append("- ").append(p.getUnitName() == null ? p.getSender() : p.getUnitName()).append("：")
                    .append(statusName(p.getStatus())).append('\n');
        }
        List<Unit> missing = unitsWithoutPackage(campaignId);
        text.append("\n未提交的单位（").append(missing.size()).append("）：\n");
        missing.forEach(u -> text.append("- ").append(u.getName()).append('\n'));
        Map<String, Long> perAward = new LinkedHashMap<>();
        campaign.getAwards().forEach(a -> perAward.put(a.getName(), 0L));
        for (IntakeApplicant applicant : applicants.findByCampaignIdOrderByUnitIdAscPositionNoAsc(campaignId)) {
            String award = campaign.award(applicant.getAwardCode()).map(a -> a.getName())
                    .orElse(applicant.getAwardName());
            perAward.merge(award, 1L, Long::sum);
        }
        text.append("\n各奖项申报人数：\n");
        perAward.forEach((award, count) -> text.append("- ").append(award).append("：").append(count).append('\n'));
        List<IntakePackage> open = new ArrayList<>(received.stream()
                .filter(p -> p.getStatus() == IntakePackage.Status.AWAITING_SUPPLEMENT
                        || p.getStatus() == IntakePackage.Status.IN_REVIEW)
                .toList());
        text.append("\n尚未解决的问题（").append(open.size()).append(" 个包）：\n");
        for (IntakePackage p : open) {
            text.append("- ").append(p.getUnitName() == null ? p.getSender() : p.getUnitName()).append("：\n");
            if (p.getProblems() != null) {
                p.getProblems().lines().forEach(l -> text.append("    ").append(l).append('\n'));
            }
        }
        return text.toString();
    }

    static String statusName(IntakePackage.Status status) {
        return switch (status) {
            case RECEIVED -> "审核中";
            case AWAITING_SUPPLEMENT -> "待补充材料";
            case IN_REVIEW -> "待协会人工审核";
            case REGISTERED -> "已登记";
            case CLOSED_AS_IS -> "已按现有材料结案";
            case LATE -> "逾期未受理";
            case UNASSIGNED -> "未匹配到活动";
        };
    }
}
