package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.compare.Verdict;
import io.flightdeck.app.compare.CompareView;
import io.flightdeck.app.compare.CompareViewModel;
import io.flightdeck.analysis.session.Session;
import io.flightdeck.app.session.SessionBar;
import io.flightdeck.analysis.session.SessionFiles;
import io.flightdeck.app.session.SessionViewModel;
import io.flightdeck.app.shell.MainViewModel;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.samples.BundledSamples;
import io.flightdeck.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javafx.scene.control.Tab;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Sessions in the GUI: a new session from a recording, its candidate, a note and a stage, saved and opened again
 * with the same content and the comparison back; and the no-argument start: the welcome screen, from which the
 * bundled session opens with one click.
 */
@ExtendWith(ApplicationExtension.class)
class SessionWorkflowTest {
    private static final Path BEFORE = TestFiles.sample("lock-contention.jfr");
    private static final Path AFTER = TestFiles.sample("lock-contention-fixed.jfr");

    private Workbench app;

    @TempDir
    Path temp;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    private static List<String> tabTitles(Workbench app) {
        return app.window.recordingTabs().getTabs().stream().map(Tab::getText).toList();
    }

    @Test
    void aSessionIsCreatedSavedAndOpenedAgainWithTheSameContent(FxRobot robot) throws Exception {
        RecordingView before = app.open(robot, BEFORE);
        RecordingView after = app.open(robot, AFTER);
        MainViewModel vm = app.vm;

        // File ▸ New Session from this recording (the baseline), then Set Candidate
        robot.interact(() -> app.window.recordingTabs().getSelectionModel().select(0));
        robot.push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT,
                javafx.scene.input.KeyCode.N);
        Workbench.until(() -> vm.session() != null);
        SessionViewModel session = vm.session();
        assertThat(session.baselineProperty().get()).isSameAs(before.viewModel());
        assertThat(session.session().stage()).isEqualTo("baseline");
        assertThat(session.isDirty()).isTrue();
        SessionBar bar = app.window.sessionBar();
        assertThat(bar).isNotNull();
        robot.interact(() -> vm.setCandidate(after.viewModel()));
        Workbench.until(() -> session.comparisonProperty().get() != null
                && session.comparisonProperty().get().report() != null);
        CompareViewModel comparison = session.comparisonProperty().get();
        assertThat(comparison.report().verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(app.window.currentCompareView().viewModel()).isSameAs(comparison);

        // a note on the optimize stage, typed into the strip, and the stage moved on to validate
        robot.clickOn("#session-stage-optimize");
        robot.clickOn("#session-note").write("Hash outside the lock");
        robot.clickOn("#session-add-note");
        robot.clickOn("#session-stage-validate");
        robot.clickOn("#session-make-current");
        assertThat(session.session().stage()).isEqualTo("validate");
        assertThat(session.notes("optimize")).extracting(Session.Note::text).containsExactly("Hash outside the lock");

        // saved atomically; the file holds paths relative to it
        Path dir = Files.createDirectories(temp.resolve("work"));
        Path file = dir.resolve("lock-fix.flightdeck");
        robot.interact(() -> vm.saveSession(file, () -> { }));
        Workbench.until(() -> !session.isDirty() && Files.exists(file));
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).toList()).containsExactly("lock-fix.flightdeck");
        Session saved = SessionFiles.read(file);
        assertThat(saved.name()).isEqualTo("lock-contention.jfr");
        assertThat(saved.stage()).isEqualTo("validate");
        assertThat(saved.notes()).hasSize(1);
        assertThat(saved.notes().getFirst().stage()).isEqualTo("optimize");
        assertThat(saved.baseline().paths(file)).containsExactly(BEFORE.toAbsolutePath().normalize());
        assertThat(saved.candidate().paths(file)).containsExactly(AFTER.toAbsolutePath().normalize());
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("flightdeckSession").asInt()).isEqualTo(1);

        // close everything, open the file again: the same runs, stage, notes, and the comparison
        robot.interact(() -> {
            app.window.recordingTabs().getTabs().clear();
            List.copyOf(vm.comparisons()).forEach(vm::closeComparison);
            List.copyOf(vm.recordings()).forEach(vm::close);
            vm.closeSession();
        });
        assertThat(app.window.sessionBar()).isNull();
        robot.interact(() -> vm.open(file));
        Workbench.until(() -> vm.session() != null && vm.session().comparisonProperty().get() != null
                && vm.session().comparisonProperty().get().report() != null);
        SessionViewModel reopened = vm.session();
        assertThat(reopened.file()).isEqualTo(file.toAbsolutePath());
        assertThat(reopened.isDirty()).isFalse();
        assertThat(reopened.session().name()).isEqualTo(saved.name());
        assertThat(reopened.session().stage()).isEqualTo("validate");
        assertThat(reopened.session().notes()).isEqualTo(saved.notes());
        assertThat(reopened.current().baseline().files()).isEqualTo(List.of(BEFORE.toAbsolutePath().normalize().toString()));
        assertThat(tabTitles(app)).containsExactly("lock-contention.jfr", "lock-contention-fixed.jfr",
                "Compare: lock-contention.jfr → lock-contention-fixed.jfr");
        assertThat(reopened.comparisonProperty().get().report().verdict()).isEqualTo(Verdict.IMPROVED);
        assertThat(app.window.sessionBar().viewed()).isEqualTo("validate");

        // the session's report, as the CLI's export renders it
        Path report = temp.resolve("report.md");
        robot.interact(() -> vm.exportReport(reopened.comparisonProperty().get(), report));
        Workbench.until(() -> Files.exists(report));
        String md = Files.readString(report);
        assertThat(md).startsWith("# Session: lock-contention.jfr").containsPattern("Verdict:\\W* improved")
                .contains("Hash outside the lock").contains("time blocked on monitors");
    }

    @Test
    void startingWithoutFilesOpensTheSampleSessionBehindTheWelcomeScreen(FxRobot robot) throws Exception {
        // the same call the application makes when it is started without arguments
        io.flightdeck.app.shell.Workbench w = app.wiring();
        robot.interact(() -> w.openStartup(List.of()));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.window.welcome().isVisible()).isTrue();
        assertThat(robot.lookup("#welcome-drop-hint").queryLabeled().getText()).contains("Drop");
        // the bundled sample session opens behind it (the README's contract for a start without files)
        Workbench.until(() -> app.vm.session() != null && app.vm.session().comparisonProperty().get() != null
                && app.vm.session().comparisonProperty().get().report() != null);
        assertThat(app.window.welcome().isVisible()).as("still in front until the user acts").isTrue();
        robot.clickOn("#welcome-sample");
        Workbench.until(() -> !app.window.welcome().isVisible());
        assertThat(tabTitles(app)).containsExactly(BundledSamples.SESSION_RECORDINGS.get(0),
                BundledSamples.SESSION_RECORDINGS.get(1), "Compare: lock-contention.jfr → lock-contention-fixed.jfr");
        SessionViewModel s = app.vm.session();
        assertThat(s.session().name()).isEqualTo("Audit trail: hashing inside the lock");
        assertThat(s.session().stage()).isEqualTo("validate");
        assertThat(s.notes("profile")).hasSize(1);
        CompareViewModel c = s.comparisonProperty().get();
        assertThat(c.report().verdict()).isEqualTo(Verdict.IMPROVED);
        // the session's budget: three limits, all met
        assertThat(c.report().budget().passed()).isTrue();
        assertThat(c.report().budget().checked()).hasSize(3);
        // the view paints the report on the FX thread after the model has it
        Workbench.until(() -> app.window.currentCompareView() != null
                && app.window.currentCompareView().budgetTable().getItems().size() == 3);
        CompareView view = app.window.currentCompareView();
        assertThat(view.budgetTable().getItems()).hasSize(3);
        assertThat(app.window.sessionBar()).isNotNull();
        assertThat(app.window.welcome().isVisible()).isFalse();
        assertThat(robot.lookup("#session-stage-validate").query().getStyleClass()).contains("fd-stage-current");

        // with the last tab closed the welcome screen is back (the sample's temporary copies are not "recent")
        robot.interact(() -> app.window.recordingTabs().getTabs().clear());
        assertThat(app.window.welcome().isVisible()).isTrue();
        assertThat(robot.lookup("#welcome-recent-sessions .hyperlink").queryAll()).isEmpty();
    }
}
