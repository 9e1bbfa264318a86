package io.flightdeck.app.flame;

import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.app.widgets.Tables;

import java.util.List;
import java.util.Locale;

import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;

/**
 * The methods whose share changed most between a baseline and a candidate: self and total share on both sides and
 * the change in percentage points, largest change first (by self or total, see {@link DiffTree.Rank}). Sortable and
 * searchable; the rows come from {@link DiffTree#topChanges}, computed off the FX thread.
 */
public final class TopChangesTable extends VBox {
    private final Tables.Searchable<DiffTree.MethodChange> table;
    private final TableColumn<DiffTree.MethodChange, Number> selfDelta;
    private final TableColumn<DiffTree.MethodChange, Number> totalDelta;

    public TopChangesTable() {
        selfDelta = Tables.number("Self Δ", DiffTree.MethodChange::selfDeltaPoints, TopChangesTable::points,
                "Change of the method's self share (time in the method itself), candidate minus baseline, "
                        + "in percentage points. Negative: it takes a smaller share now.");
        totalDelta = Tables.number("Total Δ", DiffTree.MethodChange::totalDeltaPoints, TopChangesTable::points,
                "Change of the method's total share (itself and what it called; recursion counted once), "
                        + "in percentage points.");
        table = new Tables.Searchable<>("Search methods", DiffTree.MethodChange::method,
                Tables.text("Method", DiffTree.MethodChange::method, "pkg.Class.method"),
                Tables.number("Self, baseline", DiffTree.MethodChange::baselineSelfPercent, TopChangesTable::percent,
                        "Share of the baseline's samples that ended in the method."),
                Tables.number("Self, candidate", DiffTree.MethodChange::candidateSelfPercent, TopChangesTable::percent,
                        "Share of the candidate's samples that ended in the method."),
                selfDelta,
                Tables.number("Total, baseline", DiffTree.MethodChange::baselineTotalPercent, TopChangesTable::percent,
                        "Share of the baseline's samples with the method on the stack."),
                Tables.number("Total, candidate", DiffTree.MethodChange::candidateTotalPercent, TopChangesTable::percent,
                        "Share of the candidate's samples with the method on the stack."),
                totalDelta);
        table.table().setId("top-changes");
        getChildren().add(table);
        VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    }

    /** Shows rows (FX thread), e.g. {@code diff.topChanges(DiffTree.Rank.SELF, 50)}. */
    public void setChanges(List<DiffTree.MethodChange> changes) {
        table.setRows(changes);
    }

    public TableView<DiffTree.MethodChange> table() {
        return table.table();
    }

    public javafx.scene.control.TextField searchField() {
        return table.searchField();
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }

    static String points(double d) {
        return String.format(Locale.ROOT, "%+.2f pt", d);
    }
}
