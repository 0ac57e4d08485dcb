package io.laurel.organisation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The committee's make-up from seed 002: 15 members — 3 executives, 5 department heads, 2 HR, 2 past winners, 3 customers. */
public enum CommitteeRole {
    EXECUTIVE("高管", 3, "公司高管", "高层管理者"),
    DEPARTMENT_HEAD("部门主管", 5, "部门负责人"),
    HR("人力资源部代表", 2, "人力资源部", "人力资源", "HR"),
    PAST_WINNER("往届获奖者", 2, "上届获奖者", "往届服务之星"),
    CUSTOMER("客户代表", 3, "客户");

    private final String label;
    private final int seats;
    private final List<String> aliases;

    CommitteeRole(String label, int seats, String... aliases) {
        this.label = label;
        this.seats = seats;
        this.aliases = List.of(aliases);
    }

    public String label() {
        return label;
    }

    public int seats() {
        return seats;
    }

    static Optional<CommitteeRole> byLabel(String text) {
        return Arrays.stream(values())
                .filter(r -> r.label.equals(text) || r.aliases.contains(text) || r.name().equalsIgnoreCase(text))
                .findFirst();
    }

    static String labels() {
        return Arrays.stream(values()).map(CommitteeRole::label).collect(Collectors.joining("、"));
    }

    static int totalSeats() {
        return Arrays.stream(values()).mapToInt(CommitteeRole::seats).sum();
    }
}
