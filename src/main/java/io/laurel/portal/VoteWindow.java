package io.laurel.portal;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.Milestone;
import io.laurel.campaign.Preset;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * When a campaign's online vote is open: from 00:00 of the day of its {@code vote-page} milestone (the
 * day the vote page is published) for {@code rules.onlineVoteDays} whole days, in the campaign's time
 * zone, end exclusive. For cs-essay-2018 that is 2018-10-20 00:00 to 2018-10-27 00:00 (seven days),
 * moved with the campaign's {@code startsOn}. A campaign without both has no online vote.
 */
record VoteWindow(LocalDateTime opensAt, LocalDateTime closesAt) {

    static final String MILESTONE = "vote-page";
    static final String DAYS_RULE = "onlineVoteDays";

    enum State { BEFORE, OPEN, CLOSED }

    static Optional<VoteWindow> of(Campaign campaign, Preset preset) {
        Optional<Milestone> page = campaign.milestone(MILESTONE);
        Integer days = preset.rules().onlineVoteDays();
        if (page.isEmpty() || days == null || days < 1) {
            return Optional.empty();
        }
        LocalDateTime opens = page.get().getStartsAt().toLocalDate().atStartOfDay();
        return Optional.of(new VoteWindow(opens, opens.plusDays(days)));
    }

    State at(LocalDateTime now) {
        if (now.isBefore(opensAt)) {
            return State.BEFORE;
        }
        return now.isBefore(closesAt) ? State.OPEN : State.CLOSED;
    }
}
