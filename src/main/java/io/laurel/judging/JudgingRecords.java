package io.laurel.judging;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Judges' units, assignments, declarations and scores, and the entries' confirmed conformity. */
@Repository
public class JudgingRecords {

    static final String ASSIGNED = "ASSIGNED";
    static final String SCORED = "SCORED";
    static final String RECUSED = "RECUSED";

    private final JdbcTemplate jdbc;

    JudgingRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The member unit a judge works for (table judge_unit), by unit name. */
    public Optional<String> unitOf(String userId) {
        return jdbc.queryForList("select unit_name from judge_unit where user_id = ?", String.class, userId).stream()
                .findFirst();
    }

    /** Records the unit a judge works for unless one is recorded (the demo data). */
    public void recordUnitIfAbsent(String userId, String unitName) {
        jdbc.update("insert into judge_unit (user_id, unit_name) select ?, ? from (select 1 as one) x "
                + "where not exists (select 1 from judge_unit where user_id = ?)", userId, unitName, userId);
    }

    void assign(long campaignId, long nominationId, String judgeId, String panel) {
        jdbc.update("insert into judge_assignment (campaign_id, nomination_id, judge_id, panel, status) "
                + "values (?, ?, ?, ?, ?)", campaignId, nominationId, judgeId, panel, ASSIGNED);
    }

    public record Assignment(long nominationId, String judgeId, String panel, String status) {
    }

    public List<Assignment> assignments(long campaignId) {
        return jdbc.query("select nomination_id, judge_id, panel, status from judge_assignment where campaign_id = ? "
                + "order by nomination_id, panel, judge_id", (rs, i) -> new Assignment(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), campaignId);
    }

    List<Assignment> assignmentsOf(long campaignId, String judgeId) {
        return jdbc.query("select nomination_id, judge_id, panel, status from judge_assignment where campaign_id = ? "
                + "and judge_id = ? order by nomination_id", (rs, i) -> new Assignment(rs.getLong(1), rs.getString(2),
                        rs.getString(3), rs.getString(4)), campaignId, judgeId);
    }

    void changeStatus(long campaignId, long nominationId, String judgeId, String status) {
        jdbc.update("update judge_assignment set status = ? where campaign_id = ? and nomination_id = ? and judge_id = ?",
                status, campaignId, nominationId, judgeId);
    }

    void recordDeclaration(long campaignId, String judgeId, String panel, Instant now) {
        jdbc.update("insert into judge_declaration (campaign_id, judge_id, panel, signed_at) values (?, ?, ?, ?)",
                campaignId, judgeId, panel, Timestamp.from(now));
    }

    public boolean declared(long campaignId, String judgeId) {
        Integer n = jdbc.queryForObject("select count(*) from judge_declaration where campaign_id = ? and judge_id = ?",
                Integer.class, campaignId, judgeId);
        return n != null && n > 0;
    }

    void recordScore(long campaignId, long nominationId, String judgeId, String panel, String criterion,
            BigDecimal points, Instant now) {
        jdbc.update("insert into judge_score (campaign_id, nomination_id, judge_id, panel, criterion, points, scored_at) "
                + "values (?, ?, ?, ?, ?, ?, ?)", campaignId, nominationId, judgeId, panel, criterion, points,
                Timestamp.from(now));
    }

    /** Criterion → points of one judge for one entry. */
    public Map<String, BigDecimal> scoresOf(long nominationId, String judgeId) {
        Map<String, BigDecimal> scores = new java.util.LinkedHashMap<>();
        jdbc.query("select criterion, points from judge_score where nomination_id = ? and judge_id = ? order by id",
                rs -> {
                    scores.put(rs.getString(1), rs.getBigDecimal(2));
                }, nominationId, judgeId);
        return scores;
    }

    // ---------------------------------------------------------------- conformity (规范性)

    public record Conformity(long nominationId, String nonconformities, int count, BigDecimal points,
            String confirmedBy) {
    }

    public Optional<Conformity> conformity(long nominationId) {
        return jdbc.query("select nomination_id, nonconformities, nonconformity_count, points, confirmed_by "
                + "from entry_conformity where nomination_id = ?", (rs, i) -> new Conformity(rs.getLong(1),
                        rs.getString(2), rs.getInt(3), rs.getBigDecimal(4), rs.getString(5)), nominationId).stream()
                .findFirst();
    }

    /** The conformity as intake left it; an entry already reviewed keeps its review. */
    void prefillConformity(long campaignId, long nominationId, String nonconformities, int count, BigDecimal points) {
        Integer known = jdbc.queryForObject("select count(*) from entry_conformity where nomination_id = ?",
                Integer.class, nominationId);
        if (known == null || known == 0) {
            jdbc.update("insert into entry_conformity (nomination_id, campaign_id, nonconformities, nonconformity_count, "
                    + "points) values (?, ?, ?, ?, ?)", nominationId, campaignId, nonconformities, count, points);
        }
    }

    void confirmConformity(long nominationId, String nonconformities, int count, BigDecimal points,
            String confirmedBy, Instant now) {
        jdbc.update("update entry_conformity set nonconformities = ?, nonconformity_count = ?, points = ?, "
                + "confirmed_by = ?, confirmed_at = ? where nomination_id = ?", nonconformities, count, points,
                confirmedBy, Timestamp.from(now), nominationId);
    }

    // ---------------------------------------------------------------- entry check (入门审核)

    /** Whether staff admitted an entry to the experts (入围), and why not when they did not. */
    public record Admission(boolean admitted, String reason) {
    }

    /** The entry check's outcome; an entry not yet reviewed counts as admitted. */
    public Admission admission(long nominationId) {
        return jdbc.query("select admitted, admission_reason from entry_conformity where nomination_id = ?",
                (rs, i) -> new Admission(rs.getBoolean(1), rs.getString(2)), nominationId).stream().findFirst()
                .orElse(new Admission(true, null));
    }

    void recordAdmission(long nominationId, boolean admitted, String reason) {
        jdbc.update("update entry_conformity set admitted = ?, admission_reason = ? where nomination_id = ?", admitted,
                reason, nominationId);
    }
}
