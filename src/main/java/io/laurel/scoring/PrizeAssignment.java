package io.laurel.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prizes from the ranked lists. Rank prizes fill their quotas in order down one group's list (一等奖 2, 二等奖 6,
 * 三等奖 12: positions 1–2, 3–8, 9–20); with fewer entries than prizes the last prizes stay short. Vote prizes
 * (seed 001 网络人气类奖项: 得票最高的参赛人员获得相应奖项) go down the list of entries by votes: the entry with the
 * most votes gets the first vote prize (最佳人气奖), the next ones the following prizes (最佳风采奖, 最佳形象奖,
 * 最佳创意奖), one entry each; equal votes are ordered by final score, then the ranking's tie-breaks. Entries
 * without a vote get no vote prize. A vote prize may go to an entry that also has a rank prize: the seed
 * lists both as 赛事类奖项 and does not exclude it.
 */
final class PrizeAssignment {

    /** An award code with its winners quota (null: the seed sets none, so nobody is assigned). */
    record Quota(String awardCode, Integer winners) {
    }

    private PrizeAssignment() {
    }

    /** Prizes by position for one group's list, given in ranking order. */
    static Map<Long, String> byRank(List<ScoreBlend.Result> ordered, List<Quota> quotas) {
        Map<Long, String> prizes = new LinkedHashMap<>();
        int next = 0;
        for (Quota quota : quotas) {
            if (quota.winners() == null) {
                continue;
            }
            for (int i = 0; i < quota.winners() && next < ordered.size(); i++) {
                prizes.put(ordered.get(next++).nominationId(), quota.awardCode());
            }
        }
        return prizes;
    }

    /** Vote prizes over all entries. */
    static Map<Long, String> byVotes(List<ScoreBlend.Result> entries, List<Quota> quotas) {
        List<ScoreBlend.Result> byVotes = new ArrayList<>(entries.stream().filter(e -> e.votes() > 0).toList());
        byVotes.sort(Comparator.comparingLong(ScoreBlend.Result::votes).reversed().thenComparing(ScoreBlend.ORDER));
        Map<Long, String> prizes = new LinkedHashMap<>();
        int next = 0;
        for (Quota quota : quotas) {
            if (quota.winners() == null) {
                continue;
            }
            for (int i = 0; i < quota.winners() && next < byVotes.size(); i++) {
                prizes.put(byVotes.get(next++).nominationId(), quota.awardCode());
            }
        }
        return prizes;
    }
}
