package io.laurel.access;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignOperators;
import io.laurel.campaign.CampaignService;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Every change to a campaign through the API ({@code POST/PUT/PATCH/DELETE /api/campaigns/{id}/…}: launch, roster,
 * organisation, votes, results, nominations registered by staff…) is for that campaign's operators only. The
 * security chain admits HR and association staff alike to these writes; this is where HR stops at an association
 * campaign and association staff at a company campaign. Reads have their own rules (CampaignAccess, docs/access.md).
 */
class CampaignWriteGuard implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final CampaignService campaigns;
    private final CampaignAccess access;

    CampaignWriteGuard(CampaignService campaigns, CampaignAccess access) {
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
        MappedInterceptor campaignWriteGuardMapping(CampaignService campaigns, CampaignAccess access) {
            return new MappedInterceptor(new String[] {"/api/campaigns/*", "/api/campaigns/*/**"},
                    new CampaignWriteGuard(campaigns, access));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (READS.contains(request.getMethod())
                || !(request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables)
                || !(variables.get("id") instanceof String id) || id.isEmpty()
                || !id.chars().allMatch(Character::isDigit)) {
            return true;
        }
        Campaign campaign = campaigns.get(Long.valueOf(id));
        if (!access.operates(SecurityContextHolder.getContext().getAuthentication(), campaign)) {
            throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "无权访问:活动「" + campaign.getName() + "」由"
                    + CampaignOperators.runBy(campaign.getKind()) + "负责,只有其组织者可以修改",
                    null);
        }
        return true;
    }
}
