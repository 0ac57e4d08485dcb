package io.laurel.judging;

import io.laurel.scoring.JudgingScores;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The judges' scores and the entries' conformity points of a whole campaign, one query each, for the ranking
 * (scoring reads them through its {@link JudgingScores}, see there why the interface is scoring's).
 */
@Component
public class JudgeScores implements JudgingScores {

    private final JdbcTemplate jdbc;

    JudgeScores(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Score> scores(long campaignId) {
        return jdbc.query("select nomination_id, judge_id, panel, criterion, points from judge_score "
                        + "where campaign_id = ? order by nomination_id, judge_id, criterion",
                (rs, i) -> new Score(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)), campaignId);
    }

    @Override
    public Map<Long, BigDecimal> conformityPoints(long campaignId) {
        Map<Long, BigDecimal> points = new HashMap<>();
        jdbc.query("select nomination_id, points from entry_conformity where campaign_id = ?", rs -> {
            points.put(rs.getLong(1), rs.getBigDecimal(2));
        }, campaignId);
        return points;
    }
}
