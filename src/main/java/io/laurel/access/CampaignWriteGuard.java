package io.laurel.access;

import io.laurel.campaign.CampaignOperators;
import io.laurel.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.handler.MappedInterceptor;

/**
 * Every change to a campaign through the API ({@code POST/PUT/PATCH/DELETE /api/campaigns/{id}/…}: launch, roster,
 * organisation, votes, results, nominations registered by staff…) is for that campaign's operators only. The
 * security chain admits HR and association staff alike to these writes; this is where HR stops at an association
 * campaign and association staff at a company campaign. Reads have their own rules (CampaignAccess, docs/access.md).
 */
class CampaignWriteGuard implements HandlerInterceptor {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private final CampaignAccess access;

    CampaignWriteGuard(CampaignAccess access) {
        this.access = access;
    }

    /**
     * Registered as a mapped interceptor bean by a plain configuration, not as a component: the MVC test slices load
     * every HandlerInterceptor and WebMvcConfigurer component, and they lack the campaign beans this one needs.
     */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        MappedInterceptor campaignWriteGuardMapping(CampaignAccess access) {
            return new MappedInterceptor(new String[] {"/api/campaigns/*", "/api/campaigns/*/**"},
                    new CampaignWriteGuard(access));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!READS.contains(request.getMethod())) {
            access.notRunByCaller(request).ifPresent(campaign -> {
                throw new ApiException(HttpStatus.FORBIDDEN, "forbidden", "无权访问:活动「" + campaign.getName()
                        + "」由" + CampaignOperators.runBy(campaign.getKind()) + "负责,只有其组织者可以修改", null);
            });
        }
        return true;
    }
}
