package io.laurel.campaign;

import org.springframework.security.core.Authentication;

/**
 * Who runs campaigns of a kind (HR company campaigns, association staff association campaigns, admins all); the
 * access module answers. Declared here so that creating a campaign can ask without campaign depending on access.
 */
public interface CampaignOperators {

    boolean runs(Authentication caller, CampaignKind kind);

    /** The group that runs campaigns of this kind, in Chinese (人力资源部 / 协会秘书处). */
    static String runBy(CampaignKind kind) {
        return kind == CampaignKind.ASSOCIATION ? "协会秘书处" : "人力资源部";
    }
}
