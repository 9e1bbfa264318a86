package io.flightdeck.app.export;

import io.flightdeck.app.Version;

import io.flightdeck.app.export.ReportDocument.Block;
import io.flightdeck.app.export.ReportDocument.Fact;
import io.flightdeck.app.export.ReportDocument.Paragraph;
import io.flightdeck.app.export.ReportDocument.Section;
import io.flightdeck.app.export.ReportDocument.Table;

import java.util.List;

/**
 * Renders a {@link ReportDocument} as plain text, Markdown or self-contained HTML. Every string is escaped for
 * its format: recordings carry thread names, arguments and messages that may contain markup, table pipes or
 * control characters.
 */
public final class Renderers {
    private Renderers() {
    }

    /** The line that closes a Markdown or HTML report: which Flightdeck wrote it. */
    static String footer() {
        return "Made with Flightdeck " + Version.get();
    }

    public static String render(ReportDocument doc, ReportFormat format) {
        return switch (format) {
            case TEXT -> text(doc);
            case MD -> markdown(doc);
            case HTML -> html(doc);
            case JSON -> throw new IllegalArgumentException("JSON is written from the report object, not the layout");
        };
    }

    // ---- text -------------------------------------------------------------------------------------------------

    static String text(ReportDocument doc) {
        StringBuilder out = new StringBuilder(plain(doc.title())).append('\n');
        for (Fact f : doc.facts()) {
            out.append(plain(f.label())).append(": ").append(plain(f.value())).append('\n');
        }
        for (String w : doc.warnings()) {
            out.append("warning: ").append(plain(w)).append('\n');
        }
        for (Section s : doc.sections()) {
            String title = plain(s.title());
            out.append('\n').append(title).append('\n').append("-".repeat(title.length())).append('\n');
            boolean first = true;
            for (Block b : s.blocks()) {
                if (!first && b instanceof Table) {
                    out.append('\n');
                }
                first = false;
                if (b instanceof Paragraph p) {
                    out.append("  ").append(plain(p.text())).append('\n');
                } else if (b instanceof Table t) {
                    textTable(out, t);
                }
            }
        }
        return out.toString();
    }

    private static void textTable(StringBuilder out, Table t) {
        int columns = t.headers().size();
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = t.headers().get(c).length();
            for (List<String> r : t.rows()) {
                widths[c] = Math.max(widths[c], plain(r.get(c)).length());
            }
        }
        textRow(out, t.headers(), t.numeric(), widths);
        for (List<String> r : t.rows()) {
            textRow(out, r, t.numeric(), widths);
        }
    }

    private static void textRow(StringBuilder out, List<String> cells, List<Boolean> numeric, int[] widths) {
        StringBuilder line = new StringBuilder("  ");
        for (int c = 0; c < cells.size(); c++) {
            String v = plain(cells.get(c));
            String pad = " ".repeat(widths[c] - v.length());
            line.append(numeric.get(c) ? pad + v : v + pad);
            if (c < cells.size() - 1) {
                line.append("  ");
            }
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    /** Control characters never reach a terminal. */
    static String plain(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return sb.toString();
    }

    // ---- Markdown ---------------------------------------------------------------------------------------------

    static String markdown(ReportDocument doc) {
        StringBuilder out = new StringBuilder("# ").append(md(doc.title())).append("\n\n");
        for (Fact f : doc.facts()) {
            out.append("- **").append(md(f.label())).append(":** ").append(md(f.value())).append('\n');
        }
        if (!doc.warnings().isEmpty()) {
            out.append('\n');
            for (String w : doc.warnings()) {
                out.append("> **Warning:** ").append(md(w)).append('\n');
            }
        }
        for (Section s : doc.sections()) {
            out.append("\n## ").append(md(s.title())).append("\n");
            for (Block b : s.blocks()) {
                out.append('\n');
                if (b instanceof Paragraph p) {
                    out.append(md(p.text())).append('\n');
                } else if (b instanceof Table t) {
                    out.append('|');
                    t.headers().forEach(h -> out.append(' ').append(md(h)).append(" |"));
                    out.append("\n|");
                    t.numeric().forEach(n -> out.append(n ? " ---: |" : " --- |"));
                    out.append('\n');
                    for (List<String> r : t.rows()) {
                        out.append('|');
                        r.forEach(c -> out.append(' ').append(md(c)).append(" |"));
                        out.append('\n');
                    }
                }
            }
        }
        out.append("\n---\n\n_").append(md(footer())).append("_\n");
        return out.toString();
    }

    /**
     * Escapes Markdown: HTML-significant characters become entities (Markdown passes raw HTML through), pipes and
     * emphasis, link and code characters get a backslash, line breaks become spaces.
     */
    static String md(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\\', '|', '`', '*', '_', '[', ']', '#', '~' -> sb.append('\\').append(c);
                default -> sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
            }
        }
        return sb.toString();
    }

    // ---- HTML -------------------------------------------------------------------------------------------------

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1f2328;padding:0 1em}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.6em 0}th,td{padding:.25em .7em;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
            footer{margin-top:2.4em;padding-top:.6em;border-top:1px solid #d0d7de;color:#59636e;font-size:.9em}
            dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0;word-break:break-all}
            .warning{background:#fff8c5;border:1px solid #d4a72c;padding:.4em .8em;border-radius:4px;margin:.4em 0}
            """;

    static String html(ReportDocument doc) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
                .append(html(doc.title())).append("</title>\n<style>").append(CSS).append("</style></head><body>\n<h1>")
                .append(html(doc.title())).append("</h1>\n<dl>\n");
        for (Fact f : doc.facts()) {
            out.append("<dt>").append(html(f.label())).append("</dt><dd>").append(html(f.value())).append("</dd>\n");
        }
        out.append("</dl>\n");
        for (String w : doc.warnings()) {
            out.append("<p class=\"warning\">Warning: ").append(html(w)).append("</p>\n");
        }
        for (Section s : doc.sections()) {
            out.append("<h2>").append(html(s.title())).append("</h2>\n");
            for (Block b : s.blocks()) {
                if (b instanceof Paragraph p) {
                    out.append("<p>").append(html(p.text())).append("</p>\n");
                } else if (b instanceof Table t) {
                    out.append("<table><thead><tr>");
                    for (int c = 0; c < t.headers().size(); c++) {
                        out.append(t.numeric().get(c) ? "<th class=\"num\">" : "<th>").append(html(t.headers().get(c)))
                                .append("</th>");
                    }
                    out.append("</tr></thead><tbody>\n");
                    for (List<String> r : t.rows()) {
                        out.append("<tr>");
                        for (int c = 0; c < r.size(); c++) {
                            out.append(t.numeric().get(c) ? "<td class=\"num\">" : "<td>").append(html(r.get(c)))
                                    .append("</td>");
                        }
                        out.append("</tr>\n");
                    }
                    out.append("</tbody></table>\n");
                }
            }
        }
        return out.append("<footer>").append(html(footer())).append("</footer>\n</body></html>\n").toString();
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String html(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c < 0x20 && c != '\t' || c == 0x7F ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
