package io.flightdeck.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.compare.Verdict;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.samples.BundledSamples;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WelcomeViewModelTest {
    @TempDir
    Path dir;

    private final MainViewModel main = new MainViewModel(new InlineTaskRunner(), ProfileLoader.withDefaults(), null);
    private final WelcomeViewModel welcome = new WelcomeViewModel(main);

    @Test
    void comparingTwoFilesOpensBothAndTheirComparison() {
        welcome.compare(TestFiles.sample("lock-contention.jfr"), TestFiles.sample("lock-contention-fixed.jfr"));
        assertThat(main.recordings()).extracting(r -> r.label())
                .containsExactly("lock-contention.jfr", "lock-contention-fixed.jfr");
        assertThat(main.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.baseline()).isSameAs(main.recordings().get(0));
            assertThat(c.candidate()).isSameAs(main.recordings().get(1));
            assertThat(c.report().verdict()).isEqualTo(Verdict.IMPROVED);
        });
    }

    @Test
    void aSideThatCannotBeReadOpensNoComparison() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.jfr"), "just some notes\n");
        welcome.compare(TestFiles.sample("lock-contention.jfr"), notes);
        assertThat(main.recordings()).hasSize(1);
        assertThat(main.comparisons()).isEmpty();
    }

    @Test
    void theSampleSessionIsOneCall() {
        welcome.openSample();
        assertThat(main.session()).isNotNull();
        assertThat(main.recordings()).extracting(r -> r.label()).containsExactlyElementsOf(BundledSamples.SESSION_RECORDINGS);
        assertThat(main.comparisons()).hasSize(1);
    }

    @Test
    void recentFilesAreSplitIntoRecordingsAndSessions() throws Exception {
        welcome.open(List.of(TestFiles.sample("cpu-hotspot.jfr")));
        Path session = dir.resolve("work.flightdeck");
        main.newSession(main.recordings().getFirst());
        main.saveSession(session, () -> { });
        assertThat(welcome.recentRecordings()).containsExactly(TestFiles.sample("cpu-hotspot.jfr").toAbsolutePath().normalize());
        assertThat(welcome.recentSessions()).containsExactly(session.toAbsolutePath().normalize());
        welcome.openRecent(session);
        assertThat(main.session().file()).isEqualTo(session);
    }
}
