package io.laurel.intake;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Where the original email (.eml, as received) of a campaign's package mail is kept in the file store. */
@Service
public class OriginalMails {

    private final JdbcTemplate jdbc;

    OriginalMails(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the mail does not exist or belongs to a package of another campaign (or of none). */
    @Transactional(readOnly = true)
    public Optional<String> location(long campaignId, long messageId) {
        return jdbc.queryForList("select m.eml_location from intake_message m join intake_package p "
                        + "on p.id = m.package_id where m.id = ? and p.campaign_id = ?", String.class, messageId,
                campaignId).stream().findFirst();
    }
}
