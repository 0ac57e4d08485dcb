package io.laurel.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import io.laurel.support.Http;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Enterprise login: profile {@code ldap} against a real LDAP server (UnboundID's in-memory directory, on a free
 * port) holding users and groups named like Laurel's. Directory users log in to Laurel's API and to the engine
 * REST API (what Tasklist calls), get their directory groups' authorizations, and see their group's tasks; no
 * user or group is written to Camunda's tables.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // A second application context in this JVM: its own engine name and database, no web apps (their
        // static singletons belong to the H2 test context), no demo users (the directory is read-only).
        "camunda.bpm.process-engine-name=ldaptest",
        "camunda.bpm.webapp.enabled=false",
        "camunda.bpm.admin-user.id=ldapadmin",
        "spring.datasource.url=jdbc:h2:mem:laurel-ldap;DB_CLOSE_DELAY=-1",
        "laurel.data-dir=target/test-data-ldap",
        "laurel.demo.enabled=false"})
@ActiveProfiles({"test", "ldap"})
class LdapLoginTest {

    private static final String BASE = "dc=laurel,dc=test";
    private static InMemoryDirectoryServer directory;

    @LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Autowired
    RepositoryService repository;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) throws Exception {
        if (directory == null) {
            InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
            config.addAdditionalBindCredentials("cn=manager," + BASE, "manager-secret");
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
            directory = new InMemoryDirectoryServer(config);
            directory.add("dn: " + BASE, "objectClass: domain", "dc: laurel");
            directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
            directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
            person("lihr", "李华", "Li", "ldap-hr-secret");
            person("zhaoc", "赵晨", "Zhao", "ldap-committee-secret");
            person("ldapadmin", "管理员", "Admin", "ldap-admin-secret");
            group("hr", "人力资源部", "lihr");
            group("committee", "评选委员会", "zhaoc");
            group("camunda-admin", "系统管理员", "ldapadmin");
            directory.startListening();
        }
        int port = directory.getListenPort();
        registry.add("LAUREL_LDAP_URL", () -> "ldap://127.0.0.1:" + port);
        registry.add("LAUREL_LDAP_MANAGER_DN", () -> "cn=manager," + BASE);
        registry.add("LAUREL_LDAP_MANAGER_PASSWORD", () -> "manager-secret");
        registry.add("LAUREL_LDAP_BASE_DN", () -> BASE);
    }

    private static void person(String uid, String cn, String sn, String password) throws Exception {
        directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid,
                "cn: " + cn, "sn: " + sn, "mail: " + uid + "@laurel.test", "userPassword: " + password);
    }

    private static void group(String cn, String description, String member) throws Exception {
        directory.add("dn: cn=" + cn + ",ou=groups," + BASE, "objectClass: groupOfNames", "cn: " + cn,
                "description: " + description, "member: uid=" + member + ",ou=people," + BASE);
    }

    @AfterAll
    static void stopDirectory() {
        if (directory != null) {
            directory.shutDown(true);
            directory = null;
        }
    }

    @Test
    void the_engine_reads_users_and_groups_from_the_directory() {
        assertThat(identity.isReadOnly()).isTrue();
        assertThat(identity.checkPassword("lihr", "ldap-hr-secret")).isTrue();
        assertThat(identity.checkPassword("lihr", "wrong")).isFalse();
        assertThat(identity.createGroupQuery().groupMember("lihr").list()).extracting(Group::getId)
                .containsExactly("hr");
        assertThat(identity.createUserQuery().userId("zhaoc").singleResult().getEmail())
                .isEqualTo("zhaoc@laurel.test");
    }

    @Test
    void directory_users_log_in_to_the_api_with_their_groups_rights() {
        Http hr = Http.to(port).as("lihr", "ldap-hr-secret");
        assertThat(hr.get("/api/campaigns").status()).isEqualTo(200);
        Http.Answer created = hr.postJson("/api/campaigns",
                "{\"preset\":\"service-star-2025\",\"startsOn\":\"2026-01-31\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(Http.to(port).as("lihr", "wrong").get("/api/campaigns").status()).isEqualTo(401);
        Http committee = Http.to(port).as("zhaoc", "ldap-committee-secret");
        assertThat(committee.get("/api/campaigns").status()).isEqualTo(200);
        assertThat(committee.postJson("/api/campaigns", "{\"preset\":\"service-star-2025\"}").status())
                .isEqualTo(403);
    }

    @Test
    void directory_users_see_their_groups_tasks_through_the_engine_rest_api() throws Exception {
        repository.createDeployment().addModelInstance("ldap-probe.bpmn", Bpmn.createExecutableProcess("ldap-probe")
                .camundaHistoryTimeToLive(1).startEvent().userTask("probe").name("目录用户的任务")
                .camundaCandidateGroups("hr").endEvent().done()).deploy();
        runtime.startProcessInstanceByKey("ldap-probe");

        String tasks = "/engine-rest/engine/ldaptest/task?processDefinitionKey=ldap-probe";
        Http.Answer asHr = Http.to(port).as("lihr", "ldap-hr-secret").get(tasks);
        assertThat(asHr.status()).as(asHr.body()).isEqualTo(200);
        JsonNode list = json.readTree(asHr.body());
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("name").asText()).isEqualTo("目录用户的任务");

        Http.Answer asCommittee = Http.to(port).as("zhaoc", "ldap-committee-secret").get(tasks);
        assertThat(json.readTree(asCommittee.body())).isEmpty();
        assertThat(Http.to(port).as("lihr", "wrong").get(tasks).status()).isEqualTo(401);
    }
}
