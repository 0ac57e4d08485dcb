package io.laurel.portal;

import io.laurel.campaign.AwardCategory;
import io.laurel.campaign.Campaign;
import io.laurel.campaign.PresetCatalog;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * What a vote and a code request need of their campaign (name, time zone, vote window, award names), kept per
 * campaign for {@link #TTL}. A public vote is thousands of requests a minute for one campaign; loading the
 * campaign with its milestones and awards and reading its preset snapshot for each of them was a third of a
 * vote's server time (benchmark P6's profile). None of these fields changes after a campaign is created
 * (the campaign has no setters for them; the preset snapshot is frozen at creation), so the cache can only be
 * stale for a deleted campaign, and only for {@link #TTL}. The pages still load the campaign itself.
 */
@Component
class VotingCampaigns {

    static final Duration TTL = Duration.ofMinutes(1);
    private static final int MAX_CACHED = 1_000;

    /** A campaign as the vote endpoints see it; {@code window} is empty for a campaign without online vote. */
    record VotingCampaign(Long id, String name, String timeZone, ZoneId zone, Optional<VoteWindow> window,
            Map<String, String> awardNames) {

        String awardName(String code) {
            return awardNames.getOrDefault(code, code);
        }
    }

    private record Cached(VotingCampaign campaign, long expiresAtNanos) {
    }

    private final PortalCampaigns loader;
    private final PresetCatalog presets;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    VotingCampaigns(PortalCampaigns loader, PresetCatalog presets) {
        this.loader = loader;
        this.presets = presets;
    }

    /** The campaign by id (404 if there is none; a miss is not cached). */
    VotingCampaign get(Long id) {
        long now = System.nanoTime();
        Cached cached = cache.get(id);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.campaign();
        }
        VotingCampaign campaign = of(loader.get(id));
        if (cache.size() >= MAX_CACHED) {
            cache.clear(); // a handful of campaigns vote at a time; this only bounds a long-running node
        }
        cache.put(id, new Cached(campaign, now + TTL.toNanos()));
        return campaign;
    }

    /** The same view of a campaign already loaded (the HTML pages). */
    VotingCampaign of(Campaign campaign) {
        Map<String, String> awards = campaign.getAwards().stream()
                .collect(Collectors.toUnmodifiableMap(AwardCategory::getCode, AwardCategory::getName, (a, b) -> a));
        return new VotingCampaign(campaign.getId(), campaign.getName(), campaign.getTimeZone(), campaign.zoneId(),
                VoteWindow.of(campaign, presets.fromJson(campaign.getPresetSnapshot())), awards);
    }
}
