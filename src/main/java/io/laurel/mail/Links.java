package io.laurel.mail;

import java.net.URI;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Every link Laurel puts into a mail, built from {@code laurel.public-base-url} (the address users reach Laurel
 * at, behind any proxy) and never from a request's Host header, which a caller controls. Mail templates get this
 * as {@code links}; the paths are listed in docs/operations.md:
 * <ul>
 * <li>Tasklist task: {@code /camunda/app/tasklist/default/#/?task=<taskId>} (Tasklist asks for a login first and
 * opens the task afterwards);</li>
 * <li>staff console: {@code /staff/campaigns/<id>};</li>
 * <li>portal: {@code /campaigns/<id>}, {@code .../notice}, {@code .../vote}, {@code .../nominate/<channel>}.</li>
 * </ul>
 */
@Component
public class Links {

    private final Environment environment;
    private volatile String base;

    Links(Environment environment) {
        this.environment = environment;
    }

    /**
     * Read when first needed rather than at start-up, so that tests can point it at their random port
     * ({@code http://localhost:${local.server.port}}, known only once the server listens); checked as soon as
     * the application is ready, so a wrong setting stops start-up with its name.
     */
    @EventListener(ApplicationReadyEvent.class)
    void check() {
        base();
    }

    static String checked(String base) {
        String trimmed = base == null ? "" : base.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalStateException("laurel.public-base-url (LAUREL_PUBLIC_BASE_URL) must be the absolute "
                    + "http(s) address users open Laurel at, e.g. https://awards.example.com, not '" + base + "'");
        }
        return trimmed;
    }

    public String base() {
        String known = base;
        if (known == null) {
            known = checked(environment.getProperty("laurel.public-base-url"));
            base = known;
        }
        return known;
    }

    public String tasklist() {
        return base() + "/camunda/app/tasklist/default/";
    }

    public String tasklistTask(String taskId) {
        return tasklist() + "#/?task=" + taskId;
    }

    public String staffCampaign(long campaignId) {
        return base() + "/staff/campaigns/" + campaignId;
    }

    public String portalCampaign(long campaignId) {
        return base() + "/campaigns/" + campaignId;
    }

    public String portalNotice(long campaignId) {
        return portalCampaign(campaignId) + "/notice";
    }

    public String recommendationConfirm(long campaignId, String token) {
        return portalCampaign(campaignId) + "/recommendations/confirm?token=" + token;
    }
}
