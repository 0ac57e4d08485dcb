package io.laurel.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What the ranking reads of the judging: the judges' points and the entries' conformity points of a campaign. The
 * judging module owns those tables and implements this (judging.JudgeScores); it is declared here because judging
 * already depends on scoring (it runs the ranking and shows its prize list), so scoring cannot call judging's types
 * without a cycle.
 */
public interface JudgingScores {

    /** One judge's points for one criterion of one entry; panel 'expert', 'audience' or 'panel'. */
    record Score(long nominationId, String judgeId, String panel, String criterion, BigDecimal points) {
    }

    /** Every judge's points of the campaign, ordered by nomination, judge and criterion. */
    List<Score> scores(long campaignId);

    /** Nomination id → its conformity points (规范性); an entry without a conformity record is absent. */
    Map<Long, BigDecimal> conformityPoints(long campaignId);
}
