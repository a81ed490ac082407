package dev.campaignstudio.bench.cli;

import picocli.CommandLine;

/**
 * The benchmarks' own command line, {@code ./studio bench engine|media|api}: the launcher runs this module's jar for
 * {@code bench} and the application's for every other command (docs/cli.md).
 */
public final class BenchCli {

    private BenchCli() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line: 0 success, 2 bad usage or input, 1 anything else; a failure prints one line. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BenchCommand());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println(line.getCommandSpec().qualifiedName() + ": " + describe(failure));
            return 1;
        });
        return commandLine;
    }

    /** One line about a failure, from its innermost cause: no stack trace for users. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
