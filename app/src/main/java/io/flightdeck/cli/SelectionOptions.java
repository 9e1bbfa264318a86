package io.flightdeck.cli;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.ThreadFilter;
import io.flightdeck.model.Profile;

import java.io.PrintStream;

import picocli.CommandLine.Option;

/** {@code --from}, {@code --to} and {@code --thread}: the part of a run a command looks at (one definition). */
final class SelectionOptions {
    @Option(names = "--from", paramLabel = "T",
            description = "Start of the time range: seconds from the recording's start (+12.5) or ISO-8601.")
    String from;

    @Option(names = "--to", paramLabel = "T", description = "End of the time range, same forms as --from.")
    String to;

    @Option(names = "--thread", paramLabel = "REGEX",
            description = "Only threads whose name contains a match of REGEX.")
    String thread;

    /** The thread filter, or a usage error that says why the expression is not valid. */
    ThreadFilter threads() {
        return threads(thread);
    }

    static ThreadFilter threads(String regex) {
        try {
            return ThreadFilter.of(regex);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--thread: " + e.getMessage());
        }
    }

    /** The selection of {@code profile} these options make (a range outside it is a usage error, see TimeArgument). */
    Selection selection(Profile profile, ThreadFilter threads, PrintStream err) {
        return new Selection(profile, TimeArgument.range(from, to, profile.info().start(), profile.info().end(), err),
                threads);
    }
}
