package dev.campaignstudio.server.adapter.in.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** A run of the command line in-process: its exit code and what it printed. */
record CliRun(int exit, String out, String err) {

    static CliRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        picocli.CommandLine line = StudioCli.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        int exit = line.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }
}
