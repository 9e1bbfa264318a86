package io.flightdeck.app.session;

import io.flightdeck.analysis.session.Session;
import io.flightdeck.app.theme.Styles;
import io.flightdeck.app.workspace.RecordingViewModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The strip of an open session above the tabs: its name, the workflow baseline → profile → optimize → validate
 * with the current stage marked, the two runs, unsaved changes, and the notes of the stage chosen in the strip
 * (with a field to add one).
 */
public final class SessionBar extends VBox {
    private final SessionViewModel vm;
    private final List<ToggleButton> stages = new ArrayList<>();
    private final ToggleGroup group = new ToggleGroup();
    private final VBox notes = new VBox(2);
    private final Label notesTitle = new Label();
    private final TextField note = new TextField();
    private final Button makeCurrent = new Button();
    private final Label runs = new Label();

    public SessionBar(SessionViewModel vm, Runnable save) {
        this.vm = vm;
        setId("session-bar");
        getStyleClass().add("fd-session-bar");

        Label kind = new Label("Session");
        kind.getStyleClass().add(Styles.MUTED);
        kind.setMinWidth(Region.USE_PREF_SIZE);
        TextField name = new TextField(vm.session().name());
        name.setId("session-name");
        name.setPrefColumnCount(24);
        name.setMinWidth(160);
        name.setFocusTraversable(false); // the tabs, not the name, have the keyboard when a session opens
        name.setTooltip(new Tooltip("The session's name (Enter to rename)"));
        name.setOnAction(e -> vm.rename(name.getText()));
        name.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                vm.rename(name.getText());
            }
        });

        HBox stepper = new HBox(2);
        stepper.setId("session-stepper");
        stepper.setAlignment(Pos.CENTER_LEFT);
        for (int i = 0; i < Session.STAGES.size(); i++) {
            String stage = Session.STAGES.get(i);
            ToggleButton b = new ToggleButton((i + 1) + "  " + capital(stage));
            b.setId("session-stage-" + stage);
            b.setUserData(stage);
            b.setToggleGroup(group);
            b.getStyleClass().add("fd-stage");
            b.setMinWidth(Region.USE_PREF_SIZE);
            b.setTooltip(new Tooltip(help(stage)));
            stages.add(b);
            if (i > 0) {
                Label arrow = new Label("→");
                arrow.getStyleClass().add(Styles.MUTED);
                arrow.setMinWidth(Region.USE_PREF_SIZE);
                stepper.getChildren().add(arrow);
            }
            stepper.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true);
            } else {
                showNotes();
            }
        });

        runs.setId("session-runs");
        runs.getStyleClass().add(Styles.MUTED);
        runs.setMinWidth(0);
        Label unsaved = new Label("● unsaved");
        unsaved.setId("session-unsaved");
        unsaved.getStyleClass().add(Styles.SEVERITY_WARNING);
        unsaved.visibleProperty().bind(vm.dirtyProperty());
        unsaved.managedProperty().bind(vm.dirtyProperty());
        unsaved.setMinWidth(Region.USE_PREF_SIZE);
        Button saveButton = new Button("Save");
        saveButton.setId("session-save");
        saveButton.setTooltip(new Tooltip("Save the session (Ctrl+S)"));
        saveButton.setOnAction(e -> save.run());
        saveButton.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, kind, name, stepper, spacer, runs, unsaved, saveButton);
        top.setAlignment(Pos.CENTER_LEFT);

        notesTitle.getStyleClass().add(Styles.FACT_LABEL);
        notesTitle.setMinWidth(Region.USE_PREF_SIZE);
        notes.setId("session-notes");
        ScrollPane notesScroll = new ScrollPane(notes);
        notesScroll.setFitToWidth(true);
        notesScroll.setPrefViewportHeight(36);
        notesScroll.setMaxHeight(60);
        notesScroll.getStyleClass().add("fd-notes-scroll");
        HBox.setHgrow(notesScroll, Priority.ALWAYS);
        note.setId("session-note");
        note.setPrefColumnCount(28);
        note.setOnAction(e -> addNote());
        Button add = new Button("Add Note");
        add.setId("session-add-note");
        add.setOnAction(e -> addNote());
        add.disableProperty().bind(Bindings.createBooleanBinding(() -> note.getText().isBlank(), note.textProperty()));
        makeCurrent.setId("session-make-current");
        makeCurrent.setOnAction(e -> {
            vm.setStage(viewed());
            showStages();
        });
        add.setMinWidth(Region.USE_PREF_SIZE);
        makeCurrent.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(8, notesTitle, notesScroll, note, add, makeCurrent);
        bottom.setAlignment(Pos.TOP_LEFT);
        notesTitle.setPadding(new Insets(2, 0, 0, 0));

        setSpacing(6);
        setPadding(new Insets(6, 10, 6, 10));
        getChildren().addAll(top, bottom);

        vm.sessionProperty().addListener((obs, old, now) -> {
            showStages();
            showNotes();
            showRuns();
            if (!name.isFocused()) {
                name.setText(now.name());
            }
        });
        vm.baselineProperty().addListener((obs, old, now) -> showRuns());
        vm.candidateProperty().addListener((obs, old, now) -> showRuns());
        stages.get(Math.max(0, Session.STAGES.indexOf(vm.session().stage()))).setSelected(true);
        showStages();
        showNotes();
        showRuns();
    }

    /** The stage whose notes are shown. */
    public String viewed() {
        return group.getSelectedToggle() == null ? vm.session().stage() : (String) group.getSelectedToggle().getUserData();
    }

    /** Shows the notes of a stage (tests, keyboard). */
    public void view(String stage) {
        stages.get(Session.STAGES.indexOf(stage)).setSelected(true);
    }

    public TextField noteField() {
        return note;
    }

    private void addNote() {
        vm.addNote(viewed(), note.getText());
        note.clear();
    }

    private void showStages() {
        String current = vm.session().stage();
        for (ToggleButton b : stages) {
            b.getStyleClass().remove("fd-stage-current");
            if (b.getUserData().equals(current)) {
                b.getStyleClass().add("fd-stage-current");
            }
        }
        String viewed = viewed();
        makeCurrent.setText("Move to " + capital(viewed));
        boolean other = !viewed.equals(current);
        makeCurrent.setVisible(other);
        makeCurrent.setManaged(other);
    }

    private void showNotes() {
        String stage = viewed();
        notesTitle.setText("Notes, " + stage + ":");
        note.setPromptText("Add a note to the " + stage + " stage…");
        notes.getChildren().clear();
        List<Session.Note> list = vm.notes(stage);
        if (list.isEmpty()) {
            Label none = new Label("none yet");
            none.getStyleClass().add(Styles.MUTED);
            notes.getChildren().add(none);
        }
        for (Session.Note n : list) {
            String when = n.time() == null ? "" : n.time().replace('T', ' ').replace("Z", " UTC");
            Label l = new Label(n.text());
            l.setWrapText(true);
            l.setTooltip(new Tooltip(when));
            l.getStyleClass().add("fd-note");
            notes.getChildren().add(l);
        }
        showStages();
    }

    private void showRuns() {
        RecordingViewModel b = vm.baselineProperty().get();
        RecordingViewModel c = vm.candidateProperty().get();
        Session s = vm.session();
        String base = b != null ? b.label() : file(s.baseline());
        String cand = c != null ? c.label() : s.candidate() == null ? null : file(s.candidate());
        runs.setText(base + (cand == null ? " · no candidate yet (File ▸ Set Candidate)" : " → " + cand));
        StringBuilder tip = new StringBuilder("Baseline: " + (s.baseline().label() == null ? base : s.baseline().label()));
        if (s.candidate() != null) {
            tip.append("\nCandidate: ").append(s.candidate().label() == null ? cand : s.candidate().label());
        }
        if (vm.file() != null) {
            tip.append("\n").append(vm.file());
        }
        runs.setTooltip(new Tooltip(tip.toString()));
    }

    private static String file(Session.RunSet run) {
        if (run == null || run.files().isEmpty()) {
            return "?";
        }
        String f = run.files().getFirst();
        int slash = Math.max(f.lastIndexOf('/'), f.lastIndexOf('\\'));
        return f.substring(slash + 1);
    }

    static String capital(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    private static String help(String stage) {
        return switch (stage) {
            case "baseline" -> "Record the run as it is now: the numbers to beat.";
            case "profile" -> "Find where the time goes: the findings and views of the baseline.";
            case "optimize" -> "Change the code or the settings.";
            case "validate" -> "Record again and compare: is the candidate better, and within the budget?";
            default -> stage;
        };
    }
}
