package io.flightdeck.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.finding.Finding;
import io.flightdeck.analysis.rule.RuleEngine;
import io.flightdeck.app.findings.FindingsView;
import io.flightdeck.app.findings.FindingsViewModel;
import io.flightdeck.app.overview.OverviewView;
import io.flightdeck.app.workspace.RecordingView;
import io.flightdeck.cli.Cli;
import io.flightdeck.testing.TestFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The findings view on a real recording: the CLI's top finding first, details, "Show in", the overview's links. */
@ExtendWith(ApplicationExtension.class)
class FindingsViewTest {
    private static final Path SAMPLE = TestFiles.sample("mixed-service.jfr");

    private Workbench app;

    @Start
    void start(Stage stage) {
        app = new Workbench();
        app.show(stage);
    }

    /** The findings {@code flightdeck analyze --format json} prints for the file. */
    private static JsonNode cliFindings(Path file) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                "analyze", file.toString(), "--format", "json");
        assertThat(code).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8)).get("findings");
    }

    private static String selectedTab(RecordingView view) {
        TabPane tabs = (TabPane) view.lookupAll(".tab-pane").stream().findFirst().orElseThrow();
        Tab tab = tabs.getSelectionModel().getSelectedItem();
        return tab == null ? null : tab.getText();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void listsTheCliFindingsFillsTheDetailsAndShowsTheViewItNames(FxRobot robot) throws Exception {
        JsonNode cli = cliFindings(SAMPLE);
        assertThat(cli.size()).isGreaterThanOrEqualTo(2);
        RecordingView view = app.open(robot, SAMPLE);
        robot.interact(() -> view.select(FindingsView.class));
        FindingsView findings = view.view(FindingsView.class);
        ListView<FindingsViewModel.Row> list = findings.list();
        Workbench.until(() -> !list.getItems().isEmpty() && robot.lookup("#finding-title").tryQuery().isPresent());

        // the same findings as the CLI, its top one first (after the heading of its severity) and selected
        assertThat(list.getItems().get(0)).isInstanceOf(FindingsViewModel.Group.class);
        Finding top = ((FindingsViewModel.Item) list.getItems().get(1)).finding();
        assertThat(top.id()).isEqualTo(cli.get(0).get("id").asText());
        assertThat(top.score()).isEqualTo(cli.get(0).get("score").asInt());
        assertThat(list.getItems().stream().filter(r -> r instanceof FindingsViewModel.Item).count())
                .isEqualTo(cli.size());
        assertThat(list.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(text(robot, "#finding-title")).isEqualTo(cli.get(0).get("title").asText());
        assertThat(text(robot, "#finding-summary")).isEqualTo(cli.get(0).get("summary").asText());
        assertThat(text(robot, "#finding-culprit")).isEqualTo(cli.get(0).get("culprit").get("class").asText() + "."
                + cli.get(0).get("culprit").get("method").asText());

        // clicking another finding shows its details: title, culprit, every evidence value as a row
        JsonNode lockJson = null;
        for (JsonNode f : cli) {
            if (f.get("id").asText().equals("lock-contention.lock")) {
                lockJson = f;
            }
        }
        assertThat(lockJson).as("the mixed service's planted lock").isNotNull();
        ListCell<?> lockCell = robot.lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(c -> c.getItem() instanceof FindingsViewModel.Item i
                        && i.finding().id().equals("lock-contention.lock"))
                .findFirst().orElseThrow();
        robot.clickOn(lockCell);
        String lockTitle = lockJson.get("title").asText();
        Workbench.until(() -> text(robot, "#finding-title").equals(lockTitle));
        assertThat(text(robot, "#finding-culprit")).isEqualTo("io.flightdeck.samples.scenario.AuditTrail.append");
        GridPane evidence = robot.lookup("#finding-evidence").queryAs(GridPane.class);
        assertThat(evidence.getChildren()).hasSize(2 * lockJson.get("evidence").size());
        assertThat(((Label) evidence.getChildren().get(0)).getText()).isEqualTo("Lock class");
        assertThat(((Label) evidence.getChildren().get(1)).getText())
                .isEqualTo(lockJson.get("evidence").get("lockClass").asText());
        assertThat(robot.lookup("#finding-stacks").tryQuery()).isPresent();
        assertThat(text(robot, "#finding-recommendation")).isEqualTo(lockJson.get("recommendation").asText());

        // "Show in" goes to the view the finding names
        Button showIn = findings.showInButton();
        assertThat(showIn.getText()).isEqualTo("Show in Locks & threads");
        robot.clickOn(showIn);
        Workbench.until(() -> "Locks & threads".equals(selectedTab(view))
                && robot.lookup("#monitors").tryQuery().isPresent());
        assertThat(view.viewModel().rangeSeconds()).isNull(); // the lock finding has no time window

        // every rule's result, in a collapsible table
        robot.interact(() -> view.select(FindingsView.class));
        robot.interact(() -> findings.rulesPane().setExpanded(true));
        assertThat(findings.rulesTable().getItems()).hasSize(RuleEngine.standard().rules().size());
        assertThat(findings.rulesPane().getText()).startsWith("Rules — " + RuleEngine.standard().rules().size()
                + " rules: " + cli.size() + " findings");
    }

    @Test
    void aFindingOnTheOverviewOpensInTheFindingsView(FxRobot robot) throws Exception {
        JsonNode cli = cliFindings(SAMPLE);
        RecordingView view = app.open(robot, SAMPLE);
        robot.interact(() -> view.select(OverviewView.class));
        String second = cli.get(1).get("id").asText();
        String rowId = "#overview-finding-" + second.replaceAll("[^a-zA-Z0-9]+", "-");
        Workbench.until(() -> robot.lookup(rowId).tryQuery().isPresent());
        // the overview lists the top findings, the worst first
        Node first = robot.lookup("#findings").queryAs(javafx.scene.layout.VBox.class).getChildren().getFirst();
        assertThat(first.getId()).isEqualTo("overview-finding-" + cli.get(0).get("id").asText()
                .replaceAll("[^a-zA-Z0-9]+", "-"));
        robot.clickOn(robot.lookup(rowId).queryAs(Node.class));
        Workbench.until(() -> "Findings".equals(selectedTab(view))
                && robot.lookup("#finding-title").tryQuery().isPresent()
                && text(robot, "#finding-title").equals(cli.get(1).get("title").asText()));
        FindingsView findings = view.view(FindingsView.class);
        assertThat(findings.model().selected().id()).isEqualTo(second);
        assertThat(((FindingsViewModel.Item) findings.list().getSelectionModel().getSelectedItem()).finding().id())
                .isEqualTo(second);
    }
}
