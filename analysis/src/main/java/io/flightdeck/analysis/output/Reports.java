package io.flightdeck.analysis.output;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.flightdeck.analysis.compare.ComparisonReport;
import io.flightdeck.analysis.report.AnalysisReport;
import io.flightdeck.analysis.session.Session;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The reports a user can write, rendered one way for the command line ({@code analyze}, {@code compare},
 * {@code export}) and the desktop app (File ▸ Export): an analysis or a comparison, with the session's name, stage,
 * runs and notes in front when it belongs to one.
 */
public final class Reports {
    private Reports() {
    }

    /** The JSON of a session's report: the session and either its comparison or its baseline's analysis. */
    @JsonPropertyOrder({"session", "comparison", "analysis"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionExport(Session session, ComparisonReport comparison, AnalysisReport analysis) {
    }

    /** The format a report file's name asks for (.md, .html, .json; anything else plain text). */
    public static ReportFormat formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return ReportFormat.MD;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return ReportFormat.HTML;
        }
        if (name.endsWith(".json")) {
            return ReportFormat.JSON;
        }
        return ReportFormat.TEXT;
    }

    /**
     * A comparison's report.
     *
     * @param session     the session it belongs to, or null
     * @param sessionFile where the session is saved (named in the report), when there is one
     * @param width       the columns plain text is laid out for
     */
    public static String comparison(ComparisonReport r, Session session, Path sessionFile, ReportFormat format,
            int width) {
        if (format == ReportFormat.JSON) {
            return JsonExport.render(session == null ? r : new SessionExport(session, r, null));
        }
        ReportDocument doc = session == null ? ComparisonDocument.of(r)
                : ComparisonDocument.of(r, SessionSections.title(session), SessionSections.facts(session,
                        named(sessionFile)), SessionSections.leading(session));
        return Renderers.render(doc, format, width);
    }

    /** An analysis's report, with its session (or null) in front. */
    public static String analysis(AnalysisReport r, Session session, Path sessionFile, ReportFormat format,
            int width) {
        if (format == ReportFormat.JSON) {
            return JsonExport.render(session == null ? r : new SessionExport(session, null, r));
        }
        ReportDocument doc = AnalysisDocument.of(r);
        if (session != null) {
            doc = SessionSections.prepend(doc, session, named(sessionFile));
        }
        return Renderers.render(doc, format, width);
    }

    private static Path named(Path sessionFile) {
        return sessionFile != null ? sessionFile : Path.of("(not saved yet)");
    }
}
