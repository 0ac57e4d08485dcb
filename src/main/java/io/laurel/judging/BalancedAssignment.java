package io.laurel.judging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Assigns entries to the judges of one panel: each entry gets {@code perEntry} judges, never one of its own unit,
 * and the judges' loads differ by at most one wherever the unit rule allows it. Greedy (most constrained entry first,
 * least loaded judge first), then a repair pass that moves single assignments from the busiest to the idlest judge.
 */
final class BalancedAssignment {

    record Entry(long id, String unit) {
    }

    record Judge(String id, String unit) {

        boolean mayScore(Entry entry) {
            return unit == null || entry.unit() == null || !unit.equals(entry.unit());
        }
    }

    /** The judges of each entry (entry id → judge ids) and the entries that got fewer than asked. */
    record Result(Map<Long, List<String>> judgesByEntry, Map<Long, Integer> shortfalls) {

        Map<String, Integer> loads() {
            Map<String, Integer> loads = new HashMap<>();
            judgesByEntry.values().forEach(js -> js.forEach(j -> loads.merge(j, 1, Integer::sum)));
            return loads;
        }
    }

    private BalancedAssignment() {
    }

    static Result assign(List<Entry> entries, List<Judge> judges, int perEntry) {
        Map<String, Integer> load = new LinkedHashMap<>();
        judges.forEach(j -> load.put(j.id(), 0));
        Map<Long, List<String>> byEntry = new LinkedHashMap<>();
        Map<Long, Integer> shortfalls = new LinkedHashMap<>();
        List<Entry> order = new ArrayList<>(entries);
        order.sort(Comparator.comparingLong((Entry e) -> judges.stream().filter(j -> j.mayScore(e)).count())
                .thenComparingLong(Entry::id));
        int turn = 0;
        for (Entry entry : order) {
            List<Judge> eligible = new ArrayList<>(judges.stream().filter(j -> j.mayScore(entry)).toList());
            // Among equally loaded judges start at a rotating position, so no judge is always first.
            final int offset = turn++;
            eligible.sort(Comparator.comparingInt((Judge j) -> load.get(j.id()))
                    .thenComparingInt(j -> Math.floorMod(judges.indexOf(j) - offset, Math.max(1, judges.size()))));
            List<String> chosen = new ArrayList<>();
            for (Judge judge : eligible.subList(0, Math.min(perEntry, eligible.size()))) {
                chosen.add(judge.id());
                load.merge(judge.id(), 1, Integer::sum);
            }
            byEntry.put(entry.id(), chosen);
            if (chosen.size() < perEntry) {
                shortfalls.put(entry.id(), perEntry - chosen.size());
            }
        }
        repair(entries, judges, byEntry, load);
        Map<Long, List<String>> inEntryOrder = new LinkedHashMap<>();
        entries.forEach(e -> inEntryOrder.put(e.id(), byEntry.get(e.id())));
        return new Result(inEntryOrder, shortfalls);
    }

    /** Moves one assignment at a time from a judge with the highest load to one with the lowest, while that helps. */
    private static void repair(List<Entry> entries, List<Judge> judges, Map<Long, List<String>> byEntry,
            Map<String, Integer> load) {
        Map<String, Judge> judgeById = new HashMap<>();
        judges.forEach(j -> judgeById.put(j.id(), j));
        for (int guard = 0; guard < entries.size() * Math.max(1, judges.size()); guard++) {
            int max = load.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            int min = load.values().stream().mapToInt(Integer::intValue).min().orElse(0);
            if (max - min <= 1) {
                return;
            }
            boolean moved = false;
            for (String busy : load.keySet().stream().filter(j -> load.get(j) == max).toList()) {
                for (String idle : load.keySet().stream().filter(j -> load.get(j) == min).toList()) {
                    for (Entry entry : entries) {
                        List<String> assigned = byEntry.get(entry.id());
                        if (assigned.contains(busy) && !assigned.contains(idle)
                                && judgeById.get(idle).mayScore(entry)) {
                            assigned.set(assigned.indexOf(busy), idle);
                            load.merge(busy, -1, Integer::sum);
                            load.merge(idle, 1, Integer::sum);
                            moved = true;
                            break;
                        }
                    }
                    if (moved) {
                        break;
                    }
                }
                if (moved) {
                    break;
                }
            }
            if (!moved) {
                return;
            }
        }
    }
}
