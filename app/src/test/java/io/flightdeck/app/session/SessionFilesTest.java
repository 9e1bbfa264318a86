package io.flightdeck.app.session;

import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.analysis.session.Session;
import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Version;
import io.flightdeck.samples.BundledSamples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class SessionFilesTest {
    @Test
    void aSavedSessionNamesTheFlightdeckThatWroteItAndReadsBackTheSame() throws Exception {
        Path original = BundledSamples.extractSession();
        Session bundled = SessionFiles.read(original);
        // as the app holds a session: with absolute paths
        Session open = new Session(bundled.flightdeckSession(), bundled.name(), bundled.created(), bundled.modified(),
                bundled.stage(), absolute(bundled.baseline(), original), absolute(bundled.candidate(), original),
                bundled.budget(), bundled.notes());
        Path file = original.resolveSibling("copy.flightdeck");
        SessionFiles.write(open, file);

        JsonNode json = new ObjectMapper().readTree(file.toFile());
        List<String> names = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        assertThat(names).startsWith("flightdeckSession", "flightdeckVersion", "name");
        assertThat(json.get("flightdeckVersion").asText()).isEqualTo(Version.get()).isNotEqualTo("dev");

        Session back = SessionFiles.read(file);
        assertThat(back.name()).isEqualTo(bundled.name());
        assertThat(back.stage()).isEqualTo(bundled.stage());
        assertThat(back.notes()).isEqualTo(bundled.notes());
    }

    private static Session.RunSet absolute(Session.RunSet run, Path sessionFile) {
        return new Session.RunSet(run.label(), run.paths(sessionFile).stream().map(Path::toString).toList(), run.from(),
                run.to(), run.thread());
    }
}
