package dev.campaignstudio.server.adapter.in.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code studio} command line: {@code ./studio serve}, and later the worker, demo and job commands. */
@Command(name = "studio", mixinStandardHelpOptions = true, version = "Campaign Studio 0.1.0",
        description = "Campaign Studio: product images and a prompt in; image bundles, fast videos, script videos and UGC videos out.",
        subcommands = {ServeCommand.class, WorkerCommand.class, CommandLine.HelpCommand.class})
public final class StudioCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int code = new CommandLine(new StudioCli()).execute(args);
        System.exit(code);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
