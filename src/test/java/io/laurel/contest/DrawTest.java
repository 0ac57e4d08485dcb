package io.laurel.contest;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.contest.GroupDraw.Draw;
import io.laurel.contest.GroupDraw.Meetings;
import io.laurel.contest.KnockoutDraw.Pairing;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The draws: snake seeding, group sizes 3–5, byes, the knockout bracket, and — property-style over many random
 * contests — that a semifinal draw has a rematch only when no draw without one exists (checked by brute force).
 */
class DrawTest {

    static List<Long> teams(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    @Test
    void snake_seeding_spreads_the_seeds_over_the_groups() {
        Draw draw = GroupDraw.semifinal(teams(20), Meetings.NONE, 8, 3, 5);
        // 20 teams: min(20/3, 20-8) = 6 groups, 20 players; rows 1–6 A→F, 7–12 F→A, 13–18 A→F, 19–20 F→E
        assertThat(draw.byes()).isEmpty();
        assertThat(draw.groups()).hasSize(6);
        assertThat(draw.groups().get(0)).containsExactly(1L, 12L, 13L);
        assertThat(draw.groups().get(5)).containsExactly(6L, 7L, 18L, 19L);
        assertThat(draw.groups()).extracting(List::size).containsExactly(3, 3, 3, 3, 4, 4);
        assertThat(draw.groups()).allSatisfy(g -> assertThat(g.size()).isBetween(3, 5));
    }

    @Test
    void the_best_seeds_get_byes_when_not_everyone_may_be_eliminated() {
        // 10 teams, 8 must remain: only 2 groups may lose a team; 2 groups of at most 5 take 10 → no bye
        Draw ten = GroupDraw.semifinal(teams(10), Meetings.NONE, 8, 3, 5);
        assertThat(ten.byes()).isEmpty();
        assertThat(ten.groups()).extracting(List::size).containsExactly(5, 5);
        // 9 teams: 1 group of 5 (seeds 5–9), seeds 1–4 have a bye
        Draw nine = GroupDraw.semifinal(teams(9), Meetings.NONE, 8, 3, 5);
        assertThat(nine.byes()).containsExactly(1L, 2L, 3L, 4L);
        assertThat(nine.groups()).singleElement().asList().containsExactly(5L, 6L, 7L, 8L, 9L);
        // 13 teams: min(13/3, 5) = 4 groups; the 13th seed snakes back into the last group
        Draw thirteen = GroupDraw.semifinal(teams(13), Meetings.NONE, 8, 3, 5);
        assertThat(thirteen.byes()).isEmpty();
        assertThat(thirteen.groups()).extracting(List::size).containsExactly(3, 3, 3, 4);
        // every team exactly once
        for (Draw d : List.of(ten, nine, thirteen)) {
            List<Long> all = new ArrayList<>(d.byes());
            d.groups().forEach(all::addAll);
            assertThat(new HashSet<>(all)).hasSize(all.size());
        }
    }

    @Test
    void preliminary_puts_everyone_in_groups_of_at_most_five() {
        Draw draw = GroupDraw.preliminary(teams(23), 5);
        assertThat(draw.groups()).hasSize(5);
        assertThat(draw.groups()).extracting(List::size).containsExactly(5, 5, 5, 4, 4);
        assertThat(GroupDraw.preliminary(teams(7), 5).groups()).extracting(List::size).containsExactly(3, 4);
    }

    @Test
    void knockout_bracket_keeps_the_two_best_seeds_apart_and_gives_byes() {
        List<Pairing> eight = KnockoutDraw.firstRound(teams(8));
        assertThat(eight).containsExactly(new Pairing(1, 8L), new Pairing(4, 5L), new Pairing(2, 7L),
                new Pairing(3, 6L));
        List<Pairing> seven = KnockoutDraw.firstRound(teams(7));
        assertThat(seven).containsExactly(new Pairing(1, null), new Pairing(4, 5L), new Pairing(2, 7L),
                new Pairing(3, 6L));
        assertThat(KnockoutDraw.firstRound(teams(3))).containsExactly(new Pairing(1, null), new Pairing(2, 3L));
        assertThat(KnockoutDraw.nextRound(List.of(1L, 5L, 2L))).containsExactly(new Pairing(1, 5L),
                new Pairing(2, null));
    }

    @Test
    void rematches_are_avoided_when_the_snake_draw_would_have_them() {
        // Seeds 1 and 12 (snake partners in group A of 20 teams) have met: the draw separates them.
        Meetings met = Meetings.of(Set.of(List.of(1L, 12L)));
        Draw draw = GroupDraw.semifinal(teams(20), met, 8, 3, 5);
        assertThat(draw.rematches(met)).isZero();
        assertThat(draw.groups()).noneSatisfy(g -> assertThat(g).contains(1L, 12L));
    }

    /** Property: over many random contests, a draw has a rematch only if every possible draw has one. */
    @Test
    void no_rematch_whenever_one_can_be_avoided_over_many_seeds() {
        int withRematchHistory = 0;
        int unavoidable = 0;
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            int n = 9 + random.nextInt(5); // 9..13 teams: small enough to check every partition
            List<Long> teams = new ArrayList<>(teams(n));
            Set<List<Long>> pairs = new HashSet<>();
            int meetings = random.nextInt(n * 2);
            for (int i = 0; i < meetings; i++) {
                long a = 1 + random.nextInt(n);
                long b = 1 + random.nextInt(n);
                if (a != b) {
                    pairs.add(List.of(Math.min(a, b), Math.max(a, b)));
                }
            }
            Meetings met = Meetings.of(pairs);
            Draw draw = GroupDraw.semifinal(teams, met, 8, 3, 5);
            List<Long> players = new ArrayList<>();
            draw.groups().forEach(players::addAll);
            players.sort(null);
            assertThat(draw.groups()).allSatisfy(g -> assertThat(g.size()).isBetween(3, 5));
            assertThat(draw.byes().size() + players.size()).isEqualTo(n);
            List<Integer> sizes = draw.groups().stream().map(List::size).toList();
            boolean avoidable = existsDrawWithoutRematch(players, sizes, met);
            if (!pairs.isEmpty()) {
                withRematchHistory++;
            }
            if (avoidable) {
                assertThat(draw.rematches(met)).as("seed " + seed + ": " + draw + " with " + pairs).isZero();
            } else {
                unavoidable++;
                assertThat(draw.rematches(met)).isPositive();
            }
        }
        // the property was exercised both ways
        assertThat(withRematchHistory).isGreaterThan(300);
        assertThat(unavoidable).isGreaterThan(0);
    }

    /** Brute force, independent of the draw: can the players be split into groups of these sizes with no rematch? */
    static boolean existsDrawWithoutRematch(List<Long> players, List<Integer> sizes, Meetings met) {
        return place(players, 0, new ArrayList<>(sizes), new ArrayList<>(sizes.stream()
                .map(s -> (List<Long>) new ArrayList<Long>()).toList()), met);
    }

    private static boolean place(List<Long> players, int index, List<Integer> sizes, List<List<Long>> groups,
            Meetings met) {
        if (index == players.size()) {
            return true;
        }
        long player = players.get(index);
        boolean triedEmpty = false;
        for (int g = 0; g < groups.size(); g++) {
            List<Long> group = groups.get(g);
            if (group.size() >= sizes.get(g)) {
                continue;
            }
            if (group.isEmpty()) {
                if (triedEmpty && sizes.get(g).equals(sizes.get(firstEmpty(groups)))) {
                    continue; // symmetric to an empty group of the same size already tried
                }
                triedEmpty = true;
            }
            if (group.stream().anyMatch(other -> met.met(other, player))) {
                continue;
            }
            group.add(player);
            if (place(players, index + 1, sizes, groups, met)) {
                return true;
            }
            group.remove(group.size() - 1);
        }
        return false;
    }

    private static int firstEmpty(List<List<Long>> groups) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
