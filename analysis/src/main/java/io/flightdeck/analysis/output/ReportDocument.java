package io.flightdeck.analysis.output;

import java.util.ArrayList;
import java.util.List;

/**
 * A report laid out once, independent of format: a title, facts, and sections of paragraphs and tables. The
 * text, Markdown and HTML renderers each escape the strings (which come from recordings and may hold anything)
 * the way their format needs.
 */
public record ReportDocument(String title, List<Fact> facts, List<String> warnings, List<Section> sections) {

    /** The same document without the input warnings (for a terminal, where they were already said on stderr). */
    public ReportDocument withoutWarnings() {
        return new ReportDocument(title, facts, List.of(), sections);
    }

    /** A labelled value in the report's header. */
    public record Fact(String label, String value) {
    }

    public record Section(String title, List<Block> blocks) {
    }

    public sealed interface Block permits Paragraph, Table {
    }

    public record Paragraph(String text) implements Block {
    }

    /**
     * @param numeric per column, whether it holds numbers (right-aligned)
     */
    public record Table(List<String> headers, List<Boolean> numeric, List<List<String>> rows) implements Block {
    }

    /** Builds a section block by block. */
    static final class SectionBuilder {
        private final String title;
        private final List<Block> blocks = new ArrayList<>();

        SectionBuilder(String title) {
            this.title = title;
        }

        SectionBuilder paragraph(String text) {
            blocks.add(new Paragraph(text));
            return this;
        }

        TableBuilder table(String... headers) {
            TableBuilder t = new TableBuilder(headers);
            return t;
        }

        SectionBuilder add(TableBuilder table, String whenEmpty) {
            if (table.rows.isEmpty()) {
                if (whenEmpty != null) {
                    blocks.add(new Paragraph(whenEmpty));
                }
            } else {
                blocks.add(table.build());
            }
            return this;
        }

        Section build() {
            return new Section(title, List.copyOf(blocks));
        }
    }

    static final class TableBuilder {
        private final List<String> headers;
        private final Boolean[] numeric;
        private final List<List<String>> rows = new ArrayList<>();

        TableBuilder(String... headers) {
            this.headers = List.of(headers);
            this.numeric = new Boolean[headers.length];
            java.util.Arrays.fill(numeric, false);
        }

        TableBuilder numeric(int... columns) {
            for (int c : columns) {
                numeric[c] = true;
            }
            return this;
        }

        TableBuilder row(Object... cells) {
            List<String> r = new ArrayList<>();
            for (int i = 0; i < headers.size(); i++) {
                Object c = i < cells.length ? cells[i] : null;
                r.add(c == null ? io.flightdeck.analysis.format.Format.MISSING : c.toString());
            }
            rows.add(List.copyOf(r));
            return this;
        }

        Table build() {
            return new Table(headers, List.of(numeric), List.copyOf(rows));
        }
    }
}
