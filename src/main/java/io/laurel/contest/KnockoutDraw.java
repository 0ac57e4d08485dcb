package io.laurel.contest;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairings of the final (seed 004: knockout 8 → 4 → 2 → champion). The first final round places the seeds in
 * a classic bracket (1–8, 4–5, 2–7, 3–6), so the two best seeds can meet only in the last match; later rounds
 * pair the winners in bracket order. A missing opponent (fewer than 8 finalists, a withdrawal) is a bye.
 */
final class KnockoutDraw {

    private static final int[] BRACKET_8 = {1, 8, 4, 5, 2, 7, 3, 6};
    private static final int[] BRACKET_4 = {1, 4, 2, 3};
    private static final int[] BRACKET_2 = {1, 2};

    private KnockoutDraw() {
    }

    /** A pairing; {@code second} is null for a bye. */
    record Pairing(long first, Long second) {
        boolean bye() {
            return second == null;
        }
    }

    static List<Pairing> firstRound(List<Long> bySeed) {
        int n = bySeed.size();
        if (n < 2 || n > 8) {
            throw new IllegalArgumentException("A final bracket takes 2 to 8 teams, not " + n);
        }
        int[] bracket = n > 4 ? BRACKET_8 : n > 2 ? BRACKET_4 : BRACKET_2;
        List<Pairing> pairings = new ArrayList<>();
        for (int i = 0; i < bracket.length; i += 2) {
            Long a = bracket[i] <= n ? bySeed.get(bracket[i] - 1) : null;
            Long b = bracket[i + 1] <= n ? bySeed.get(bracket[i + 1] - 1) : null;
            if (a == null && b == null) {
                continue;
            }
            pairings.add(a == null ? new Pairing(b, null) : new Pairing(a, b));
        }
        return pairings;
    }

    /** The next round from the survivors in bracket order: neighbours meet; an odd one out gets a bye. */
    static List<Pairing> nextRound(List<Long> survivorsInBracketOrder) {
        List<Pairing> pairings = new ArrayList<>();
        for (int i = 0; i < survivorsInBracketOrder.size(); i += 2) {
            Long second = i + 1 < survivorsInBracketOrder.size() ? survivorsInBracketOrder.get(i + 1) : null;
            pairings.add(new Pairing(survivorsInBracketOrder.get(i), second));
        }
        return pairings;
    }
}
