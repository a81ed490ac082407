package dev.campaignstudio.bench.chaos;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the chaos bench starts a service process: the same {@code studio} command line as a user runs, in a JVM of its
 * own, from the application jar when the bench itself runs from it ({@code ./studio bench chaos}), else from this
 * JVM's class path (a test).
 */
final class Launcher {

    private static final String CLI = "dev.campaignstudio.server.adapter.in.cli.StudioCli";
    private static final List<String> JVM_OPTIONS =
            List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=96m", "-XX:MaxMetaspaceSize=256m");

    private Launcher() {}

    /** This JVM's {@code java}. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The command that runs {@code studio <arguments>} with {@code properties} as system properties (they win over
     * the environment and every configuration file) and {@code jvmOptions} after the launcher's memory defaults.
     */
    static List<String> command(List<String> jvmOptions, Map<String, String> properties, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(JVM_OPTIONS);
        command.addAll(jvmOptions);
        String home = System.getProperty("studio.home");
        if (home != null) {
            command.add("-Dstudio.home=" + home);
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        String classPath = System.getProperty("java.class.path");
        boolean applicationJar = !classPath.contains(File.pathSeparator)
                && classPath.endsWith(".jar")
                && Files.isRegularFile(Path.of(classPath));
        if (applicationJar) {
            // run from the bench's jar: the processes are the service's own jar, which the launcher builds with it
            Path service = home == null ? null : Path.of(home, "studio-server", "target", "studio-exec.jar");
            command.add("-jar");
            command.add(service != null && Files.isRegularFile(service) ? service.toString() : classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(CLI);
        }
        command.addAll(arguments);
        return command;
    }
}
