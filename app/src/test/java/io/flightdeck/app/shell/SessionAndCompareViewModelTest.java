package io.flightdeck.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.compare.Verdict;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.analysis.output.ReportFormat;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.app.session.SessionViewModel;
import io.flightdeck.app.task.InlineTaskRunner;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.samples.BundledSamples;
import io.flightdeck.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions and comparisons in the main ViewModel, without a window (background work runs inline). */
class SessionAndCompareViewModelTest {
    @TempDir
    Path dir;

    private static MainViewModel vm() {
        return new MainViewModel(new InlineTaskRunner(), ProfileLoader.withDefaults(), null);
    }

    @Test
    void theBundledSessionExtractsWithItsLayoutAndOpensWithItsComparisonAndBudget() throws Exception {
        Path file = BundledSamples.extractSession();
        assertThat(file.getFileName().toString()).isEqualTo(BundledSamples.SESSION);
        assertThat(file.getParent().getFileName().toString()).isEqualTo("sessions");
        Session read = SessionFiles.read(file); // its ../recordings/ paths resolve
        assertThat(read.baseline().paths(file).getFirst()).hasFileName("lock-contention.jfr").exists();

        MainViewModel vm = vm();
        vm.open(file);
        assertThat(vm.recordings()).extracting(r -> r.label())
                .containsExactly("lock-contention.jfr", "lock-contention-fixed.jfr");
        SessionViewModel s = vm.session();
        assertThat(s.isDirty()).isFalse();
        assertThat(s.saveTarget()).as("Save asks where: the temporary copy is deleted at exit").isNull();
        CompareViewModel c = s.comparisonProperty().get();
        assertThat(vm.comparisons()).containsExactly(c);
        assertThat(c.report().verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(c.report().budget().passed()).isTrue();
        assertThat(c.diff()).isNotNull();
        // the temporary copies are not remembered as recent files
        assertThat(vm.recent()).isEmpty();

        // the session's report: the CLI's layout with the session's name, stage and notes in front
        String md = vm.report(c, ReportFormat.MD);
        assertThat(md).startsWith("# Session: Audit trail: hashing inside the lock")
                .contains("baseline → profile → optimize → \\[validate\\]")
                .contains("Compute the digest before taking the lock").containsPattern("Verdict:\\W* improved");
        JsonNode json = new ObjectMapper().readTree(vm.report(c, ReportFormat.JSON));
        assertThat(json.get("session").get("name").asText()).isEqualTo("Audit trail: hashing inside the lock");
        assertThat(json.get("comparison").get("verdict").asText()).isEqualTo("improved");
        assertThat(json.get("comparison").get("budget").get("checked")).hasSize(3);
        // a recording alone: its analysis
        JsonNode analysis = new ObjectMapper().readTree(vm.report(vm.recordings().getFirst(), ReportFormat.JSON));
        List<String> ids = new ArrayList<>();
        analysis.get("findings").forEach(f -> ids.add(f.get("id").asText()));
        assertThat(ids).contains("lock-contention.lock");
    }

    @Test
    void aNewSessionRoundTripsAndClosingARecordingEmptiesItsSideOfTheComparison() throws Exception {
        MainViewModel vm = vm();
        vm.open(List.of(TestFiles.sample("lock-contention.jfr"), TestFiles.sample("lock-contention-fixed.jfr")));
        SessionViewModel s = vm.newSession(vm.recordings().get(0));
        CompareViewModel c = vm.setCandidate(vm.recordings().get(1));
        assertThat(c.report().verdict()).isEqualTo(Verdict.IMPROVED);
        s.addNote("profile", "AuditTrail.append holds the monitor while hashing");
        s.addNote("profile", "   ");
        s.setStage("optimize");
        Path file = dir.resolve("a/b/fix.flightdeck");
        Files.createDirectories(file.getParent());
        List<String> saved = new ArrayList<>();
        vm.saveSession(file, () -> saved.add("ok"));
        assertThat(saved).containsExactly("ok");
        assertThat(s.isDirty()).isFalse();
        assertThat(s.file()).isEqualTo(file.toAbsolutePath());
        assertThat(s.saveTarget()).isEqualTo(file.toAbsolutePath());
        Session back = SessionFiles.read(file);
        assertThat(back.stage()).isEqualTo("optimize");
        assertThat(back.notes()).extracting(Session.Note::text)
                .containsExactly("AuditTrail.append holds the monitor while hashing");
        assertThat(back.candidate().paths(file)).containsExactly(TestFiles.sample("lock-contention-fixed.jfr")
                .toAbsolutePath().normalize());
        assertThat(back.budget()).isNull();

        // a time range on the baseline's tab is saved with the run, and applied when the session opens again
        vm.recordings().get(0).selectSeconds(1, 3);
        assertThat(s.isDirty()).isFalse();
        vm.saveSession(file, () -> { });
        Session ranged = SessionFiles.read(file);
        assertThat(ranged.baseline().from()).isEqualTo("+1.000");
        assertThat(ranged.baseline().to()).isEqualTo("+3.000");
        MainViewModel again = vm();
        again.openSession(file);
        assertThat(again.recordings().getFirst().rangeSeconds()).containsExactly(1.0, 3.0);
        assertThat(again.session().session().notes()).isEqualTo(ranged.notes());

        vm.close(vm.recordings().get(1));
        assertThat(c.candidate()).isNull();
        assertThat(c.report()).isNull();
        assertThat(s.candidateProperty().get()).isNull();
    }
}
