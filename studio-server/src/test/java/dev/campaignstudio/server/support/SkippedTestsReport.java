package dev.campaignstudio.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says loudly, at the end of a run, which test classes did not run and why (PostgreSQL or RabbitMQ unreachable outside
 * CI, a browser missing), so a green local {@code ./mvnw verify} cannot hide that the distributed tests were skipped.
 * The same list goes to {@code target/skipped-tests.txt}. Registered through {@code META-INF/services}.
 */
public final class SkippedTestsReport implements TestExecutionListener {

    private final Map<String, String> skipped = new TreeMap<>();

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.putIfAbsent(owner(test), reason);
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            skipped.putIfAbsent(
                    owner(test),
                    result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (skipped.isEmpty()) {
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append("\n*** ")
                .append(skipped.size())
                .append(" test class(es) skipped tests; what those tests guard is unchecked ***\n");
        skipped.forEach((owner, why) -> report.append("  SKIPPED ")
                .append(owner)
                .append(": ")
                .append(why)
                .append('\n'));
        report.append("*** CI=true turns these skips into failures ***\n");
        System.err.print(report);
        try {
            Files.writeString(Path.of("target", "skipped-tests.txt"), report.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String owner(TestIdentifier test) {
        return test.getSource()
                .map(source -> {
                    if (source instanceof MethodSource method) {
                        return method.getClassName();
                    }
                    if (source instanceof ClassSource type) {
                        return type.getClassName();
                    }
                    return test.getDisplayName();
                })
                .orElse(test.getDisplayName());
    }
}
