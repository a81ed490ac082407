package dev.campaignstudio.server.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code studio} command line: {@code ./studio serve}, and later the worker, demo and job commands. */
@Command(name = "studio", mixinStandardHelpOptions = true, version = "Campaign Studio 0.1.0",
        description = "Campaign Studio: product images and a prompt in; image bundles, fast videos, script videos and UGC videos out.",
        subcommands = {ServeCommand.class, WorkerCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class StudioCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new StudioCli());
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            line.getErr().println("studio " + line.getCommandName() + ": " + describe(failure));
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    /** One line about a failure, from its innermost cause: no stack trace for users. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
