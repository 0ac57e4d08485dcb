package io.laurel.scoring;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The normalisation chosen for a campaign (table scoring_setting); {@link Normalisation#NONE} until chosen. */
@Component
class ScoringSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ScoringSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Normalisation normalisation(long campaignId) {
        return jdbc.query("select normalisation from scoring_setting where campaign_id = ?",
                        (rs, i) -> rs.getString(1), campaignId).stream().findFirst()
                .flatMap(Normalisation::of).orElse(Normalisation.NONE);
    }

    @Transactional
    void choose(long campaignId, Normalisation normalisation, String userId) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.update("update scoring_setting set normalisation = ?, changed_by = ?, changed_at = ? "
                + "where campaign_id = ?", normalisation.code(), userId, now, campaignId);
        if (updated == 0) {
            jdbc.update("insert into scoring_setting (campaign_id, normalisation, changed_by, changed_at) "
                    + "values (?, ?, ?, ?)", campaignId, normalisation.code(), userId, now);
        }
    }
}
