package io.laurel.onlinevote;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import io.laurel.campaign.CampaignService;
import io.laurel.nomination.Nomination;
import io.laurel.nomination.NominationChannel;
import io.laurel.nomination.NominationRepository;
import io.laurel.support.LaurelTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The shared vote counts: each source replaces only its own rows; totals add the sources up. */
@LaurelTest
class OnlineVoteCountsTest {

    @Autowired
    OnlineVoteCounts counts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    NominationRepository nominations;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void sourcesAreReplacedSeparatelyAndSummedInTotals() {
        Campaign campaign = campaigns.createFromPreset("cs-essay-2018", LocalDate.of(2018, 9, 1), "test");
        Campaign other = campaigns.createFromPreset("cs-essay-2018", LocalDate.of(2018, 9, 1), "test");
        long a = entry(campaign, "甲");
        long b = entry(campaign, "乙");
        long c = entry(campaign, "丙");
        long x = entry(other, "丁");

        counts.replace(campaign.getId(), OnlineVoteCounts.IMPORT, Map.of(a, 100L, b, 50L));
        // Portal votes are counted one by one, each in the transaction that stores the vote.
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            for (int i = 0; i < 5; i++) {
                counts.countPortalVote(campaign.getId(), b);
            }
            counts.countPortalVote(campaign.getId(), c);
        });
        counts.replace(other.getId(), OnlineVoteCounts.IMPORT, Map.of(x, 9L));

        assertThat(counts.totals(campaign.getId())).containsExactly(Map.entry(a, 100L), Map.entry(b, 55L),
                Map.entry(c, 1L));

        counts.replace(campaign.getId(), OnlineVoteCounts.IMPORT, Map.of(b, 70L));

        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.IMPORT)).containsExactly(Map.entry(b, 70L));
        assertThat(counts.bySource(campaign.getId(), OnlineVoteCounts.PORTAL)).containsExactly(Map.entry(b, 5L),
                Map.entry(c, 1L));
        assertThat(counts.totals(campaign.getId())).containsExactly(Map.entry(b, 75L), Map.entry(c, 1L));
        assertThat(counts.totals(other.getId())).containsExactly(Map.entry(x, 9L));
    }

    private long entry(Campaign campaign, String name) {
        return nominations.save(new Nomination(campaign.getId(), "entry", name, NominationChannel.UNIT, "单位", null,
                null, Instant.now())).getId();
    }
}
