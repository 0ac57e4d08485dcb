package io.laurel.access;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignKind;
import io.laurel.campaign.CampaignOperators;
import io.laurel.campaign.CampaignService;
import io.laurel.campaign.CampaignStatus;
import io.laurel.identity.LaurelGroups;
import io.laurel.process.AwardSelection;
import io.laurel.roster.DepartmentHead;
import io.laurel.roster.DepartmentHeadRepository;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Who sees what of a campaign, by working group and phase (the matrix in docs/access.md). The campaign's
 * operators — HR for company campaigns, association staff for association campaigns, and admins — see
 * everything; a department head sees the nominations of their own department without the nominators; the
 * committee and the heads read results only once they are published (the public notice has begun or the
 * campaign is closed). Everything else is refused with a Chinese reason.
 */
@Service
public class CampaignAccess implements CampaignOperators {

    /** The activity that publishes the winners (公示); once it has run, results are public. */
    static final String PUBLISH_ACTIVITY = "publishWinners";

    private final HistoryService history;
    private final DepartmentHeadRepository heads;
    private final CampaignService campaigns;

    CampaignAccess(HistoryService history, DepartmentHeadRepository heads, CampaignService campaigns) {
        this.history = history;
        this.heads = heads;
        this.campaigns = campaigns;
    }

    /**
     * The campaign a request names by its {@code {id}} path variable, when the signed-in caller does not run it; empty
     * when the caller runs it or the path names no campaign. The console's and the API's guards refuse on it.
     */
    public Optional<Campaign> notRunByCaller(HttpServletRequest request) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id) || id.isEmpty()
                || !id.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Campaign campaign = campaigns.get(Long.valueOf(id));
        return operates(SecurityContextHolder.getContext().getAuthentication(), campaign) ? Optional.empty()
                : Optional.of(campaign);
    }

    /** What of a campaign's nominations the caller may list. */
    public sealed interface NominationScope {
    }

    /** Every nomination with every field (operators). */
    public record AllNominations() implements NominationScope {
    }

    /** The nominations of one department, nominators hidden (its head). */
    public record DepartmentNominations(String department) implements NominationScope {
    }

    /** The group that runs campaigns of this kind. */
    public static String operatorGroup(Campaign campaign) {
        return operatorGroup(campaign.getKind());
    }

    public static String operatorGroup(CampaignKind kind) {
        return kind == CampaignKind.ASSOCIATION ? LaurelGroups.ASSOCIATION_STAFF : LaurelGroups.HR;
    }

    public boolean operates(Authentication caller, Campaign campaign) {
        return runs(caller, campaign.getKind());
    }

    /** Whether the caller runs campaigns of this kind (HR company campaigns, association staff theirs, admins all). */
    @Override
    public boolean runs(Authentication caller, CampaignKind kind) {
        Set<String> groups = groups(caller);
        return groups.contains(LaurelGroups.ADMIN) || groups.contains(operatorGroup(kind));
    }

    /** 403 unless the caller runs this campaign; {@code what} names the resource in Chinese. */
    public void requireOperator(Authentication caller, Campaign campaign, String what) {
        if (!operates(caller, campaign)) {
            throw forbidden(what + "仅供本活动的" + CampaignOperators.runBy(campaign.getKind()) + "查看");
        }
    }

    public NominationScope nominations(Authentication caller, Campaign campaign) {
        if (operates(caller, campaign)) {
            return new AllNominations();
        }
        Optional<String> department = groups(caller).contains(LaurelGroups.DEPARTMENT_HEADS)
                && campaign.getKind() == CampaignKind.COMPANY
                ? heads.findByUserId(caller.getName()).map(DepartmentHead::getDepartment) : Optional.empty();
        return department.<NominationScope>map(DepartmentNominations::new).orElseThrow(() -> forbidden(
                "提名名单仅供本活动的组织者和各部门主管(仅本部门)查看;评审材料请在任务列表中查看"));
    }

    /** Results: operators at any time, every other working group once they are published. */
    public void requireResults(Authentication caller, Campaign campaign) {
        if (!operates(caller, campaign) && !resultsPublished(campaign)) {
            throw forbidden("评选结果尚未公示,公示开始前仅供本活动的组织者查看");
        }
    }

    public boolean resultsPublished(Campaign campaign) {
        if (campaign.getStatus() == CampaignStatus.CLOSED) {
            return true;
        }
        if (campaign.getStatus() != CampaignStatus.RUNNING) {
            return false;
        }
        return history.createHistoricProcessInstanceQuery().processDefinitionKey(AwardSelection.PROCESS_KEY)
                .processInstanceBusinessKey(campaign.getId().toString()).list().stream()
                .anyMatch(instance -> history.createHistoricActivityInstanceQuery()
                        .processInstanceId(instance.getId()).activityId(PUBLISH_ACTIVITY).finished().count() > 0);
    }

    private static Set<String> groups(Authentication caller) {
        return caller == null ? Set.of()
                : caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }

    private static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "无权访问:" + message, null);
    }
}
