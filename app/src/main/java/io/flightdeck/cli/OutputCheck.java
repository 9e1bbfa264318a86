package io.flightdeck.cli;

import io.flightdeck.analysis.output.OutputTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What every command checks about {@code -o OUT} before it starts work: that OUT can be written at all (not a
 * directory, its folder a folder) and that it is none of the command's inputs — a report must never replace the
 * recording, log or session it was made from.
 */
final class OutputCheck {
    private OutputCheck() {
    }

    static void before(Path output, Collection<Path> inputs) throws OutputTarget.OutputException {
        if (output == null) {
            return;
        }
        OutputTarget.check(output);
        for (Path input : inputs) {
            if (input != null && sameFile(output, input)) {
                throw new UsageException("-o " + output + " is the input " + input
                        + "; the report would replace it — choose another output file");
            }
        }
    }

    static List<Path> inputs(Object... pathsOrLists) {
        List<Path> all = new ArrayList<>();
        for (Object o : pathsOrLists) {
            if (o instanceof Path p) {
                all.add(p);
            } else if (o instanceof Collection<?> c) {
                c.stream().filter(Objects::nonNull).map(Path.class::cast).forEach(all::add);
            }
        }
        return all;
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
