package io.laurel.staff;

import io.laurel.access.CampaignAccess;
import io.laurel.campaign.CampaignOperators;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.HandlerInterceptor;
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

    private final CampaignAccess access;

    CampaignOperatorGuard(CampaignAccess access) {
        this.access = access;
    }

    /** A mapped interceptor bean from a plain configuration, as {@code access.CampaignWriteGuard} (MVC test slices). */
    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        MappedInterceptor campaignOperatorGuardMapping(CampaignAccess access) {
            return new MappedInterceptor(new String[] {"/staff/campaigns/*", "/staff/campaigns/*/**"},
                    new CampaignOperatorGuard(access));
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        access.notRunByCaller(request).ifPresent(campaign -> {
            throw new NotTheOperator("活动「" + campaign.getName() + "」由"
                    + CampaignOperators.runBy(campaign.getKind()) + "负责,您的账号不能查看或操作此活动。");
        });
        return true;
    }
}
