package dev.campaignstudio.server.adapter.in.cli;

/** A command's failure with the exit code and the one line users see (no stack trace). */
final class CliFailure extends RuntimeException {

    /** Bad usage or input: the message names the flag or file. */
    static final int BAD_INPUT = 2;
    /** A job failed: the message names its stage, scene and error code. */
    static final int JOB_FAILED = 3;
    /** The service could not be reached. */
    static final int UNREACHABLE = 4;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
