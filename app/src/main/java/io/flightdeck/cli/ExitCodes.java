package io.flightdeck.cli;

/** The exit codes of the command line (docs/cli.md). */
public final class ExitCodes {
    /** Success, also when an input was damaged but partly read (a warning says what was lost). */
    public static final int OK = 0;
    /** An unexpected internal error; the details are in the log file named on stderr. */
    public static final int INTERNAL = 1;
    /** A usage error: a bad option or argument. */
    public static final int USAGE = 2;
    /** An input could not be read or is not a supported format. */
    public static final int INPUT = 3;
    /** {@code compare} found a regression or a budget violation. */
    public static final int REGRESSION = 4;

    private ExitCodes() {
    }
}
