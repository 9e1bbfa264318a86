package io.flightdeck.app.shell;

import io.flightdeck.app.theme.Styles;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The welcome screen (thin: builds nodes, forwards clicks to the {@link WelcomeViewModel}): the three ways in —
 * open a recording, compare two, open the sample session — the recent recordings and sessions, and where to drop
 * files. File dialogs are the view's; what happens with the chosen files is the view model's.
 */
public final class WelcomeView extends ScrollPane {
    /** Shows a file dialog (title → chosen files, empty when cancelled); the window passes its own. */
    public interface Chooser {
        List<Path> choose(String title, boolean multiple, Window owner);
    }

    private final WelcomeViewModel vm;
    private final Chooser chooser;

    public WelcomeView(WelcomeViewModel vm, Chooser chooser) {
        this.vm = vm;
        this.chooser = chooser;
        setId("welcome");
        getStyleClass().add(Styles.WELCOME);
        setFitToWidth(true);

        ImageView icon = new ImageView();
        Image image = AppIcon.of(64);
        if (image != null) {
            icon.setImage(image);
        }
        Label name = new Label("Flightdeck");
        name.getStyleClass().add(Styles.WELCOME_TITLE);
        Label what = new Label("A performance workbench for the JVM: JFR recordings, GC logs, class histograms · "
                + "version " + vm.version());
        what.getStyleClass().add(Styles.MUTED);
        HBox header = new HBox(16, icon, new VBox(2, name, what));
        header.setAlignment(Pos.CENTER_LEFT);

        Button open = action("welcome-open", "Open a Recording…",
                "A .jfr recording, a GC log or class histograms; several files of one run open together", this::open);
        Button compare = action("welcome-compare", "Compare Two Recordings…",
                "Before and after: choose the baseline, then the candidate", this::compare);
        Button sample = action("welcome-sample", "Open the Sample Session",
                "A lock-contention fix: the recording before, the one after and their comparison", vm::openSample);
        VBox actions = new VBox(10, open, compare, sample);

        VBox recordings = recentList("Recent recordings", "welcome-recent-recordings", vm.recentRecordings(),
                "No recordings opened yet");
        VBox sessions = recentList("Recent sessions", "welcome-recent-sessions", vm.recentSessions(),
                "No sessions yet: File ▸ New Session from This Recording starts one");
        // two equal columns, whatever their content
        GridPane recent = new GridPane();
        recent.setHgap(40);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            recent.getColumnConstraints().add(half);
        }
        recent.addRow(0, recordings, sessions);

        Label drop = new Label("Drop recordings, GC logs, histograms or .flightdeck sessions anywhere on this window "
                + "to open them; a GC log dropped on an open recording joins its analysis.");
        drop.setId("welcome-drop-hint");
        drop.setWrapText(true);
        drop.getStyleClass().add(Styles.CALLOUT);

        VBox page = new VBox(24, header, actions, recent, drop);
        page.getStyleClass().add(Styles.WELCOME_PAGE);
        page.setMaxWidth(860);
        VBox centred = new VBox(page);
        centred.setAlignment(Pos.TOP_CENTER);
        setContent(centred);
    }

    private static Button action(String id, String title, String detail, Runnable onAction) {
        Label t = new Label(title);
        t.getStyleClass().add(Styles.WELCOME_ACTION_TITLE);
        Label d = new Label(detail);
        d.getStyleClass().add(Styles.MUTED);
        Button b = new Button(null, new VBox(2, t, d));
        b.setId(id);
        b.getStyleClass().add(Styles.WELCOME_ACTION);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.setOnAction(e -> onAction.run());
        return b;
    }

    private VBox recentList(String title, String id, ObservableList<Path> files, String whenEmpty) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Styles.SECTION_TITLE);
        VBox items = new VBox(2);
        items.setId(id);
        Function<Path, Hyperlink> link = p -> {
            Hyperlink h = new Hyperlink(p.getFileName() == null ? p.toString() : p.getFileName().toString());
            h.setTooltip(new Tooltip(p.toString()));
            h.setOnAction(e -> vm.openRecent(p));
            return h;
        };
        Runnable fill = () -> {
            items.getChildren().clear();
            for (Path p : files) {
                items.getChildren().add(link.apply(p));
            }
            if (files.isEmpty()) {
                Label none = new Label(whenEmpty);
                none.getStyleClass().add(Styles.MUTED);
                none.setWrapText(true);
                items.getChildren().add(none);
            }
        };
        files.addListener((ListChangeListener<Path>) c -> fill.run());
        fill.run();
        return new VBox(6, heading, items);
    }

    private void open() {
        List<Path> files = chooser.choose("Open recordings, GC logs, class histograms (several files of one run "
                + "open together)", true, window());
        vm.open(files);
    }

    private void compare() {
        List<Path> baseline = chooser.choose("Compare: the baseline (before)", false, window());
        if (baseline.isEmpty()) {
            return;
        }
        List<Path> candidate = chooser.choose("Compare: the candidate (after)", false, window());
        if (!candidate.isEmpty()) {
            vm.compare(baseline.getFirst(), candidate.getFirst());
        }
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** A chooser on JavaFX's file dialog with the given filters. */
    static Chooser fileDialog(java.util.function.Supplier<javafx.stage.FileChooser> dialog) {
        return (title, multiple, owner) -> {
            javafx.stage.FileChooser c = dialog.get();
            c.setTitle(title);
            if (multiple) {
                List<File> files = c.showOpenMultipleDialog(owner);
                return files == null ? List.of() : files.stream().map(File::toPath).toList();
            }
            File f = c.showOpenDialog(owner);
            return f == null ? List.of() : List.of(f.toPath());
        };
    }
}
