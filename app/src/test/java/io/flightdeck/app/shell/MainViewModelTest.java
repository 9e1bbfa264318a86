package io.flightdeck.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir
    Path dir;

    @Test
    void openingFilesAddsRecordingsAndRemembersThem() {
        MainViewModel vm = new MainViewModel(new InlineTaskRunner(), ProfileLoader.withDefaults(), null);
        vm.open(List.of(TestFiles.sample("cpu-hotspot.jfr"), TestFiles.sample("lock-contention.jfr")));
        assertThat(vm.recordings()).extracting(r -> r.label()).containsExactly("cpu-hotspot.jfr", "lock-contention.jfr");
        assertThat(vm.recent()).first().isEqualTo(TestFiles.sample("lock-contention.jfr").toAbsolutePath());
        assertThat(vm.statusProperty().get()).isEqualTo("Opened lock-contention.jfr");
        vm.close(vm.recordings().getFirst());
        assertThat(vm.recordings()).hasSize(1);
    }

    @Test
    void aBadFileReportsOneLineAndOpensNothing() throws Exception {
        MainViewModel vm = new MainViewModel(new InlineTaskRunner(), ProfileLoader.withDefaults(), null);
        List<String> errors = new ArrayList<>();
        vm.setOnError((file, message) -> errors.add(message));
        Path notes = Files.writeString(dir.resolve("notes.jfr"), "just some notes\n");
        vm.open(notes);
        assertThat(vm.recordings()).isEmpty();
        assertThat(errors).singleElement().asString().startsWith("notes.jfr: not a JFR recording").doesNotContain("\n");
        vm.open(TestFiles.sample("cpu-hotspot.jfr"));
        assertThat(vm.recordings()).hasSize(1);
    }
}
