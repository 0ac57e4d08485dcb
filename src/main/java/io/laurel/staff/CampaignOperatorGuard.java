package io.laurel.staff;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignOperators;
import io.laurel.campaign.CampaignService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Every console page of one campaign ({@code /staff/campaigns/{id}/…}: dashboard, uploads, organisation, phase
 * actions, exports, original mails) is for that campaign's operators: HR for a company campaign, association staff
 * for an association campaign, and admins. Both groups may use the console, so the group check at the door is not
 * enough; without this, HR could download an association's original mails or end its phases.
 */
class CampaignOperatorGuard implements HandlerInterceptor {

    /** Refusal with the reason the forbidden page shows. */
    static final class NotTheOperator extends AccessDeniedException {
        NotTheOperator(String message) {
            super(message);
        }
    }

    private final CampaignService campaigns;
    private final CampaignAccess access;

    CampaignOperatorGuard(CampaignService campaigns, CampaignAccess access) {
        this.campaigns = campaigns;
        this.access = access;
    }

    /**
     * Registered as a mapped interceptor bean by a plain configuration, not as a component: the MVC test slices load
     * every HandlerInterceptor and WebMvcConfigurer component, and they lack the campaign beans this one needs.
     */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        MappedInterceptor campaignOperatorGuardMapping(CampaignService campaigns, CampaignAccess access) {
            return new MappedInterceptor(new String[] {"/staff/campaigns/*", "/staff/campaigns/*/**"},
                    new CampaignOperatorGuard(campaigns, access));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id) || !id.chars().allMatch(Character::isDigit)
                || id.isEmpty()) {
            return true;
        }
        Campaign campaign = campaigns.get(Long.valueOf(id));
        if (!access.operates(SecurityContextHolder.getContext().getAuthentication(), campaign)) {
            throw new NotTheOperator("活动「" + campaign.getName() + "」由"
                    + CampaignOperators.runBy(campaign.getKind()) + "负责,您的账号不能查看或操作此活动。");
        }
        return true;
    }
}
