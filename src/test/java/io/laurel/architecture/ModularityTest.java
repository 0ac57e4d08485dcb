package io.laurel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.LaurelApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries: every top-level feature package is a module; its sub-packages are its internals. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(LaurelApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    /**
     * Modulith writes the same diagram with its lines in a different order on each run; a file in docs is replaced
     * only when its lines differ as a set, so the docs change when the modules do and not on every test run.
     */
    @Test
    void writesTheModuleDiagramIntoDocs() throws IOException {
        Path written = Path.of("target/modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(written.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path docs = Files.createDirectories(Path.of("docs/modules"));
        try (Stream<Path> files = Files.list(written)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Path target = docs.resolve(file.getFileName().toString());
                if (!Files.exists(target) || !sortedLines(target).equals(sortedLines(file))) {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        String diagram = Files.readString(docs.resolve("components.puml"));
        // Modules without dependencies in either direction (config) are left out of the diagram by Modulith.
        assertThat(diagram).contains("\"Nomination\"", "\"Intake\"", "\"Vote\"", "\"Campaign\"", "\"Process\"");
    }

    private static List<String> sortedLines(Path file) throws IOException {
        return Files.readAllLines(file).stream().sorted().toList();
    }
}
