package io.laurel.contest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Draws the groups of a semifinal round (seed 004: rounds of 3 to 5 teams, the lowest of each group is
 * eliminated, until 8 remain) and of the preliminary round (everyone plays once).
 *
 * <p>Teams come in seed order (best first, from the previous round). As many groups are formed as may lose one
 * team without falling below the finalists; the best seeds that do not fit into groups of at most five get a
 * bye. Players are spread over the groups in snake order (1→A, 2→B, 3→C, 4→C, 5→B, 6→A ...), so each group
 * has a balanced mix of strong and weak seeds. Then the draw avoids rematches: a depth-first search keeps the
 * snake place where it can and moves a team to another group only to avoid a team it has already met; it finds
 * a draw without any rematch whenever one exists (within a search budget far above the sizes of a real contest),
 * and otherwise takes the draw with the fewest rematches it saw.
 */
final class GroupDraw {

    static final int SEARCH_BUDGET = 200_000;

    private GroupDraw() {
    }

    /** The drawn round: the teams with a bye, and the groups (each in seed order of its members). */
    record Draw(List<Long> byes, List<List<Long>> groups) {

        int rematches(Meetings met) {
            int count = 0;
            for (List<Long> group : groups) {
                for (int i = 0; i < group.size(); i++) {
                    for (int j = i + 1; j < group.size(); j++) {
                        if (met.met(group.get(i), group.get(j))) {
                            count++;
                        }
                    }
                }
            }
            return count;
        }
    }

    /** Which pairs of teams have already met (in an earlier semifinal round). */
    interface Meetings {
        boolean met(long a, long b);

        Meetings NONE = (a, b) -> false;

        static Meetings of(Set<List<Long>> pairs) {
            return (a, b) -> pairs.contains(List.of(Math.min(a, b), Math.max(a, b)));
        }
    }

    /** How many groups a semifinal round of {@code teams} forms so that at least {@code finalists} remain. */
    static int semifinalGroups(int teams, int finalists, int minSize) {
        return Math.max(0, Math.min(teams / minSize, teams - finalists));
    }

    static Draw semifinal(List<Long> bySeed, Meetings met, int finalists, int minSize, int maxSize) {
        int n = bySeed.size();
        int groups = semifinalGroups(n, finalists, minSize);
        if (groups == 0) {
            throw new IllegalArgumentException(n + " teams cannot play a semifinal round down to " + finalists);
        }
        int players = Math.min(n, maxSize * groups);
        List<Long> byes = List.copyOf(bySeed.subList(0, n - players));
        return new Draw(byes, assign(bySeed.subList(n - players, n), groups, met));
    }

    /** The preliminary: everyone plays, in groups of at most {@code maxSize}, snake-seeded by registration. */
    static Draw preliminary(List<Long> bySeed, int maxSize) {
        int groups = Math.max(1, (bySeed.size() + maxSize - 1) / maxSize);
        return new Draw(List.of(), assign(bySeed, groups, Meetings.NONE));
    }

    static int snakeGroup(int index, int groups) {
        int row = index / groups;
        int col = index % groups;
        return row % 2 == 0 ? col : groups - 1 - col;
    }

    private static List<List<Long>> assign(List<Long> players, int groups, Meetings met) {
        int[] capacity = new int[groups];
        for (int i = 0; i < players.size(); i++) {
            capacity[snakeGroup(i, groups)]++;
        }
        Search search = new Search(players, groups, capacity, met);
        search.run(0, 0);
        List<List<Long>> result = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            result.add(new ArrayList<>());
        }
        for (int i = 0; i < players.size(); i++) {
            result.get(search.best[i]).add(players.get(i));
        }
        return result.stream().map(Collections::unmodifiableList).toList();
    }

    /** Depth-first, snake place first; stops at the first draw without a rematch. */
    private static final class Search {
        final List<Long> players;
        final int groups;
        final int[] capacity;
        final Meetings met;
        final int[] current;
        final int[] filled;
        int[] best;
        int bestRematches = Integer.MAX_VALUE;
        int nodes;

        Search(List<Long> players, int groups, int[] capacity, Meetings met) {
            this.players = players;
            this.groups = groups;
            this.capacity = capacity;
            this.met = met;
            this.current = new int[players.size()];
            this.filled = new int[groups];
        }

        /** @return true when a draw without rematch was found */
        boolean run(int index, int rematches) {
            if (rematches >= bestRematches) {
                return false;
            }
            if (index == players.size()) {
                best = current.clone();
                bestRematches = rematches;
                return rematches == 0;
            }
            if (++nodes > SEARCH_BUDGET && best != null) {
                return false;
            }
            int target = snakeGroup(index, groups);
            for (int step = 0; step < groups; step++) {
                // snake place first, then the nearest other groups
                int g = Math.floorMod(target + ((step % 2 == 1) ? (step + 1) / 2 : -(step / 2)), groups);
                if (filled[g] >= capacity[g]) {
                    continue;
                }
                int added = 0;
                for (int j = 0; j < index; j++) {
                    if (current[j] == g && met.met(players.get(j), players.get(index))) {
                        added++;
                    }
                }
                current[index] = g;
                filled[g]++;
                boolean done = run(index + 1, rematches + added);
                filled[g]--;
                if (done) {
                    return true;
                }
            }
            return false;
        }
    }
}
