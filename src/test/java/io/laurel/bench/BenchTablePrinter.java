package io.laurel.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the benchmark table at the end of a run in which a benchmark wrote one (registered in
 * {@code META-INF/services}; prints nothing in ordinary test runs).
 */
public class BenchTablePrinter implements TestExecutionListener {

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (!BenchTable.written()) {
            return;
        }
        try {
            System.out.println();
            System.out.println(Files.readString(BenchTable.FILE, StandardCharsets.UTF_8));
        } catch (IOException e) {
            System.out.println("benchmark table not readable: " + e);
        }
    }
}
