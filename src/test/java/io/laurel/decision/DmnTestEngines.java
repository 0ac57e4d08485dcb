package io.laurel.decision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/** Standalone DMN engines for evaluating the real decision files from the classpath. */
public final class DmnTestEngines {

    private DmnTestEngines() {
    }

    /** The engine as the application runs it: legacy FEEL (dmn-feel-enable-legacy-behavior=true). */
    public static DmnEngine legacyFeel() {
        return engine(true);
    }

    /** The engine's default configuration (feel-scala). */
    public static DmnEngine defaultFeel() {
        return engine(false);
    }

    private static DmnEngine engine(boolean legacy) {
        DefaultDmnEngineConfiguration configuration =
                (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        return configuration.enableFeelLegacyBehavior(legacy).buildEngine();
    }

    public static DmnDecision decision(DmnEngine engine, String resource, String key) {
        try (InputStream in = DmnTestEngines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return engine.parseDecision(key, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision file as a model, for checks on the XML itself (rows, annotations, attributes). */
    public static DmnModelInstance model(String resource) {
        try (InputStream in = DmnTestEngines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Dmn.readModelFromStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rows of a decision table: input entry texts, then output entry texts, then the annotation. */
    public static List<List<String>> rows(DmnModelInstance model) {
        var table = model.getModelElementsByType(org.camunda.bpm.model.dmn.instance.DecisionTable.class)
                .iterator().next();
        return table.getRules().stream().map(rule -> {
            var cells = new java.util.ArrayList<String>();
            rule.getInputEntries().forEach(e -> cells.add(e.getText().getTextContent().trim()));
            rule.getOutputEntries().forEach(e -> cells.add(e.getText().getTextContent().trim()));
            cells.add(rule.getDescription() == null ? "" : rule.getDescription().getTextContent().trim());
            return (List<String>) cells;
        }).toList();
    }

    public static org.w3c.dom.Document dom(String resource) {
        try (InputStream in = DmnTestEngines.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IllegalStateException(resource + " is not well-formed XML", e);
        }
    }
}
