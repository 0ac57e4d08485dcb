package io.laurel.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * Checks the container files under {@code docker/} against the facts the application depends on:
 * the mysql profile's variables, MySQL 8 with READ COMMITTED, no baked-in secrets, the two-node
 * cluster, and a Java 17 runtime image with a health check. Runs without a Docker engine.
 */
class DockerFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath();
    private static final Path COMPOSE = ROOT.resolve("docker/docker-compose.yml");
    private static final Path CLUSTER = ROOT.resolve("docker/docker-compose.cluster.yml");
    private static final Path DOCKERFILE = ROOT.resolve("docker/Dockerfile");
    private static final Path DOCKERIGNORE = ROOT.resolve(".dockerignore");
    private static final Path ENV_EXAMPLE = ROOT.resolve("docker/.env.example");
    private static final Path MYSQL_PROFILE = ROOT.resolve("src/main/resources/application-mysql.yml");

    private static final String DATA_DIR = "/var/lib/laurel";

    /** A compose variable reference, optionally with a required-message or an (empty) default. */
    private static final Pattern REFERENCE =
            Pattern.compile("^\\$\\{([A-Z][A-Z0-9_]*)(?:(:?\\?)([^}]*)|(:?-)([^}]*))?}$");

    private static Set<String> profileVariables;
    private static Map<String, Object> compose;
    private static Map<String, Object> cluster;

    @BeforeAll
    static void load() throws IOException {
        profileVariables = variablesOf(read(MYSQL_PROFILE));
        compose = yaml(COMPOSE);
        cluster = yaml(CLUSTER);
    }

    // ---------------------------------------------------------------- docker-compose.yml

    @Test
    void mysqlProfileNeedsTheDocumentedVariables() {
        // Guards the test itself: if the profile stopped using placeholders, the wiring checks would be vacuous.
        assertThat(profileVariables).contains("LAUREL_DB_URL", "LAUREL_DB_USER", "LAUREL_DB_PASSWORD",
                "LAUREL_ADMIN_USER", "LAUREL_ADMIN_PASSWORD", "LAUREL_SMTP_HOST", "LAUREL_MAIL_FROM",
                "LAUREL_IMAP_HOST", "LAUREL_IMAP_USER", "LAUREL_IMAP_PASSWORD", "LAUREL_DATA_DIR");
    }

    @Test
    void singleNodeStackHasMysqlMailAndLaurel() {
        assertThat(services(compose)).containsOnlyKeys("mysql", "mail", "laurel");
    }

    @Test
    void mysqlIsVersion8WithUnicodeAndReadCommitted() {
        for (Map<String, Object> file : List.of(compose, cluster)) {
            Map<String, Object> mysql = service(file, "mysql");
            assertThat((String) mysql.get("image")).matches("mysql:8(\\.\\d+)*");
            String command = commandOf(mysql);
            assertThat(command)
                    .contains("--character-set-server=utf8mb4")
                    .contains("--collation-server=utf8mb4_unicode_ci")
                    .contains("--transaction-isolation=READ-COMMITTED");
            assertThat(map(mysql.get("healthcheck"))).containsKey("test");
            assertThat(volumeSources(mysql, "/var/lib/mysql")).as("named volume for MySQL data")
                    .singleElement().matches(s -> !s.startsWith(".") && !s.startsWith("/"), "a named volume");
            Map<String, String> env = environment(mysql);
            assertThat(env).containsEntry("MYSQL_DATABASE", "laurel");
            assertThat(env.get("MYSQL_USER")).as("MYSQL_USER").startsWith("${LAUREL_DB_USER");
            assertThat(env.get("MYSQL_PASSWORD")).as("MYSQL_PASSWORD").startsWith("${LAUREL_DB_PASSWORD");
        }
    }

    @Test
    void mailIsGreenMailWithSmtpImapAndTheIntakeMailbox() {
        for (Map<String, Object> file : List.of(compose, cluster)) {
            Map<String, Object> mail = service(file, "mail");
            assertThat((String) mail.get("image")).startsWith("greenmail/standalone:2.1.");
            String opts = environment(mail).get("GREENMAIL_OPTS");
            assertThat(opts).contains("-Dgreenmail.hostname=0.0.0.0")
                    .contains("-Dgreenmail.users.login=email")
                    .doesNotContain("greenmail.auth.disabled");
            assertThat(opts.contains("-Dgreenmail.setup.test.all")
                    || opts.contains("-Dgreenmail.setup.test.smtp") && opts.contains("-Dgreenmail.setup.test.imap"))
                    .as("SMTP 3025 and IMAP 3143 enabled in %s", opts).isTrue();
            Matcher users = Pattern.compile("-Dgreenmail\\.users=((?:\\$\\{[^}]*}|\\S)+)").matcher(opts);
            assertThat(users.find()).as("greenmail.users in %s", opts).isTrue();
            // login:password@domain, the password being a reference to the IMAP password.
            assertThat(users.group(1)).matches("awards:\\$\\{LAUREL_IMAP_PASSWORD(:?\\?[^}]*)?}@laurel\\.local");
        }
    }

    @Test
    void laurelIsBuiltFromTheDockerfileWithTheMysqlProfile() {
        assertLaurelNode(service(compose, "laurel"));
    }

    @Test
    void laurelWaitsForHealthyMysqlAndPublishes8080() {
        Map<String, Object> laurel = service(compose, "laurel");
        assertThat(dependsOnCondition(laurel, "mysql")).isEqualTo("service_healthy");
        assertThat(portMappings(laurel)).containsEntry(8080, 8080);
    }

    @Test
    void noPasswordIsWrittenIntoTheComposeFiles() {
        for (Map<String, Object> file : List.of(compose, cluster)) {
            services(file).forEach((name, definition) -> environment(map(definition)).forEach((key, value) -> {
                if (key.equals("MYSQL_RANDOM_ROOT_PASSWORD")) {
                    assertThat(value).as(name + "." + key).isEqualTo("yes"); // a switch, not a password
                } else if (key.contains("PASSWORD") || key.contains("SECRET")) {
                    assertSecretReference(name + "." + key, value);
                }
            }));
            assertThat(environment(service(file, "mysql"))).doesNotContainKey("MYSQL_ALLOW_EMPTY_PASSWORD");
        }
    }

    @Test
    void everyVariableGivenToLaurelIsReadByTheApplication() throws IOException {
        // The other direction of assertLaurelNode: a variable the application never reads is a setting that
        // silently does nothing (a typo, or a setting that was renamed).
        Set<String> known = new TreeSet<>();
        for (Path yml : List.of(ROOT.resolve("src/main/resources/application.yml"), MYSQL_PROFILE)) {
            flatten("", yaml(yml), known);
        }
        Matcher placeholders = Pattern.compile("\\$\\{([a-z][a-z0-9.-]*)").matcher(javaSources());
        while (placeholders.find()) {
            known.add(placeholders.group(1));
        }
        // Camunda's own Spring Boot settings (CamundaBpmProperties), not repeated in application.yml.
        known.add("camunda.bpm.job-execution.lock-time-in-millis");
        known.add("spring.profiles.active");
        Set<String> canonicalKnown = known.stream().map(k -> k.replaceAll("[.-]", "").toLowerCase())
                .collect(Collectors.toSet());
        for (Map<String, Object> file : List.of(compose, cluster)) {
            services(file).forEach((name, definition) -> {
                if (!map(definition).containsKey("build")) {
                    return; // mysql, mail: their images' own variables
                }
                for (String variable : environment(map(definition)).keySet()) {
                    boolean read = profileVariables.contains(variable)
                            || canonicalKnown.contains(variable.replace("_", "").toLowerCase());
                    assertThat(read).as("%s.%s is read by the application (application-mysql.yml or a setting)",
                            name, variable).isTrue();
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> yaml, Set<String> keys) {
        yaml.forEach((key, value) -> {
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            keys.add(path);
            if (value instanceof Map<?, ?> nested) {
                flatten(path, (Map<String, Object>) nested, keys);
            }
        });
    }

    private static String javaSources() throws IOException {
        try (var files = Files.walk(ROOT.resolve("src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8));
            }
            return all.toString();
        }
    }

    @Test
    void dockerfileBakesInNoSecret() throws IOException {
        assertThat(instructions(read(DOCKERFILE)))
                .noneMatch(i -> (i.startsWith("ENV ") || i.startsWith("ARG ")) && i.matches("(?i).*(password|secret).*"));
    }

    @Test
    void requiredSecretsHaveNoDefault() {
        for (Map<String, Object> file : List.of(compose, cluster)) {
            for (String node : laurelNodes(file)) {
                Map<String, String> env = environment(service(file, node));
                for (String secret : List.of("LAUREL_DB_PASSWORD", "LAUREL_ADMIN_PASSWORD", "LAUREL_IMAP_PASSWORD")) {
                    assertThat(env.get(secret)).as("%s.%s", node, secret)
                            .matches("\\$\\{" + secret + ":?\\?[^}]+}");
                }
            }
        }
    }

    @Test
    void envExampleDocumentsEveryVariableItUsesWithPlaceholderSecrets() throws IOException {
        String example = read(ENV_EXAMPLE);
        Set<String> referenced = new TreeSet<>();
        referenced.addAll(variablesOf(read(COMPOSE)));
        referenced.addAll(variablesOf(read(CLUSTER)));
        for (String variable : referenced) {
            assertThat(example).as("docker/.env.example mentions %s", variable).contains(variable + "=");
        }
        for (String secret : List.of("LAUREL_DB_PASSWORD", "LAUREL_ADMIN_PASSWORD", "LAUREL_IMAP_PASSWORD")) {
            assertThat(example).as("%s is a dummy value marked to change", secret)
                    .containsPattern("(?m)^" + secret + "=CHANGE-ME");
        }
    }

    // ---------------------------------------------------------------- docker-compose.cluster.yml

    @Test
    void clusterHasExactlyTwoLaurelNodesBesideMysqlAndMail() {
        assertThat(services(cluster)).containsOnlyKeys("mysql", "mail", "laurel-1", "laurel-2");
        assertThat(laurelNodes(cluster)).containsExactlyInAnyOrder("laurel-1", "laurel-2");
    }

    @Test
    void clusterNodesAreFullLaurelNodes() {
        for (String node : laurelNodes(cluster)) {
            assertLaurelNode(service(cluster, node));
            assertThat(dependsOnCondition(service(cluster, node), "mysql")).isEqualTo("service_healthy");
        }
    }

    @Test
    void clusterNodesShareDatabaseAndFilesWithDistinctPortsAndNames() {
        Map<String, String> one = environment(service(cluster, "laurel-1"));
        Map<String, String> two = environment(service(cluster, "laurel-2"));
        assertThat(one.get("LAUREL_DB_URL")).isNotBlank().isEqualTo(two.get("LAUREL_DB_URL"));
        assertThat(volumeSources(service(cluster, "laurel-1"), DATA_DIR))
                .isNotEmpty()
                .isEqualTo(volumeSources(service(cluster, "laurel-2"), DATA_DIR));

        Map<Integer, Integer> ports1 = portMappings(service(cluster, "laurel-1"));
        Map<Integer, Integer> ports2 = portMappings(service(cluster, "laurel-2"));
        assertThat(ports1).containsEntry(8081, 8080);
        assertThat(ports2).containsEntry(8082, 8080);
        assertThat(ports1.keySet()).doesNotContainAnyElementsOf(ports2.keySet());

        assertThat(one.get("LAUREL_NODE_NAME")).isEqualTo("laurel-1");
        assertThat(two.get("LAUREL_NODE_NAME")).isEqualTo("laurel-2");
    }

    /**
     * Both nodes poll; the intake_lease keeps it to one at a time and hands it over when the holder dies
     * (TwoNodeClusterMySqlTest proves both on MariaDB).
     */
    @Test
    void bothClusterNodesMayPollImapTheLeaseKeepsItToOne() {
        assertThat(environment(service(cluster, "laurel-1"))).containsEntry("LAUREL_INTAKE_POLLING_ENABLED", "true");
        assertThat(environment(service(cluster, "laurel-2"))).containsEntry("LAUREL_INTAKE_POLLING_ENABLED", "true");
    }

    /** A dead node's jobs come back after the job lock time; the compose file states it, as a number. */
    @Test
    void clusterNodesShareAnExplicitJobLockTime() {
        for (String node : laurelNodes(cluster)) {
            assertThat(environment(service(cluster, node)).get("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS"))
                    .as(node).matches("[1-9][0-9]{3,}");
        }
    }

    // ---------------------------------------------------------------- Dockerfile, .dockerignore

    @Test
    void dockerfileRunsOnJava17AsNonRootWithHealthCheck() throws IOException {
        List<String> instructions = instructions(read(DOCKERFILE));
        List<String> froms = instructions.stream().filter(i -> i.startsWith("FROM ")).toList();
        assertThat(froms).as("FROM lines").isNotEmpty();
        assertThat(froms.get(froms.size() - 1)).as("runtime stage")
                .matches("FROM eclipse-temurin:17(\\.[0-9.+_]+)?-jre\\S*(\\s+AS\\s+\\S+)?");

        List<String> runtime = instructions.subList(instructions.lastIndexOf(froms.get(froms.size() - 1)),
                instructions.size());
        assertThat(runtime).anyMatch(i -> i.matches("EXPOSE\\s+(.*\\s)?8080(/tcp)?(\\s.*)?"));
        assertThat(runtime).anyMatch(i -> i.startsWith("HEALTHCHECK ") && i.contains("/opt/laurel/healthcheck.sh"));
        assertThat(runtime).anyMatch(i -> i.startsWith("COPY ") && i.contains("docker/healthcheck.sh /opt/laurel/healthcheck.sh"));
        assertThat(read(ROOT.resolve("docker/healthcheck.sh"))).contains("/actuator/health");
        // No tool the JRE image is not promised to have (HealthCheckScriptTest runs the script with an empty PATH).
        assertThat(runtime).noneMatch(i -> i.startsWith("HEALTHCHECK ") && i.matches(".*\\b(curl|wget|nc)\\b.*"));
        assertThat(runtime).anyMatch(i -> i.startsWith("VOLUME ") && i.contains(DATA_DIR));
        assertThat(runtime).anyMatch(i -> i.startsWith("ENV ") && i.matches(".*\\bSPRING_PROFILES_ACTIVE=mysql\\b.*"));
        List<String> users = runtime.stream().filter(i -> i.startsWith("USER ")).toList();
        assertThat(users).as("USER in the runtime stage").isNotEmpty();
        assertThat(users.get(users.size() - 1).substring(5).trim()).isNotIn("root", "0", "0:0", "root:root");
        assertThat(runtime).anyMatch(i -> i.startsWith("COPY ") && i.contains(".jar"));
    }

    @Test
    void dockerfileBuildsTheJarWithTheMavenWrapperOnJava17() throws IOException {
        List<String> instructions = instructions(read(DOCKERFILE));
        assertThat(instructions).anyMatch(i -> i.matches("FROM maven:3\\.9\\S*-eclipse-temurin-17\\S*\\s+AS\\s+\\S+"));
        assertThat(instructions).anyMatch(i -> i.startsWith("RUN ") && i.contains("./mvnw") && i.contains("package"));
    }

    @Test
    void dockerignoreKeepsLocalStateOutOfTheBuildContext() throws IOException {
        List<String> lines = read(DOCKERIGNORE).lines().map(String::trim).toList();
        for (String entry : List.of("target", "data", ".git", "node_modules")) {
            assertThat(lines).as(".dockerignore excludes %s", entry).containsAnyOf(entry, entry + "/", "/" + entry + "/");
        }
    }

    // ---------------------------------------------------------------- shared assertions

    private static void assertLaurelNode(Map<String, Object> node) {
        Map<String, Object> build = map(node.get("build"));
        assertThat(build).containsEntry("context", "..").containsEntry("dockerfile", "docker/Dockerfile");

        Map<String, String> env = environment(node);
        assertThat(env).containsEntry("SPRING_PROFILES_ACTIVE", "mysql");
        for (String variable : profileVariables) {
            assertThat(env.get(variable)).as("%s is set", variable).isNotBlank();
        }
        assertThat(env.get("LAUREL_DB_URL"))
                .startsWith("jdbc:mysql://mysql:3306/laurel?")
                .contains("sendFractionalSeconds=false")
                .contains("characterEncoding=UTF-8")
                .contains("allowPublicKeyRetrieval=true");
        assertThat(env).containsEntry("LAUREL_DATA_DIR", DATA_DIR);
        assertThat(volumeSources(node, DATA_DIR)).as("volume on %s", DATA_DIR).hasSize(1);
    }

    private static void assertSecretReference(String where, String value) {
        assertThat(value).as(where).isNotNull();
        Matcher matcher = REFERENCE.matcher(value);
        assertThat(matcher.matches()).as("%s must be a ${...} reference but is %s", where, value).isTrue();
        String defaultValue = matcher.group(5);
        assertThat(defaultValue == null || defaultValue.isEmpty())
                .as("%s must not default to a literal password: %s", where, value).isTrue();
    }

    // ---------------------------------------------------------------- parsing helpers

    private static String read(Path path) throws IOException {
        assertThat(path).exists();
        return Files.readString(path, StandardCharsets.UTF_8);
    }

    private static Map<String, Object> yaml(Path path) throws IOException {
        Object loaded = new Yaml().load(read(path));
        assertThat(loaded).as(path.toString()).isInstanceOf(Map.class);
        return map(loaded);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Set<String> variablesOf(String text) {
        Set<String> variables = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{(LAUREL_[A-Z0-9_]+)").matcher(text);
        while (matcher.find()) {
            variables.add(matcher.group(1));
        }
        return variables;
    }

    private static Map<String, Object> services(Map<String, Object> file) {
        return map(file.get("services"));
    }

    private static Map<String, Object> service(Map<String, Object> file, String name) {
        Object definition = services(file).get(name);
        assertThat(definition).as("service %s", name).isNotNull();
        return map(definition);
    }

    /** Services built from the application Dockerfile. */
    private static List<String> laurelNodes(Map<String, Object> file) {
        return services(file).entrySet().stream()
                .filter(e -> map(e.getValue()).get("build") instanceof Map<?, ?> build
                        && "docker/Dockerfile".equals(build.get("dockerfile")))
                .map(Map.Entry::getKey)
                .collect(Collectors.toList());
    }

    /** The environment of a service, whether written as a map or as a list of KEY=VALUE. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        Map<String, String> result = new LinkedHashMap<>();
        if (env instanceof Map<?, ?> entries) {
            entries.forEach((k, v) -> result.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (env instanceof List<?> entries) {
            for (Object entry : entries) {
                String text = String.valueOf(entry);
                int eq = text.indexOf('=');
                result.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
            }
        }
        return result;
    }

    private static String commandOf(Map<String, Object> service) {
        Object command = service.get("command");
        if (command instanceof List<?> parts) {
            return parts.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return String.valueOf(command);
    }

    private static String dependsOnCondition(Map<String, Object> service, String dependency) {
        Object dependsOn = service.get("depends_on");
        if (dependsOn instanceof Map<?, ?> deps && deps.get(dependency) instanceof Map<?, ?> condition) {
            return String.valueOf(condition.get("condition"));
        }
        return null;
    }

    /** Host port to container port, from short ("[ip:]host:container[/proto]") or long syntax. */
    private static Map<Integer, Integer> portMappings(Map<String, Object> service) {
        Map<Integer, Integer> result = new LinkedHashMap<>();
        Object ports = service.get("ports");
        if (!(ports instanceof List<?> entries)) {
            return result;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> longSyntax) {
                result.put(Integer.valueOf(String.valueOf(longSyntax.get("published"))),
                        Integer.valueOf(String.valueOf(longSyntax.get("target"))));
            } else {
                String[] parts = String.valueOf(entry).replaceAll("/\\w+$", "").split(":");
                if (parts.length >= 2) {
                    result.put(Integer.valueOf(parts[parts.length - 2]), Integer.valueOf(parts[parts.length - 1]));
                }
            }
        }
        return result;
    }

    /** Sources of the volumes mounted on the given container path. */
    private static List<String> volumeSources(Map<String, Object> service, String target) {
        List<String> result = new ArrayList<>();
        Object volumes = service.get("volumes");
        if (!(volumes instanceof List<?> entries)) {
            return result;
        }
        for (Object entry : entries) {
            if (entry instanceof Map<?, ?> longSyntax) {
                if (target.equals(longSyntax.get("target"))) {
                    result.add(String.valueOf(longSyntax.get("source")));
                }
            } else {
                String[] parts = String.valueOf(entry).split(":");
                if (parts.length >= 2 && target.equals(parts[1])) {
                    result.add(parts[0]);
                }
            }
        }
        return result;
    }

    /** Dockerfile instructions with comments dropped and continuation lines joined. */
    private static List<String> instructions(String dockerfile) {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : dockerfile.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("#") || line.isEmpty() && current.length() == 0) {
                continue;
            }
            boolean continues = line.endsWith("\\");
            current.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String instruction = current.toString().replaceAll("\\s+", " ").trim();
                if (!instruction.isEmpty()) {
                    int space = instruction.indexOf(' ');
                    String keyword = (space < 0 ? instruction : instruction.substring(0, space)).toUpperCase();
                    result.add(keyword + (space < 0 ? "" : instruction.substring(space)));
                }
                current.setLength(0);
            }
        }
        return result;
    }
}
