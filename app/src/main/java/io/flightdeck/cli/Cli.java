package io.flightdeck.cli;

import io.flightdeck.analysis.Version;
import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.ingest.ImportException;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code flightdeck} command line: parses, runs, and maps every outcome onto the documented exit codes with
 * one-line messages (docs/cli.md). No stack trace reaches the terminal; internal errors go to a log file.
 */
@Command(name = "flightdeck", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
        description = "Flightdeck: JVM performance workbench. Reads JFR recordings, GC logs and class histograms.",
        subcommands = {SummaryCommand.class, AnalyzeCommand.class, CompareCommand.class, FlameCommand.class,
                ExportCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class},
        usageHelpAutoWidth = true,
        footer = {"", "Exit codes:",
                "  0  success (also a damaged input read in part, with a warning)",
                "  1  internal error (the details are in the log file named on stderr)",
                "  2  usage error: a mistyped command or option, a missing file, a time range outside the inputs",
                "  3  an input could not be read or is not supported, or the output could not be written",
                "  4  compare (or analyze --budget) found a regression or a budget violation",
                "", "Without a command, 'flightdeck [FILE...]' opens the desktop app on the files."})
public final class Cli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a sub-command is missing");
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    public static int run(PrintStream out, PrintStream err, String... args) {
        CommandLine cli = new CommandLine(new Cli());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            CommandLine command = ex.getCommandLine();
            err.println("flightdeck: " + ex.getMessage());
            err.println("Try 'flightdeck " + (command.getCommandName().equals("flightdeck") ? ""
                    : command.getCommandName() + " ") + "--help' for how to use it.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, command, parseResult) -> {
            if (ex instanceof UsageException) {
                err.println("flightdeck: " + ex.getMessage());
                err.println("Try 'flightdeck " + command.getCommandName() + " --help' for how to use it.");
                return ExitCodes.USAGE;
            }
            if (ex instanceof ImportException || ex instanceof OutputTarget.OutputException) {
                err.println("flightdeck: " + oneLine(ex.getMessage()));
                return ExitCodes.INPUT;
            }
            if (ex instanceof CancellationException) {
                err.println("flightdeck: cancelled");
                return ExitCodes.INTERNAL;
            }
            Path log = ErrorLog.write("flightdeck " + String.join(" ", parseResult.originalArgs()), ex);
            err.println("flightdeck: unexpected internal error (" + ex.getClass().getSimpleName() + ": "
                    + oneLine(String.valueOf(ex.getMessage())) + ")"
                    + (log == null ? "" : "; details are in " + log));
            return ExitCodes.INTERNAL;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("flightdeck: not enough memory (the heap limit is "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB); run again with more, "
                    + "for example FLIGHTDECK_JAVA_OPTS=-Xmx8g");
            return ExitCodes.INTERNAL;
        }
    }

    private static String oneLine(String text) {
        return text.replace('\n', ' ').replace('\r', ' ');
    }

    /** {@code --version}: "flightdeck &lt;version&gt;". */
    public static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"flightdeck " + Version.get()};
        }
    }
}
