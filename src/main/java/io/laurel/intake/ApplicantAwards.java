package io.laurel.intake;

import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The award names as the units' packages gave them for each nomination (their 参赛作品《…》 descriptions carry
 * the work's title), for the online-vote import's matching: one query per campaign.
 */
@Component
public class ApplicantAwards {

    private final JdbcTemplate jdbc;

    ApplicantAwards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Nomination id → the least of its applicants' award names (one per nomination, as a package lists it). */
    public Map<Long, String> byNomination(long campaignId) {
        Map<Long, String> names = new HashMap<>();
        jdbc.query("select nomination_id, min(award_name) from intake_applicant where campaign_id = ? "
                + "group by nomination_id", rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                }, campaignId);
        return names;
    }
}
