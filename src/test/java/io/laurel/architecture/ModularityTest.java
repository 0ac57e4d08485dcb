package io.laurel.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.laurel.LaurelApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void writesTheModuleDiagramIntoDocs() throws IOException {
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        String diagram = Files.readString(Path.of("docs/modules/components.puml"));
        // Modules without dependencies in either direction (config) are left out of the diagram by Modulith.
        assertThat(diagram).contains("\"Nomination\"", "\"Intake\"", "\"Vote\"", "\"Campaign\"", "\"Process\"");
    }
}
