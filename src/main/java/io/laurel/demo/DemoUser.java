package io.laurel.demo;

import java.util.List;

/**
 * A demo account. {@code name} is the full Chinese name (Camunda's first-name field), {@code title}
 * what the person does (last-name field), so Tasklist shows "张敏 人力资源部经理".
 */
record DemoUser(String id, String name, String title, List<String> groups, String department) {

    String email() {
        return id + "@laurel.local";
    }
}
