package io.laurel.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.campaign.Campaign;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The V10/V11 tables and the stored results on MySQL/MariaDB through Connector/J (decimal columns, JSON in
 * longtext, generated keys): the z-score table of {@link ScoreBlendTest} stored and read back through the
 * results view. Runs only when LAUREL_TEST_DB_URL is set, on the MySQL context the persistence test uses.
 */
@EnabledIfEnvironmentVariable(named = "LAUREL_TEST_DB_URL", matches = ".+")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "test-mysql"})
class ScoringMySqlTest {

    @Autowired
    ScoringFixture fixture;
    @Autowired
    ScoringSettings settings;
    @Autowired
    EntryRanking ranking;
    @Autowired
    AssociationResults results;

    @Test
    void zScoreTableIsStoredAndReadBack() {
        Campaign campaign = fixture.campaign("cs-essay-2018");
        List<Long> ids = fixture.essayTable(campaign);
        settings.choose(campaign.getId(), Normalisation.Z_SCORE, "chenjing");

        ranking.rankCampaign(campaign.getId());
        ranking.rankCampaign(campaign.getId());

        AssociationResults.Results r = results.of(campaign.getId(), false);
        assertThat(r.normalisation()).isEqualTo("z-score");
        assertThat(r.decisions().scoreWeights()).startsWith("score-weights:");
        List<AssociationResults.EntryRow> entries = r.groups().get(0).entries();
        assertThat(entries).hasSize(12);
        for (ScoreBlendTest.Expected e : ScoreBlendTest.Z_SCORE) {
            AssociationResults.EntryRow row = entries.stream()
                    .filter(x -> x.nominationId() == ids.get((int) e.entry() - 1)).findFirst().orElseThrow();
            assertThat(row.finalScore()).isEqualByComparingTo(e.finalScore());
            assertThat(row.sourceScores().get("expert")).isEqualByComparingTo(e.expert());
            assertThat(row.position()).isEqualTo(e.position());
            assertThat(row.judges()).hasSize(5).allSatisfy(j -> assertThat(j.judge()).startsWith("专"));
        }
        assertThat(r.unitPrizes()).hasSize(9);
    }
}
