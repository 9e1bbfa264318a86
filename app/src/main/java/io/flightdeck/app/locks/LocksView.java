package io.flightdeck.app.locks;

import io.flightdeck.analysis.flame.FlameKind;
import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.threads.ThreadActivity;
import io.flightdeck.app.flame.FlameGraphView;
import io.flightdeck.app.widgets.LazyTabs;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Monitor contention and parks by class and site, and what every thread did (CPU, blocked, parked, I/O). */
public final class LocksView implements FeatureView {
    private final ViewContext ctx;
    private Node node;
    private Tables.Searchable<AnalysisReport.MonitorRow> monitors;
    private Tables.Searchable<ThreadActivity> threads;

    public LocksView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "Locks & threads";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    public Tables.Searchable<AnalysisReport.MonitorRow> monitors() {
        node();
        return monitors;
    }

    public Tables.Searchable<ThreadActivity> threads() {
        node();
        return threads;
    }

    private Node build() {
        monitors = new Tables.Searchable<>("Search monitor classes", AnalysisReport.MonitorRow::className,
                Tables.text("Monitor class", AnalysisReport.MonitorRow::className,
                        "Class of the object threads waited to enter a synchronized block or method on."),
                Tables.number("Blocked", AnalysisReport.MonitorRow::blockedSeconds, Format::seconds,
                        "Total time threads waited to enter (jdk.JavaMonitorEnter durations; the JVM records waits "
                                + "above its threshold, 10–20 ms by default)."),
                Tables.number("Count", AnalysisReport.MonitorRow::count, v -> Format.count((long) v),
                        "Recorded waits."),
                Tables.number("Longest", AnalysisReport.MonitorRow::maxSeconds, Format::seconds,
                        "The longest single wait."),
                Tables.text("Top site", AnalysisReport.MonitorRow::topSite,
                        "The first non-JDK frame where threads blocked, weighted by blocked time."));
        monitors.setId("monitors");
        Tables.Searchable<AnalysisReport.ParkRow> parks = new Tables.Searchable<>("Search blocker classes",
                AnalysisReport.ParkRow::parkedClass,
                Tables.text("Parked on", AnalysisReport.ParkRow::parkedClass,
                        "Class of the blocker object (a lock, a queue, a future) threads parked on."),
                Tables.number("Parked", AnalysisReport.ParkRow::parkedSeconds, Format::seconds,
                        "Total time parked (jdk.ThreadPark durations above the recording's threshold)."),
                Tables.number("Count", AnalysisReport.ParkRow::count, v -> Format.count((long) v), "Recorded parks."),
                Tables.text("Top site", AnalysisReport.ParkRow::topSite,
                        "The first non-JDK frame where threads parked, weighted by time."));
        threads = new Tables.Searchable<>("Search threads", ThreadActivity::thread,
                Tables.text("Thread", ThreadActivity::thread, "The thread's name."),
                Tables.number("CPU samples", ThreadActivity::cpuSamples, v -> Format.count((long) v),
                        "jdk.ExecutionSample events of the thread: how often it was found running Java code."),
                Tables.number("CPU %", ThreadActivity::cpuPercent, Format::percent,
                        "The thread's share of all execution samples in the selection."),
                Tables.number("Blocked", t -> t.blockedNanos() / 1e9, Format::seconds,
                        "Time waiting to enter monitors (jdk.JavaMonitorEnter)."),
                Tables.number("Parked", t -> t.parkedNanos() / 1e9, Format::seconds,
                        "Time parked (jdk.ThreadPark: locks, queues, pools)."),
                Tables.number("Waiting", t -> t.waitNanos() / 1e9, Format::seconds, "Time in Object.wait."),
                Tables.number("Sleeping", t -> t.sleepNanos() / 1e9, Format::seconds, "Time in Thread.sleep."),
                Tables.number("I/O", t -> t.ioNanos() / 1e9, Format::seconds,
                        "Time in socket and file reads and writes above the recording's thresholds."));
        threads.setId("thread-activity");
        Label summary = new Label();
        ctx.onSnapshot(title(), s -> {
            AnalysisReport.Locks l = s.report().locks();
            monitors.setRows(l.byMonitorClass());
            parks.setRows(l.parks());
            threads.setRows(s.threads());
            summary.setText(Format.seconds(l.blockedSeconds()) + " blocked on monitors (" + Format.count(l.blockedCount())
                    + " times), " + Format.seconds(l.parkedSeconds()) + " parked, " + Format.seconds(l.waitSeconds())
                    + " in Object.wait");
        });
        VBox lockPane = new VBox(6, summary, ViewContext.title("Contended monitors"), monitors,
                ViewContext.title("Parks"), parks);
        lockPane.setPadding(new Insets(6));
        return new LazyTabs().tab("Locks", () -> lockPane).tab("Threads", () -> threads)
                .tab("Flame graph (blocked and parked time)", () -> new FlameGraphView(ctx, FlameKind.LOCK));
    }
}
