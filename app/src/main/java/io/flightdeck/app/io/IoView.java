package io.flightdeck.app.io;

import io.flightdeck.analysis.format.Format;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.app.widgets.Tables;
import io.flightdeck.app.widgets.Tile;
import io.flightdeck.app.workspace.FeatureView;
import io.flightdeck.app.workspace.ViewContext;

import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Socket and file time by endpoint and path; exceptions by type and throwing site. */
public final class IoView implements FeatureView {
    private final ViewContext ctx;
    private Node node;
    private final Tile socketRead = new Tile("Socket reads", "Time threads spent in socket reads recorded by "
            + "jdk.SocketRead (operations above the threshold, 10–20 ms by default), with bytes and count.");
    private final Tile socketWrite = new Tile("Socket writes", "Time in socket writes (jdk.SocketWrite).");
    private final Tile fileRead = new Tile("File reads", "Time in file reads (jdk.FileRead).");
    private final Tile fileWrite = new Tile("File writes", "Time in file writes (jdk.FileWrite).");
    private final Tile exceptions = new Tile("Exceptions", "Throwables created in the selection: "
            + "jdk.JavaExceptionThrow, or the growth of jdk.ExceptionStatistics when throws were not recorded.");
    private Tables.Searchable<AnalysisReport.ExceptionRow> exceptionTable;

    public IoView(ViewContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String title() {
        return "I/O & exceptions";
    }

    @Override
    public Node node() {
        if (node == null) {
            node = build();
        }
        return node;
    }

    public Tables.Searchable<AnalysisReport.ExceptionRow> exceptionTable() {
        node();
        return exceptionTable;
    }

    private Node build() {
        Tables.Searchable<AnalysisReport.IoRow> targets = new Tables.Searchable<>("Search hosts and files",
                AnalysisReport.IoRow::target,
                Tables.text("Endpoint or file", AnalysisReport.IoRow::target, "host:port of a socket, or a file path."),
                Tables.number("Time", AnalysisReport.IoRow::seconds, Format::seconds,
                        "Time threads spent reading and writing it (recorded operations only)."),
                Tables.number("Bytes", AnalysisReport.IoRow::bytes, v -> Format.bytes((long) v), "Bytes moved."),
                Tables.number("Count", AnalysisReport.IoRow::count, v -> Format.count((long) v), "Operations."),
                Tables.text("Top site", AnalysisReport.IoRow::topSite, "The application method doing most of it."));
        targets.setPrefHeight(260);
        exceptionTable = new Tables.Searchable<>("Search exception types", AnalysisReport.ExceptionRow::className,
                Tables.text("Type", AnalysisReport.ExceptionRow::className, "The throwable's class."),
                Tables.number("Count", AnalysisReport.ExceptionRow::count, v -> Format.count((long) v), "Thrown."),
                Tables.text("Top site", AnalysisReport.ExceptionRow::topSite,
                        "Where most were thrown: the first non-JDK frame of the throw's stack."),
                Tables.text("Message", AnalysisReport.ExceptionRow::message, "One recorded message."));
        exceptionTable.setId("exceptions");
        exceptionTable.setPrefHeight(260);
        ctx.onSnapshot(title(), s -> {
            AnalysisReport.Io io = s.report().io();
            socketRead.set(Format.seconds(io.socketReadSeconds()), Format.bytes(io.socketReadBytes()) + " in "
                    + Format.count(io.socketReadCount()));
            socketWrite.set(Format.seconds(io.socketWriteSeconds()), Format.bytes(io.socketWriteBytes()) + " in "
                    + Format.count(io.socketWriteCount()));
            fileRead.set(Format.seconds(io.fileReadSeconds()), Format.bytes(io.fileReadBytes()) + " in "
                    + Format.count(io.fileReadCount()));
            fileWrite.set(Format.seconds(io.fileWriteSeconds()), Format.bytes(io.fileWriteBytes()) + " in "
                    + Format.count(io.fileWriteCount()));
            List<AnalysisReport.IoRow> rows = new ArrayList<>(io.byEndpoint());
            rows.addAll(io.byFile());
            targets.setRows(rows);
            AnalysisReport.Exceptions e = s.report().exceptions();
            exceptions.set(Format.count(e.count()), Format.rate(e.perSecond(), "") + (e.source() == null ? ""
                    : " · " + e.source()));
            exceptionTable.setRows(e.byType());
        });
        VBox root = new VBox(8, new FlowPane(8, 8, socketRead, socketWrite, fileRead, fileWrite),
                ViewContext.title("Sockets and files"), targets, new FlowPane(8, 8, exceptions),
                ViewContext.title("Exceptions by type"), exceptionTable);
        root.setPadding(new Insets(10));
        return ViewContext.scroll(root);
    }
}
