package io.flightdeck.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.report.ReportBuilder;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The planted-bottleneck corpus in ../shared (when present): the numbers point at what labels.json says. */
class CorpusAnalysisTest {
    static Stream<Arguments> scenarios() throws Exception {
        Path labels = TestFiles.corpus().resolve("labels.json");
        if (!Files.exists(labels)) {
            return Stream.of(Arguments.of("(corpus not present)", "", null, ""));
        }
        JsonNode root = new ObjectMapper().readTree(labels.toFile());
        List<Arguments> args = new ArrayList<>();
        for (JsonNode s : root.get("scenarios")) {
            for (JsonNode jdk : root.get("jdks")) {
                args.add(Arguments.of(s.get("name").asText(), jdk.asText(), s.get("culprit"), s.get("category").asText()));
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{1}/{0}")
    @MethodSource("scenarios")
    void theBadVariantsNumbersPointAtTheCulprit(String scenario, String jdk, JsonNode culprit, String category)
            throws Exception {
        Assumptions.assumeTrue(culprit != null, "../shared/corpus not present");
        Path file = TestFiles.corpus().resolve("recordings").resolve(jdk).resolve(scenario).resolve("bad.jfr");
        AnalysisReport r = new ReportBuilder("test").build(Selection.all(ProfileLoader.withDefaults().load(file)),
                List.of());
        List<String> names = new ArrayList<>();
        culprit.get("accepted_names").forEach(n -> names.add(n.asText()));
        switch (category) {
            case "cpu-hotspot" -> {
                List<String> evidence = new ArrayList<>(names);
                culprit.get("evidence_frames").forEach(n -> evidence.add(n.asText()));
                assertThat(r.cpu().hotMethods().subList(0, 10)).extracting(AnalysisReport.HotMethodRow::method)
                        .anySatisfy(m -> assertThat(evidence).anySatisfy(n -> assertThat(m).startsWith(n)));
            }
            case "lock-contention" ->
                    assertThat(r.locks().byMonitorClass().getFirst().className()).isEqualTo(names.getFirst());
            case "allocation-pressure" -> assertThat(r.allocation().byApplicationSite().subList(0, 3))
                    .extracting(AnalysisReport.MethodBytes::method)
                    .anySatisfy(m -> assertThat(names).anySatisfy(n -> assertThat(m).startsWith(n)));
            case "exception-overhead" -> {
                assertThat(r.exceptions().count()).isGreaterThan(1000);
                if ("jdk.JavaExceptionThrow".equals(r.exceptions().byTypeSource())) {
                    assertThat(r.exceptions().byType().getFirst().topSite())
                            .satisfies(site -> assertThat(names).anySatisfy(n -> assertThat(site).startsWith(n)));
                }
            }
            case "io-blocking" -> assertThat(r.io().socketReadSeconds()).isPositive();
            case "thread-churn" -> assertThat(r.threads().started()).isGreaterThan(100);
            default -> assertThat(r.recording().eventCounts()).isNotEmpty();
        }
    }
}
