package io.flightdeck.analysis.rule;

import io.flightdeck.analysis.finding.Finding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The golden findings baseline: the engine runs over every committed sample recording
 * ({@code sample-recordings/recordings/**.jfr}) and every recording and GC log of the GC log samples
 * ({@code sample-recordings/gclogs/<jdk>/}), and a stable projection of its findings — per file, per finding:
 * rule id, category, severity, culprit and the score rounded down to a band of 10 — must equal
 * {@code src/test/resources/golden/findings.json}.
 * <p>
 * A rule change that moves any of these shows up here as a diff of that file. On a mismatch the test writes what
 * it found to {@code target/golden-actual/findings.json} (compare the two with any diff tool) and fails. When the
 * change is intended, accept it with
 * <pre>mvn -o verify -pl analysis -Dtest=GoldenFindingsTest -Dsurefire.failIfNoSpecifiedTests=false -Dgolden.update=true</pre>
 * which rewrites the golden file (commit it with the rule change, and say in the message why the findings moved).
 */
class GoldenFindingsTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path BASE = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path GOLDEN = BASE.resolve("src/test/resources/golden/findings.json");
    private static final Path ACTUAL = BASE.resolve("target/golden-actual/findings.json");

    /** The committed sources, in a stable order, as paths relative to sample-recordings. */
    static List<Path> sources() throws Exception {
        Path root = TestFiles.sample("").getParent();
        try (Stream<Path> recordings = Files.walk(root.resolve("recordings"));
                Stream<Path> gclogs = Files.walk(root.resolve("gclogs"))) {
            return Stream.concat(recordings.filter(p -> p.toString().endsWith(".jfr")),
                            gclogs.filter(p -> p.toString().endsWith(".jfr") || p.toString().endsWith(".log")))
                    .map(root::relativize).sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    static ObjectNode project(Path relative, RuleEngine.Outcome outcome) {
        ObjectNode file = JSON.createObjectNode();
        file.put("file", relative.toString().replace('\\', '/'));
        ArrayNode findings = file.putArray("findings");
        outcome.findings().stream().sorted(Comparator.comparing(Finding::id)).forEach(f -> {
            ObjectNode n = findings.addObject();
            n.put("rule", f.id());
            n.put("category", f.category());
            n.put("severity", f.severity().label());
            n.put("culprit", f.culprit() == null ? null : f.culprit().qualified());
            n.put("scoreBand", f.score() / 10 * 10);
        });
        return file;
    }

    @Test
    void findingsOfTheCommittedSamplesMatchTheBaseline() throws Exception {
        Path root = TestFiles.sample("").getParent();
        ArrayNode actual = JSON.createArrayNode();
        for (Path relative : sources()) {
            if (relative.getFileName().toString().matches(".*\\.log\\.\\d+")) {
                continue; // rotated parts are read with their current file
            }
            actual.add(project(relative, RuleTesting.runAll(ProfileLoader.withDefaults().load(root.resolve(relative)))));
        }
        assertThat(actual.size()).as("committed sources found").isGreaterThanOrEqualTo(9);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN.getParent());
            JSON.writeValue(GOLDEN.toFile(), actual);
            return;
        }
        JsonNode expected = Files.exists(GOLDEN) ? JSON.readTree(GOLDEN.toFile()) : JSON.createArrayNode();
        if (!expected.equals(actual)) {
            Files.createDirectories(ACTUAL.getParent());
            JSON.writeValue(ACTUAL.toFile(), actual);
        }
        assertThat(actual).as("findings differ from the baseline %s; what they are now was written to %s. If the "
                + "change is intended, rerun with -Dgolden.update=true to rewrite the baseline and commit it", GOLDEN,
                ACTUAL).isEqualTo(expected);
    }
}
