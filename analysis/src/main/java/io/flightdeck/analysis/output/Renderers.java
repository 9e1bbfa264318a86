package io.flightdeck.analysis.output;

import io.flightdeck.analysis.Version;

import io.flightdeck.analysis.output.ReportDocument.Block;
import io.flightdeck.analysis.output.ReportDocument.Fact;
import io.flightdeck.analysis.output.ReportDocument.Paragraph;
import io.flightdeck.analysis.output.ReportDocument.Section;
import io.flightdeck.analysis.output.ReportDocument.Table;

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

    /** The width plain text is laid out for when it is not known (a file, a pipe): 80 columns. */
    public static final int DEFAULT_WIDTH = 80;

    public static String render(ReportDocument doc, ReportFormat format, int width) {
        return format == ReportFormat.TEXT ? text(doc, width) : render(doc, format);
    }

    static String text(ReportDocument doc) {
        return text(doc, DEFAULT_WIDTH);
    }

    /** Plain text for a terminal {@code width} columns wide: paragraphs and table cells wrap, tables fit. */
    static String text(ReportDocument doc, int width) {
        int w = Math.max(40, width);
        StringBuilder out = new StringBuilder(plain(doc.title())).append('\n');
        for (Fact f : doc.facts()) {
            wrap(out, plain(f.label()) + ": " + plain(f.value()), "", "    ", w);
        }
        for (String warning : doc.warnings()) {
            wrap(out, "warning: " + plain(warning), "", "    ", w);
        }
        for (Section s : doc.sections()) {
            String title = plain(s.title());
            out.append('\n').append(title).append('\n').append("-".repeat(Math.min(title.length(), w))).append('\n');
            boolean first = true;
            for (Block b : s.blocks()) {
                if (!first && b instanceof Table) {
                    out.append('\n');
                }
                first = false;
                if (b instanceof Paragraph p) {
                    wrap(out, plain(p.text()), "  ", "  ", w);
                } else if (b instanceof Table t) {
                    textTable(out, t, w);
                }
            }
        }
        return out.toString();
    }

    /** Appends {@code text} word-wrapped to {@code width}, the first line indented by {@code first}. */
    static void wrap(StringBuilder out, String text, String first, String rest, int width) {
        for (String line : wrapLines(text, width - first.length(), width - rest.length())) {
            out.append(first).append(line).append('\n');
            first = rest;
        }
    }

    /** Lines of at most {@code firstWidth} (then {@code width}) characters, broken at spaces; a longer word is cut. */
    static List<String> wrapLines(String text, int firstWidth, int width) {
        List<String> glued = wrapGlued(NUMBER_UNIT.matcher(text).replaceAll("\u00A0"), firstWidth, width);
        glued.replaceAll(l -> l.replace('\u00A0', ' '));
        return glued;
    }

    private static List<String> wrapGlued(String text, int firstWidth, int width) {
        List<String> lines = new java.util.ArrayList<>();
        StringBuilder line = new StringBuilder();
        int limit = Math.max(1, firstWidth);
        for (String word : text.strip().split(" +")) {
            while (word.length() > limit && line.isEmpty()) {
                lines.add(word.substring(0, limit));
                word = word.substring(limit);
                limit = Math.max(1, width);
            }
            if (!line.isEmpty() && line.length() + 1 + word.length() > limit) {
                lines.add(line.toString());
                line.setLength(0);
                limit = Math.max(1, width);
                while (word.length() > limit) {
                    lines.add(word.substring(0, limit));
                    word = word.substring(limit);
                }
            }
            if (!line.isEmpty()) {
                line.append(' ');
            }
            line.append(word);
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static void textTable(StringBuilder out, Table t, int width) {
        int columns = t.headers().size();
        int[] widths = new int[columns];
        int[] valueWidths = new int[columns];
        boolean[] prose = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = t.headers().get(c).length();
            int spaced = 0;
            for (List<String> r : t.rows()) {
                String v = plain(r.get(c));
                widths[c] = Math.max(widths[c], v.length());
                valueWidths[c] = Math.max(valueWidths[c], v.length());
                if (v.strip().indexOf(' ') > 0 && v.length() > 24) {
                    spaced++;
                }
            }
            prose[c] = !t.numeric().get(c) && spaced * 2 >= Math.max(1, t.rows().size());
        }
        fit(widths, valueWidths, prose, t.numeric(), width - 2 - 2 * (columns - 1));
        for (int c = 0; c < columns; c++) {
            if (prose[c] && widths[c] < 36 && columns > 2) {
                textRecords(out, t, prose, width);
                return;
            }
        }
        textRow(out, t.headers(), t.numeric(), widths);
        for (List<String> r : t.rows()) {
            textRow(out, r, t.numeric(), widths);
        }
    }

    /**
     * A table of sentences that does not fit the width, one record per row: the first column (with the numbers
     * when it is a short label such as a severity), then the short values on one line ("Baseline 3.5 s/s · Change
     * -97 %"), then each longer value on its own, the first sentence column unlabelled.
     */
    private static void textRecords(StringBuilder out, Table t, boolean[] prose, int width) {
        int columns = t.headers().size();
        boolean shortFirst = t.rows().stream().allMatch(r -> plain(r.getFirst()).length() <= 12);
        boolean[] brief = new boolean[columns];
        for (int c = 1; c < columns; c++) {
            int col = c;
            brief[c] = !prose[c] && t.rows().stream().allMatch(r -> plain(r.get(col)).strip().length() <= 16);
        }
        boolean firstRow = true;
        for (List<String> r : t.rows()) {
            if (!firstRow) {
                out.append('\n');
            }
            firstRow = false;
            StringBuilder head = new StringBuilder(plain(r.getFirst()));
            List<String> facts = new java.util.ArrayList<>();
            for (int c = 1; c < columns; c++) {
                String v = plain(r.get(c)).strip();
                if (!brief[c] || v.isEmpty() || v.equals("—")) {
                    continue;
                }
                String fact = plain(t.headers().get(c)) + ":\u00A0" + v.replace(' ', '\u00A0');
                if (shortFirst && t.numeric().get(c)) {
                    head.append("  ").append(fact);
                } else {
                    facts.add(fact);
                }
            }
            wrap(out, head.toString(), "  ", "    ", width);
            if (!facts.isEmpty()) {
                wrap(out, String.join(" · ", facts), "    ", "      ", width);
            }
            for (int c = 1; c < columns; c++) {
                String v = plain(r.get(c)).strip();
                if (brief[c] || v.isEmpty() || v.equals("—")) {
                    continue;
                }
                wrap(out, prose[c] && c == firstProse(prose) ? v : plain(t.headers().get(c)) + ": " + v, "    ",
                        "      ", width);
            }
        }
    }

    private static int firstProse(boolean[] prose) {
        for (int c = 0; c < prose.length; c++) {
            if (prose[c]) {
                return c;
            }
        }
        return -1;
    }

    /**
     * Narrows the columns until they fit {@code available}: sentences first (they wrap at spaces, down to 24
     * characters), then names (cut, down to 16), then the headers of number columns (wrapped over the values).
     */
    private static void fit(int[] widths, int[] valueWidths, boolean[] prose, List<Boolean> numeric, int available) {
        for (int pass = 0; pass < 3; pass++) {
            while (java.util.Arrays.stream(widths).sum() > available) {
                int widest = -1;
                for (int c = 0; c < widths.length; c++) {
                    // sentences wrap first, then names are cut, then number columns' headers wrap over their values
                    boolean candidate = pass == 0 ? prose[c] : pass == 1 ? !numeric.get(c) : numeric.get(c);
                    int floor = pass == 0 ? 24 : pass == 1 ? 16 : Math.max(valueWidths[c], 6);
                    if (candidate && widths[c] > floor && (widest < 0 || widths[c] > widths[widest])) {
                        widest = c;
                    }
                }
                if (widest < 0) {
                    break;
                }
                widths[widest]--;
            }
        }
    }

    private static void textRow(StringBuilder out, List<String> cells, List<Boolean> numeric, int[] widths) {
        List<List<String>> wrapped = new java.util.ArrayList<>();
        int height = 1;
        for (int c = 0; c < cells.size(); c++) {
            String v = plain(cells.get(c));
            List<String> lines = v.length() <= widths[c] ? List.of(v) : wrapLines(v, widths[c], widths[c]);
            wrapped.add(lines);
            height = Math.max(height, lines.size());
        }
        for (int l = 0; l < height; l++) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cells.size(); c++) {
                List<String> lines = wrapped.get(c);
                String v = l < lines.size() ? lines.get(l) : "";
                String pad = " ".repeat(Math.max(0, widths[c] - v.length()));
                line.append(numeric.get(c) ? pad + v : v + pad);
                if (c < cells.size() - 1) {
                    line.append("  ");
                }
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
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
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            switch (c) {
                // only where a renderer would read markup: "<" opening a tag, "&" opening an entity; "p < 0.001"
                // and "R&D " stay as written
                case '&' -> sb.append(Character.isLetter(next) || next == '#' ? "&amp;" : "&");
                case '<' -> sb.append(Character.isLetter(next) || next == '/' || next == '!' || next == '?'
                        ? "&lt;" : "<");
                case '>' -> sb.append(i == 0 ? "&gt;" : ">");
                // "$" too: renderers with math support (GitHub, pandoc) read $…$ as a formula, and Java names are
                // full of them (Pattern$BmpCharProperty, lambda$0, $$Lambda)
                case '\\', '|', '`', '*', '_', '[', ']', '#', '~', '$' -> sb.append('\\').append(c);
                default -> sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
            }
        }
        return sb.toString();
    }

    // ---- HTML -------------------------------------------------------------------------------------------------

    private static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em auto;max-width:72em;color:#1f2328;padding:0 1em}
            h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.6em 0;max-width:100%}td{overflow-wrap:anywhere}th,td{padding:.25em .7em;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}
            th{background:#f6f8fa}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
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
                    out.append("<p>").append(keepUnits(html(p.text()))).append("</p>\n");
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
                            out.append(t.numeric().get(c) ? "<td class=\"num\">" : "<td>").append(keepUnits(html(r.get(c))))
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

    private static final java.util.regex.Pattern NUMBER_UNIT = java.util.regex.Pattern.compile(
            "(?<=\\d) (?=(?:[KMGT]i?B|B|ms|µs|ns|s|min|h|%|pt|/s)(?:/s)?(?![\\p{L}]))");

    /** A number and its unit ("16.2 ms", "1.5 MiB/s") are never split across lines. */
    static String keepUnits(String escaped) {
        return NUMBER_UNIT.matcher(escaped).replaceAll("&nbsp;");
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
