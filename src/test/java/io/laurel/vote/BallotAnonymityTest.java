package io.laurel.vote;

import static io.laurel.selection.SelectionDriver.clockAt;
import static io.laurel.selection.SelectionDriver.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.laurel.campaign.Campaign;
import io.laurel.nomination.Nomination;
import io.laurel.selection.SelectionDriver;
import io.laurel.support.Http;
import io.laurel.support.LaurelTest;
import io.laurel.support.Tasklist;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The final vote is secret: after a vote with known ballots, cast the ways real clients cast them
 * (Tasklist's Camunda Form, a REST client sending the checklist as text, the Java API, the REST
 * "complete" call), no row of any Camunda history or runtime table, byte array or application table
 * the vote touched links a member — by user id, ballot task, its execution or activity instance — to
 * what they chose, while the tally still counts every choice.
 */
@LaurelTest
class BallotAnonymityTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A JSON or Java list of ids as a choice would be written: ["12","15"], [12, 15]. */
    private static final Pattern ID_LIST = Pattern.compile("\\[\\s*\"?\\d+\"?(?:\\s*,\\s*\"?\\d+\"?)*\\s*]");
    private static final List<String> CAMUNDA_TABLES = List.of("ACT_HI_VARINST", "ACT_HI_DETAIL", "ACT_HI_OP_LOG",
            "ACT_HI_COMMENT", "ACT_HI_TASKINST", "ACT_HI_ACTINST", "ACT_HI_IDENTITYLINK", "ACT_RU_VARIABLE");

    @LocalServerPort
    int port;

    @Autowired
    SelectionDriver driver;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FormService forms;

    @Autowired
    IdentityService identity;

    @Autowired
    RuntimeService runtime;

    @Autowired
    BallotKeys keys;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    /** How a member's client submits the ballot form. */
    enum Client {
        /** Camunda Tasklist 7.24 rendering the Camunda Form, over /engine-rest/task/{id}/submit-form. */
        TASKLIST,
        /** A REST client sending the checklist as JSON text in a String variable. */
        REST_STRING,
        /** Java API (FormService) with the member authenticated, the checklist as a Java list. */
        JAVA_API,
        /** /engine-rest/task/{id}/complete with the checklist as a Json variable. */
        REST_COMPLETE
    }

    record Ballot(String member, Task task, Set<String> entitled, Set<String> approved, Client client) {

        Set<String> rejected() {
            Set<String> rejected = new TreeSet<>(entitled);
            rejected.removeAll(approved);
            return rejected;
        }
    }

    @Test
    void no_row_links_a_member_to_a_choice_and_the_tally_counts_every_ballot() throws Exception {
        Campaign campaign = driver.campaignWithRoster();
        ProcessInstance instance = driver.launch(campaign);
        // 马骏 signs in Tasklist, as the member would: the recusal checklist arrives as JSON text.
        List<Nomination> finalists = driver.driveToTheVote(campaign, instance, (declaration, form) -> {
            if (declaration.getAssignee().equals("majun")) {
                Tasklist.as(port, "majun", "demo").complete(declaration.getId(), form);
            } else {
                driver.complete(declaration, form);
            }
        });
        List<String> finalistIds = finalists.stream().map(n -> n.getId().toString()).toList();
        assertThat(finalistIds).as("finalists").hasSizeGreaterThanOrEqualTo(4);
        String recused = finalistIds.get(0);

        // Known ballots: member i rejects finalist j when bit j of (i + 1) is set, so every member's
        // choice is different and every finalist gets a different count.
        List<Task> ballotTasks = driver.tasks(instance, "castBallot");
        assertThat(ballotTasks).hasSize(15);
        ballotTasks = ballotTasks.stream().sorted((a, b) -> a.getAssignee().compareTo(b.getAssignee())).toList();
        List<Ballot> ballots = new ArrayList<>();
        for (int i = 0; i < ballotTasks.size(); i++) {
            Task task = ballotTasks.get(i);
            Set<String> entitled = new TreeSet<>(finalistIds);
            if (task.getAssignee().equals("majun")) {
                entitled.remove(recused);
            }
            Set<String> approved = new TreeSet<>();
            for (int j = 0; j < finalistIds.size(); j++) {
                if (((i + 1) >> j & 1) == 0 && entitled.contains(finalistIds.get(j))) {
                    approved.add(finalistIds.get(j));
                }
            }
            ballots.add(new Ballot(task.getAssignee(), task, entitled, approved, Client.values()[i % 4]));
        }

        // Half the committee votes; the vote is still open while we look.
        int half = ballots.size() / 2;
        for (Ballot ballot : ballots.subList(0, half)) {
            cast(ballot);
        }
        List<String> leaks = new ArrayList<>();
        leaks.addAll(leaks(instance, ballots.subList(0, half), campaign.getId()));
        for (Ballot ballot : ballots.subList(half, ballots.size())) {
            cast(ballot);
        }
        assertThat(driver.tasks(instance, "castBallot")).isEmpty();
        clockAt("2026-04-30T10:00");
        driver.runDueJobs(instance);
        leaks.addAll(leaks(instance, ballots, campaign.getId()));
        assertThat(leaks).as("rows linking a member to a choice").isEmpty();

        // The tally: approvals per finalist as the members chose; 马骏 is not entitled to vote on the recused one.
        for (String finalist : finalistIds) {
            long approvals = ballots.stream().filter(b -> b.approved().contains(finalist)).count();
            long entitled = ballots.stream().filter(b -> b.entitled().contains(finalist)).count();
            Map<String, Object> result = jdbc.queryForMap("select approvals, entitled_voters, status from award_result "
                    + "where nomination_id = ?", Long.valueOf(finalist));
            assertThat(((Number) result.get("approvals")).longValue()).as("approvals of " + finalist)
                    .isEqualTo(approvals);
            assertThat(((Number) result.get("entitled_voters")).longValue()).as("entitled of " + finalist)
                    .isEqualTo(entitled);
            // Every ballot holds a sealed 0/1 for every finalist (an encrypted 0 where the member recused).
            assertThat(jdbc.queryForObject("select count(*) from sealed_ballot where nomination_id = ?", Long.class,
                    Long.valueOf(finalist))).isEqualTo(ballots.size());
            assertThat(jdbc.queryForObject("select approvals from ballot_tally where nomination_id = ?", Long.class,
                    Long.valueOf(finalist))).isEqualTo(approvals);
            assertThat(result.get("status")).as("status of " + finalist)
                    .isIn(approvals * 3 >= entitled * 2 ? List.of("WINNER", "OVER_QUOTA") : List.of("NOT_APPROVED"));
        }
        assertThat(jdbc.queryForList("select member_id from ballot_receipt where campaign_id = ?", String.class,
                campaign.getId())).containsExactlyInAnyOrderElementsOf(ballots.stream().map(Ballot::member).toList());

        // The ballot tables hold no voter, no time and no plain choice: their columns are exactly these.
        assertThat(columns("sealed_ballot")).containsExactlyInAnyOrder("id", "campaign_id", "nomination_id", "ciphertext",
                "validity_proof");
        assertThat(columns("ballot_receipt")).containsExactlyInAnyOrder("campaign_id", "member_id");
        assertThat(jdbc.queryForObject("select count(*) from ballot where campaign_id = ?", Long.class, campaign.getId()))
                .as("plain ballot rows").isZero();
        // The vote's private key was outside the database and is gone with the tally.
        String keyId = jdbc.queryForObject("select key_id from ballot_key where campaign_id = ?", String.class,
                campaign.getId());
        assertThat(keys.file(keyId)).doesNotExist();
        runtime.deleteProcessInstance(instance.getId(), "anonymity test finished");
    }

    // ---------------------------------------------------------------------------------------- casting

    private void cast(Ballot ballot) throws Exception {
        List<String> approved = new ArrayList<>(ballot.approved());
        String json = JSON.writeValueAsString(approved);
        Http member = Http.to(port).as(ballot.member(), "demo");
        String taskId = ballot.task().getId();
        switch (ballot.client()) {
            case TASKLIST -> Tasklist.as(port, ballot.member(), "demo").complete(taskId,
                    Map.of(BallotBox.CHOICE_VARIABLE, approved));
            case REST_STRING -> {
                ObjectNode variable = JSON.createObjectNode().put("type", "String").put("value", json);
                submit(member, "/engine-rest/task/" + taskId + "/submit-form", variable);
            }
            case REST_COMPLETE -> {
                ObjectNode variable = JSON.createObjectNode().put("type", "Json").put("value", json);
                submit(member, "/engine-rest/task/" + taskId + "/complete", variable);
            }
            case JAVA_API -> {
                identity.setAuthentication(ballot.member(), identity.createGroupQuery().groupMember(ballot.member())
                        .list().stream().map(Group::getId).toList());
                try {
                    forms.submitTaskForm(taskId, vars(BallotBox.CHOICE_VARIABLE, approved));
                } finally {
                    identity.clearAuthentication();
                }
            }
        }
    }

    private static void submit(Http member, String path, ObjectNode variable) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("variables").set(BallotBox.CHOICE_VARIABLE, variable);
        Http.Answer answer = member.postJson(path, JSON.writeValueAsString(body));
        assertThat(answer.status()).as(path + " " + answer.body()).isIn(200, 204);
    }

    // ---------------------------------------------------------------------------------------- leak search

    /** Every row that names the choice variable or links one of these members to their choice. */
    private List<String> leaks(ProcessInstance instance, List<Ballot> cast, Long campaignId) {
        Map<String, String> byteArrays = new HashMap<>();
        List<String> leaks = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("select * from ACT_GE_BYTEARRAY where DEPLOYMENT_ID_ is null")) {
            String text = text(row, Map.of());
            byteArrays.put(String.valueOf(row.get("ID_")), text);
            // The empty declaration on an open ballot task has its (empty) byte array; a choice has ids.
            if (text.contains(BallotBox.CHOICE_VARIABLE) && !idLists(text).isEmpty()) {
                leaks.add("ACT_GE_BYTEARRAY holds a ballot choice: " + text);
            }
        }
        Map<String, Set<String>> identifiers = identifiers(instance, cast);
        List<Ballot> open = new ArrayList<>();
        for (String table : CAMUNDA_TABLES) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                String text = text(row, byteArrays);
                if (text.contains(BallotBox.CHOICE_VARIABLE) && !undeclaredChoiceOfOpenBallot(table, row, instance, text)) {
                    leaks.add(table + " holds the ballot choice: " + text);
                }
                leaks.addAll(linkedChoices(table, text, cast, identifiers));
            }
        }
        for (String table : List.of("sealed_ballot", "ballot_tally", "ballot_receipt", "award_result")) {
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table + " where campaign_id = ?",
                    campaignId)) {
                String text = text(row, Map.of());
                leaks.addAll(linkedChoices(table, text, cast, identifiers));
                if (!table.equals("ballot_receipt")) {
                    cast.stream().filter(b -> row.containsValue(b.member()))
                            .forEach(b -> leaks.add(table + " names member " + b.member() + ": " + text));
                }
            }
        }
        return leaks;
    }

    /**
     * The ballot form declares the choice on each ballot task, as an empty list, so that what a member
     * submits stays on their task; an open ballot's declaration holding no id is no leak.
     */
    private boolean undeclaredChoiceOfOpenBallot(String table, Map<String, Object> row, ProcessInstance instance,
            String text) {
        if (!table.equals("ACT_RU_VARIABLE") || row.get("TASK_ID_") == null) {
            return false;
        }
        boolean openBallot = driver.tasks(instance, "castBallot").stream()
                .anyMatch(t -> t.getId().equals(row.get("TASK_ID_")));
        return openBallot && idLists(text).isEmpty();
    }

    /** Rows linked to a member (user id, ballot task, its execution or activity instance) that hold their choice. */
    private static List<String> linkedChoices(String table, String text, List<Ballot> cast,
            Map<String, Set<String>> identifiers) {
        List<String> leaks = new ArrayList<>();
        Set<Set<String>> lists = idLists(text);
        if (lists.isEmpty()) {
            return leaks;
        }
        for (Ballot ballot : cast) {
            boolean linked = identifiers.get(ballot.member()).stream().anyMatch(text::contains);
            boolean choice = (!ballot.approved().isEmpty() && lists.contains(ballot.approved()))
                    || (!ballot.rejected().isEmpty() && lists.contains(ballot.rejected()));
            if (linked && choice) {
                leaks.add(table + " links " + ballot.member() + " to their choice " + ballot.approved() + ": " + text);
            }
        }
        return leaks;
    }

    private static Set<Set<String>> idLists(String text) {
        Set<Set<String>> lists = new HashSet<>();
        Matcher m = ID_LIST.matcher(text);
        while (m.find()) {
            String inner = m.group().substring(1, m.group().length() - 1);
            lists.add(new TreeSet<>(List.of(inner.split(","))).stream().map(s -> s.replace("\"", "").trim())
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        return lists;
    }

    /** What ties a member to their ballot in Camunda: user id, ballot task, its execution and activity instance. */
    private Map<String, Set<String>> identifiers(ProcessInstance instance, List<Ballot> cast) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        for (Ballot ballot : cast) {
            Set<String> own = new HashSet<>();
            own.add(ballot.member());
            own.add(ballot.task().getId());
            own.add(ballot.task().getExecutionId());
            own.addAll(jdbc.queryForList("select ID_ from ACT_HI_ACTINST where PROC_INST_ID_ = ? and EXECUTION_ID_ = ?",
                    String.class, instance.getId(), ballot.task().getExecutionId()));
            ids.put(ballot.member(), own);
        }
        return ids;
    }

    private static String text(Map<String, Object> row, Map<String, String> byteArrays) {
        StringBuilder text = new StringBuilder();
        row.forEach((column, value) -> {
            text.append(column).append('=');
            text.append(value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value));
            text.append("; ");
            if (column.equalsIgnoreCase("BYTEARRAY_ID_") && value != null && byteArrays.containsKey(value.toString())) {
                text.append("bytes=").append(byteArrays.get(value.toString())).append("; ");
            }
        });
        return text.toString();
    }

    private Set<String> columns(String table) {
        return jdbc.query("select * from " + table + " where 1 = 0", rs -> {
            Set<String> names = new TreeSet<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                names.add(rs.getMetaData().getColumnName(i).toLowerCase());
            }
            return names;
        });
    }
}
