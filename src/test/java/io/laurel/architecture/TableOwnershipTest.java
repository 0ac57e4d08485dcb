package io.laurel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One owner per table, as docs/architecture.md's table says: SQL in a module's main code names only the tables its
 * own module owns (others are reached through the owning module's API), and every table Laurel's migrations create
 * has an owner in that table. Spring Modulith checks type dependencies; this checks what it cannot see, the SQL.
 */
class TableOwnershipTest {

    private static final Path SOURCES = Path.of("src/main/java/io/laurel");
    /** A table named after a keyword that reads or writes it: from, join, into, update, delete from. */
    private static final Pattern TABLE_IN_SQL = Pattern.compile(
            "\\b(?:from|join|into|update)\\s+`?([a-z][a-z0-9_]*)`?", Pattern.CASE_INSENSITIVE);
    private static final Pattern OWNER_ROW = Pattern.compile("^\\| (\\w+) \\| (.*?) \\|");
    private static final Pattern TABLE_NAME = Pattern.compile("`([a-z][a-z0-9_]*\\*?)`");

    private static Map<String, String> ownerByTable;

    @BeforeAll
    static void readTheOwnersTable() throws IOException {
        ownerByTable = new LinkedHashMap<>();
        String doc = Files.readString(Path.of("docs/architecture.md"));
        String section = doc.substring(doc.indexOf("## One owner per table"));
        section = section.substring(0, section.indexOf("\n## ", 3));
        for (String line : section.lines().toList()) {
            Matcher row = OWNER_ROW.matcher(line);
            if (row.find() && !row.group(1).equals("module")) {
                Matcher table = TABLE_NAME.matcher(row.group(2));
                while (table.find()) {
                    ownerByTable.put(table.group(1), row.group(1));
                }
            }
        }
        assertThat(ownerByTable).as("owners read from docs/architecture.md").hasSizeGreaterThan(30);
    }

    @Test
    void every_table_of_the_migrations_has_one_owner_in_the_docs() throws SQLException {
        String url = "jdbc:h2:mem:table-ownership;DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration")
                .placeholders(Map.of("timestamp_type", "timestamp(6)", "lob_type", "clob", "table_options", ""))
                .load().migrate();
        TreeSet<String> tables = new TreeSet<>();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                ResultSet rows = connection.createStatement().executeQuery("select lower(table_name) from "
                        + "information_schema.tables where table_schema = 'PUBLIC' and table_type = 'BASE TABLE'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            connection.createStatement().execute("drop all objects");
        }
        tables.remove("flyway_schema_history");
        assertThat(tables).as("tables created by the migrations").hasSizeGreaterThan(30);
        assertThat(tables.stream().filter(t -> owner(t).isEmpty()).toList())
                .as("tables without an owner in docs/architecture.md").isEmpty();
    }

    @Test
    void a_module_names_in_its_sql_only_the_tables_it_owns() throws IOException {
        List<String> foreign = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = SOURCES.relativize(file).getName(0).toString();
                for (String literal : stringLiterals(Files.readString(file))) {
                    Matcher table = TABLE_IN_SQL.matcher(literal);
                    while (table.find()) {
                        String name = table.group(1).toLowerCase();
                        owner(name).filter(owner -> !owner.equals(module)).ifPresent(owner -> foreign.add(
                                SOURCES.relativize(file) + " names " + name + " (owned by " + owner + ")"));
                    }
                }
            }
        }
        assertThat(foreign).as("SQL on another module's table").isEmpty();
    }

    @Test
    void the_check_sees_a_foreign_table_in_a_text_block_and_in_a_concatenation() {
        String source = "String q = \"select count(*) from \"\n        + \"nomination n join member_unit u on u.id = n.unit_id\";\n"
                + "String r = \"\"\"\n    update award_result set revoked = true\n    \"\"\";";
        List<String> names = new ArrayList<>();
        for (String literal : stringLiterals(source)) {
            Matcher table = TABLE_IN_SQL.matcher(literal);
            while (table.find()) {
                names.add(table.group(1));
            }
        }
        assertThat(names).containsExactly("nomination", "member_unit", "award_result");
        assertThat(owner("member_unit")).contains("unit");
        assertThat(owner("contest_match")).as("a prefix row such as contest_*").contains("contest");
    }

    private static Optional<String> owner(String table) {
        String exact = ownerByTable.get(table);
        if (exact != null) {
            return Optional.of(exact);
        }
        return ownerByTable.entrySet().stream()
                .filter(e -> e.getKey().endsWith("*") && table.startsWith(e.getKey().substring(0, e.getKey().length() - 1)))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The string literals and text blocks of a Java source, with literals joined by {@code +} read as one. */
    private static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        Matcher m = Pattern.compile("'(?:\\\\.|[^'\\\\])'|\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\])*)\"", Pattern.DOTALL).matcher(source);
        int previousEnd = -1;
        while (m.find()) {
            if (m.group(1) == null && m.group(2) == null) {
                continue; // a char literal such as '"'
            }
            String literal = m.group(1) != null ? m.group(1) : m.group(2);
            boolean continued = previousEnd >= 0 && source.substring(previousEnd, m.start()).strip().equals("+");
            if (continued) {
                literals.set(literals.size() - 1, literals.get(literals.size() - 1) + literal);
            } else {
                literals.add(literal);
            }
            previousEnd = m.end();
        }
        return literals;
    }
}
