package io.laurel.judging;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How far each judge of a campaign has come: assignments, scored and recused (for the staff dashboard). */
@Service
public class JudgingProgress {

    /** One judge's assignments and how many of them are scored or recused. */
    public record JudgeCounts(String judgeId, long assigned, long scored, long recused) {
    }

    private final JdbcTemplate jdbc;

    JudgingProgress(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Per judge, by judge id; one grouped query. */
    @Transactional(readOnly = true)
    public List<JudgeCounts> byJudge(long campaignId) {
        return jdbc.query("select judge_id, count(*), sum(case when status = 'SCORED' then 1 else 0 end), "
                        + "sum(case when status = 'RECUSED' then 1 else 0 end) from judge_assignment "
                        + "where campaign_id = ? group by judge_id order by judge_id",
                (rs, i) -> new JudgeCounts(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), campaignId);
    }
}
