package io.flightdeck.app.export;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; numeric columns are right-aligned. */
final class TextTable {
    private final String[] headers;
    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    TextTable(String... headers) {
        this.headers = headers;
        this.rightAligned = new boolean[headers.length];
    }

    TextTable right(int... columns) {
        for (int c : columns) {
            rightAligned[c] = true;
        }
        return this;
    }

    TextTable row(Object... cells) {
        String[] r = new String[headers.length];
        for (int i = 0; i < headers.length; i++) {
            Object c = i < cells.length ? cells[i] : "";
            r[i] = c == null ? "—" : sanitize(c.toString());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void appendTo(StringBuilder out, String indent) {
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        line(out, indent, headers, widths);
        for (String[] r : rows) {
            line(out, indent, r, widths);
        }
    }

    private void line(StringBuilder out, String indent, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int i = 0; i < cells.length; i++) {
            String c = cells[i];
            int pad = widths[i] - c.length();
            if (rightAligned[i]) {
                sb.append(" ".repeat(pad)).append(c);
            } else {
                sb.append(c);
                if (i < cells.length - 1) {
                    sb.append(" ".repeat(pad));
                }
            }
            if (i < cells.length - 1) {
                sb.append("  ");
            }
        }
        out.append(sb.toString().stripTrailing()).append('\n');
    }

    /** Control characters from recordings (thread names, messages) must not reach the terminal. */
    static String sanitize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return sb.toString();
    }
}
