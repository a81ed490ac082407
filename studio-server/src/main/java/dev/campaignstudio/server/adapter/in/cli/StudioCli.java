package dev.campaignstudio.server.adapter.in.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code studio} command line: the demo, generating, looking at and retrying jobs, the service, workers. The
 * launcher runs {@code studio bench} from the studio-bench module's own jar (docs/cli.md).
 */
@Command(
        name = "studio",
        mixinStandardHelpOptions = true,
        version = "Campaign Studio 0.1.0",
        description =
                "Campaign Studio: product images and a prompt in; image bundles, fast videos, script videos and UGC videos out.",
        subcommands = {
            DemoCommand.class,
            GenerateCommand.class,
            JobCommands.ListJobs.class,
            JobCommands.ShowJob.class,
            JobCommands.Retry.class,
            JobCommands.Events.class,
            ProvidersCommand.class,
            ServeCommand.class,
            WorkerCommand.class,
            CommandLine.HelpCommand.class,
            picocli.AutoComplete.GenerateCompletion.class
        })
public final class StudioCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The command line with its exit codes: 0 success, 2 bad usage or input, 3 a job failed, 4 the service unreachable,
     * 1 anything else; failures print one line, never a stack trace (bad usage: the line and where to find help).
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new StudioCli());
        commandLine.setParameterExceptionHandler((bad, args) -> {
            CommandLine line = bad.getCommandLine();
            String name = line.getCommandSpec().qualifiedName();
            line.getErr()
                    .println(name + ": "
                            + bad.getMessage().replaceAll("\\s+", " ").trim());
            CommandLine.UnmatchedArgumentException.printSuggestions(bad, line.getErr());
            line.getErr().println("Try '" + name + " --help' for more information.");
            return line.getCommandSpec().exitCodeOnInvalidInput();
        });
        commandLine.setExecutionExceptionHandler((failure, line, parsed) -> {
            if (failure instanceof CliFailure known) {
                line.getErr().println("studio " + line.getCommandName() + ": " + known.getMessage());
                return known.exitCode();
            }
            line.getErr().println("studio " + line.getCommandName() + ": " + describe(failure));
            return 1;
        });
        return commandLine;
    }

    /** One line about a failure, from its innermost cause: no stack trace for users. */
    static String describe(Throwable failure) {
        Throwable root = failure;
        Throwable above = null;
        while (root.getCause() != null && root.getCause() != root) {
            above = root;
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        if (root instanceof FileSystemException files) {
            // a file system error's message is often just the path: say what was being done and why it failed
            message = above != null && above.getMessage() != null
                    ? above.getMessage() + " (" + reason(files) + ")"
                    : reason(files);
        }
        return message.replaceAll("\\s+", " ").trim();
    }

    /** A file system error as its file and why, e.g. {@code data/db: permission denied}. */
    private static String reason(FileSystemException failure) {
        String why = failure.getReason() != null
                ? failure.getReason()
                : failure instanceof AccessDeniedException
                        ? "permission denied"
                        : failure instanceof NoSuchFileException
                                ? "no such file or directory"
                                : failure instanceof FileAlreadyExistsException
                                        ? "already exists"
                                        : failure.getClass().getSimpleName();
        return failure.getFile() + ": " + why;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
