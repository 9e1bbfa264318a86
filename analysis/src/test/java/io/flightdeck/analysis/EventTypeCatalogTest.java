package io.flightdeck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The analysis spells no JFR event type itself: it names them through the model's catalog (EventTypes). */
class EventTypeCatalogTest {
    private static final Pattern TYPE_LITERAL = Pattern.compile("\"jdk\\.[A-Za-z0-9]+\"");

    @Test
    void noEventTypeLiteralsInAnalysis() throws Exception {
        Path sources = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream().filter(l -> TYPE_LITERAL.matcher(l).find())
                            .map(l -> sources.relativize(p) + ": " + l.strip());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
        assertThat(offenders).as("use io.flightdeck.model.EventTypes").isEmpty();
    }
}
