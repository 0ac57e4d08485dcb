package io.laurel.judging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The assignment rules on their own: k judges per entry, never one's own unit, loads within one. */
class BalancedAssignmentTest {

    static final List<String> UNITS = List.of("甲", "乙", "丙", "丁", "戊", "己", "庚", "辛");

    @Test
    void thirty_entries_of_eight_units_to_five_experts_three_each() {
        List<BalancedAssignment.Entry> entries = entries(30);
        List<BalancedAssignment.Judge> judges = List.of(new BalancedAssignment.Judge("e1", "甲"),
                new BalancedAssignment.Judge("e2", "乙"), new BalancedAssignment.Judge("e3", null),
                new BalancedAssignment.Judge("e4", "甲"), new BalancedAssignment.Judge("e5", "丙"));

        BalancedAssignment.Result result = BalancedAssignment.assign(entries, judges, 3);

        assertRules(entries, judges, 3, result);
        // 90 assignments over 5 judges: exactly 18 each.
        assertThat(result.loads().values()).containsOnly(18);
        assertThat(result.shortfalls()).isEmpty();
    }

    @Test
    void loads_differ_by_at_most_one_for_many_random_rosters() {
        Random random = new Random(20181110);
        int balancedChecked = 0;
        for (int round = 0; round < 200; round++) {
            List<BalancedAssignment.Entry> entries = new ArrayList<>();
            int entryCount = 1 + random.nextInt(40);
            for (int i = 0; i < entryCount; i++) {
                entries.add(new BalancedAssignment.Entry(i + 1, UNITS.get(random.nextInt(UNITS.size()))));
            }
            List<BalancedAssignment.Judge> judges = new ArrayList<>();
            int judgeCount = 3 + random.nextInt(5);
            for (int j = 0; j < judgeCount; j++) {
                judges.add(new BalancedAssignment.Judge("j" + j,
                        random.nextInt(3) == 0 ? null : UNITS.get(random.nextInt(UNITS.size()))));
            }
            int k = 1 + random.nextInt(Math.min(3, judgeCount - 2));
            BalancedAssignment.Result result = BalancedAssignment.assign(entries, judges, k);
            balancedChecked += assertRules(entries, judges, k, result) ? 1 : 0;
        }
        // Most rosters leave room for balance; there the loads were checked.
        assertThat(balancedChecked).isGreaterThan(100);
    }

    @Test
    void an_entry_whose_unit_every_judge_shares_gets_a_recorded_shortfall_not_a_colleague() {
        List<BalancedAssignment.Entry> entries = List.of(new BalancedAssignment.Entry(1, "甲"),
                new BalancedAssignment.Entry(2, "乙"));
        List<BalancedAssignment.Judge> judges = List.of(new BalancedAssignment.Judge("a", "甲"),
                new BalancedAssignment.Judge("b", "甲"));

        BalancedAssignment.Result result = BalancedAssignment.assign(entries, judges, 2);

        assertThat(result.judgesByEntry().get(1L)).isEmpty();
        assertThat(result.judgesByEntry().get(2L)).containsExactlyInAnyOrder("a", "b");
        assertThat(result.shortfalls()).containsExactly(Map.entry(1L, 2));
    }

    private static List<BalancedAssignment.Entry> entries(int n) {
        List<BalancedAssignment.Entry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(new BalancedAssignment.Entry(100 + i, UNITS.get(i % UNITS.size())));
        }
        return entries;
    }

    /** No own-unit judge, no judge twice on an entry, k judges wherever k eligible exist, loads within one. */
    static boolean assertRules(List<BalancedAssignment.Entry> entries, List<BalancedAssignment.Judge> judges, int k,
            BalancedAssignment.Result result) {
        for (BalancedAssignment.Entry entry : entries) {
            List<String> assigned = result.judgesByEntry().get(entry.id());
            assertThat(assigned).doesNotHaveDuplicates();
            long eligible = judges.stream().filter(j -> j.mayScore(entry)).count();
            assertThat(assigned).hasSize((int) Math.min(k, eligible));
            for (String judgeId : assigned) {
                BalancedAssignment.Judge judge = judges.stream().filter(j -> j.id().equals(judgeId)).findFirst()
                        .orElseThrow();
                assertThat(judge.unit()).as("judge %s on entry %s", judgeId, entry).isNotEqualTo(entry.unit());
            }
        }
        boolean unconstrained = entries.stream().allMatch(e -> judges.stream().filter(j -> j.mayScore(e)).count() >= k)
                && judges.stream().allMatch(j -> entries.stream().filter(j::mayScore).count()
                        * (long) judges.size() >= (long) entries.size() * k);
        if (unconstrained) {
            IntSummaryStatistics loads = judges.stream()
                    .mapToInt(j -> result.loads().getOrDefault(j.id(), 0)).summaryStatistics();
            assertThat(loads.getMax() - loads.getMin()).as("loads %s", result.loads()).isLessThanOrEqualTo(1);
        }
        return unconstrained;
    }
}
