package io.flightdeck.analysis.output;

import io.flightdeck.analysis.FrameKind;
import io.flightdeck.analysis.flame.CallTree;
import io.flightdeck.analysis.flame.DiffTree;
import io.flightdeck.analysis.flame.FlameTree;
import io.flightdeck.analysis.format.Format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Flame graphs as files: a standalone SVG (static; each frame's numbers in its {@code <title>}) and a
 * self-contained HTML page (data and script inline, no network; click to zoom, search, hover for numbers), of one
 * tree or of a baseline/candidate difference. Every string from a recording is escaped: names reach SVG and HTML
 * as escaped text and the page's script receives them as JSON inside a script element, with {@code <}, {@code >}
 * and {@code &} written as {@code \}{@code u} escapes so no name can close the element, and puts them on screen as
 * text, never as markup.
 */
public final class FlameExport {
    static final int SVG_WIDTH = 1200;
    static final int ROW = 16;
    /** Frames narrower than this share of the whole are left out of the HTML page (1/100,000). */
    static final double HTML_MIN_SHARE = 1e-5;

    private FlameExport() {
    }

    /** A node's value with its unit: "1,234 samples", "12.3 MiB", "1.25 s". */
    public static String value(CallTree.Weight weight, long v) {
        return switch (weight) {
            case SAMPLES -> Format.count(v) + (v == 1 ? " sample" : " samples");
            case BYTES -> Format.bytes(v);
            case NANOS -> Format.seconds(v / 1e9);
        };
    }

    static String percent(double p) {
        return String.format(Locale.ROOT, "%.2f %%", p);
    }

    static String points(double d) {
        return String.format(Locale.ROOT, "%+.2f points", d);
    }

    // ---- colours (also used by the desktop graphs) -------------------------------------------------------------

    /** Fill of a frame by who wrote it, varied a little by name so neighbours differ. RGB 0..255. */
    static int[] kindColour(FrameKind kind, String name) {
        int[] base = kind == null ? new int[]{0xb0, 0xb7, 0xbf} : switch (kind) {
            case APPLICATION -> new int[]{0xe8, 0x85, 0x3d};
            case LIBRARY -> new int[]{0x4f, 0xa3, 0x5a};
            case JDK -> new int[]{0x6f, 0x9b, 0xd1};
        };
        int h = name.hashCode();
        double shift = 1 + ((h & 0xFF) / 255.0 - 0.5) * 0.2;
        return new int[]{clamp(base[0] * shift), clamp(base[1] * shift), clamp(base[2] * shift)};
    }

    /**
     * Fill of a differential frame: grey when its share did not change, towards red when it grew and towards blue
     * when it shrank; {@code scale} is the change (in points) that gets the full colour.
     */
    public static int[] diffColour(double deltaPoints, double scale) {
        int[] grey = {0xdc, 0xdc, 0xdc};
        if (Math.abs(deltaPoints) < 0.005 || scale <= 0) {
            return grey;
        }
        double t = Math.sqrt(Math.min(1, Math.abs(deltaPoints) / scale));
        int[] full = deltaPoints > 0 ? new int[]{0xd7, 0x30, 0x27} : new int[]{0x21, 0x66, 0xac};
        return new int[]{clamp(grey[0] + (full[0] - grey[0]) * t), clamp(grey[1] + (full[1] - grey[1]) * t),
                clamp(grey[2] + (full[2] - grey[2]) * t)};
    }

    /** The change that gets the full colour: the largest change of any frame but the root, at least 1 point. */
    public static double diffScale(DiffTree diff) {
        double max = 1;
        for (int n = 1; n < diff.size(); n++) {
            max = Math.max(max, Math.abs(diff.deltaPoints(n)));
        }
        return max;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }

    private static String hex(int[] rgb) {
        return String.format("#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
    }

    // ---- SVG ----------------------------------------------------------------------------------------------------

    /** A standalone SVG flame graph of a tree (the root at the bottom). */
    public static String svg(FlameTree tree, String title) {
        long all = tree.total(FlameTree.ROOT);
        List<double[]> boxes = new ArrayList<>(); // node, x, width
        layoutSvg(tree, FlameTree.ROOT, 0, SVG_WIDTH, boxes);
        int depth = 0;
        for (double[] b : boxes) {
            depth = Math.max(depth, tree.depth((int) b[0]));
        }
        StringBuilder sb = svgHead(title + " — " + value(tree.weight(), all), depth);
        for (double[] b : boxes) {
            int n = (int) b[0];
            StringBuilder tip = new StringBuilder(tree.label(n)).append(" — ").append(value(tree.weight(),
                    tree.total(n))).append(", ").append(percent(all == 0 ? 0 : 100.0 * tree.total(n) / all));
            if (n != FlameTree.ROOT && tree.self(n) > 0) {
                tip.append(", self ").append(value(tree.weight(), tree.self(n)));
            }
            String fill = n == FlameTree.ROOT ? "#c9d1d9" : hex(kindColour(tree.kind(n), tree.label(n)));
            svgFrame(sb, tree.label(n), tip.toString(), fill, b[1], b[2], tree.depth(n), depth);
        }
        return sb.append("</svg>\n").toString();
    }

    /** A standalone SVG differential flame graph: widths by {@link DiffTree#layoutWeight}, colours by change. */
    public static String svg(DiffTree diff, String title) {
        List<double[]> boxes = new ArrayList<>();
        layoutSvg(diff, DiffTree.ROOT, 0, SVG_WIDTH, boxes);
        int depth = 0;
        for (double[] b : boxes) {
            depth = Math.max(depth, diff.depth((int) b[0]));
        }
        double scale = diffScale(diff);
        StringBuilder sb = svgHead(title + " — red: larger share in the candidate, blue: smaller", depth);
        for (double[] b : boxes) {
            int n = (int) b[0];
            String fill = n == DiffTree.ROOT ? "#c9d1d9" : hex(diffColour(diff.deltaPoints(n), scale));
            svgFrame(sb, diff.label(n), describe(diff, n), fill, b[1], b[2], diff.depth(n), depth);
        }
        return sb.append("</svg>\n").toString();
    }

    /** What a differential frame's tooltip says: both values with their shares, and the change. */
    public static String describe(DiffTree diff, int n) {
        CallTree.Weight w = diff.weight();
        return diff.label(n) + "\nbaseline: " + value(w, diff.baselineTotal(n)) + " (" + percent(diff.baselinePercent(n))
                + ")\ncandidate: " + value(w, diff.candidateTotal(n)) + " (" + percent(diff.candidatePercent(n))
                + ")\nchange: " + points(diff.deltaPoints(n))
                + switch (diff.presence(n)) {
                    case BASELINE_ONLY -> " (only in the baseline)";
                    case CANDIDATE_ONLY -> " (only in the candidate)";
                    case BOTH -> "";
                };
    }

    private static void layoutSvg(FlameTree t, int node, double x, double w, List<double[]> out) {
        out.add(new double[]{node, x, w});
        long total = t.total(node);
        double cx = x;
        for (int c : t.children(node)) {
            double cw = total == 0 ? 0 : w * t.total(c) / total;
            if (cw < 0.1) {
                break; // heaviest first: the rest are narrower
            }
            layoutSvg(t, c, cx, cw, out);
            cx += cw;
        }
    }

    private static void layoutSvg(DiffTree t, int node, double x, double w, List<double[]> out) {
        out.add(new double[]{node, x, w});
        double total = t.layoutWeight(node);
        double cx = x;
        for (int c : t.children(node)) {
            double cw = total == 0 ? 0 : w * t.layoutWeight(c) / total;
            if (cw < 0.1) {
                break;
            }
            layoutSvg(t, c, cx, cw, out);
            cx += cw;
        }
    }

    private static StringBuilder svgHead(String title, int depth) {
        int height = (depth + 1) * ROW + 40;
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"").append(SVG_WIDTH + 20)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(SVG_WIDTH + 20).append(' ')
                .append(height).append("\" font-family=\"Verdana, sans-serif\" font-size=\"11\">\n")
                .append("<title>").append(xml(title)).append("</title>\n")
                .append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n")
                .append("<text x=\"10\" y=\"20\" font-size=\"14\">").append(xml(title)).append("</text>\n");
        return sb;
    }

    private static void svgFrame(StringBuilder sb, String label, String tip, String fill, double x, double w,
            int depth, int maxDepth) {
        double y = 30 + (maxDepth - depth) * ROW;
        sb.append("<g><title>").append(xml(tip)).append("</title><rect x=\"").append(num(10 + x)).append("\" y=\"")
                .append(num(y)).append("\" width=\"").append(num(Math.max(w - 0.5, 0.1))).append("\" height=\"")
                .append(ROW - 1).append("\" fill=\"").append(fill).append("\" rx=\"2\"/>");
        int fit = (int) ((w - 6) / 6.6);
        if (fit >= 3) {
            String text = label.length() <= fit ? label : "…" + label.substring(label.length() - fit + 1);
            sb.append("<text x=\"").append(num(13 + x)).append("\" y=\"").append(num(y + ROW - 4.5)).append("\">")
                    .append(xml(text)).append("</text>");
        }
        sb.append("</g>\n");
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Escapes text for XML content and attributes; characters XML 1.0 cannot hold become U+FFFD. */
    static String xml(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                case '\n' -> sb.append("&#10;");
                case '\t' -> sb.append(c);
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (c < 0x20 || Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    // ---- HTML ---------------------------------------------------------------------------------------------------

    /** A self-contained HTML flame graph of a tree. */
    public static String html(FlameTree tree, String title) {
        StringBuilder json = new StringBuilder(256 * 1024);
        long all = tree.total(FlameTree.ROOT);
        List<Integer> order = new ArrayList<>();
        preorder(tree, FlameTree.ROOT, all * HTML_MIN_SHARE, order);
        int[] index = new int[tree.size()];
        NameTable names = new NameTable();
        StringBuilder p = new StringBuilder();
        StringBuilder nm = new StringBuilder();
        StringBuilder v = new StringBuilder();
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            int n = order.get(i);
            index[n] = i;
            sep(p, i).append(n == FlameTree.ROOT ? -1 : index[tree.parent(n)]);
            sep(nm, i).append(names.id(tree.label(n), tree.kind(n)));
            sep(v, i).append(tree.total(n));
            sep(s, i).append(tree.self(n));
        }
        json.append("{\"title\":").append(jsonString(title)).append(",\"weight\":\"").append(tree.weight())
                .append("\",\"diff\":false,\"names\":").append(names.json()).append(",\"kinds\":")
                .append(jsonString(names.kinds.toString())).append(",\"p\":[").append(p).append("],\"n\":[")
                .append(nm).append("],\"v\":[").append(v).append("],\"s\":[").append(s).append("]}");
        return page(title, json);
    }

    /** A self-contained HTML differential flame graph. */
    public static String html(DiffTree diff, String title) {
        List<Integer> order = new ArrayList<>();
        preorder(diff, DiffTree.ROOT, diff.layoutWeight(DiffTree.ROOT) * HTML_MIN_SHARE, order);
        int[] index = new int[diff.size()];
        NameTable names = new NameTable();
        StringBuilder p = new StringBuilder();
        StringBuilder nm = new StringBuilder();
        StringBuilder b = new StringBuilder();
        StringBuilder c = new StringBuilder();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < order.size(); i++) {
            int n = order.get(i);
            index[n] = i;
            sep(p, i).append(n == DiffTree.ROOT ? -1 : index[diff.parent(n)]);
            sep(nm, i).append(names.id(diff.label(n), diff.kind(n)));
            sep(b, i).append(diff.baselineTotal(n));
            sep(c, i).append(diff.candidateTotal(n));
            sep(w, i).append(String.format(Locale.ROOT, "%.6g", diff.layoutWeight(n)));
        }
        StringBuilder json = new StringBuilder(256 * 1024);
        json.append("{\"title\":").append(jsonString(title)).append(",\"weight\":\"").append(diff.weight())
                .append("\",\"diff\":true,\"scale\":").append(String.format(Locale.ROOT, "%.4f", diffScale(diff)))
                .append(",\"names\":").append(names.json()).append(",\"kinds\":")
                .append(jsonString(names.kinds.toString())).append(",\"p\":[").append(p).append("],\"n\":[")
                .append(nm).append("],\"b\":[").append(b).append("],\"c\":[").append(c).append("],\"w\":[")
                .append(w).append("]}");
        return page(title, json);
    }

    private static StringBuilder sep(StringBuilder sb, int i) {
        return i == 0 ? sb : sb.append(',');
    }

    private static void preorder(FlameTree t, int root, double min, List<Integer> out) {
        int[] stack = new int[t.size() + 1];
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int n = stack[--top];
            out.add(n);
            int[] c = t.children(n);
            int keep = 0;
            while (keep < c.length && t.total(c[keep]) >= min && t.total(c[keep]) > 0) {
                keep++;
            }
            for (int i = keep - 1; i >= 0; i--) {
                stack[top++] = c[i];
            }
        }
    }

    private static void preorder(DiffTree t, int root, double min, List<Integer> out) {
        int[] stack = new int[t.size() + 1];
        int top = 0;
        stack[top++] = root;
        while (top > 0) {
            int n = stack[--top];
            out.add(n);
            int[] c = t.children(n);
            int keep = 0;
            while (keep < c.length && t.layoutWeight(c[keep]) >= min && t.layoutWeight(c[keep]) > 0) {
                keep++;
            }
            for (int i = keep - 1; i >= 0; i--) {
                stack[top++] = c[i];
            }
        }
    }

    private static final class NameTable {
        final java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        final StringBuilder json = new StringBuilder("[");
        final StringBuilder kinds = new StringBuilder();

        int id(String name, FrameKind kind) {
            Integer id = ids.get(name);
            if (id == null) {
                id = ids.size();
                ids.put(name, id);
                if (id > 0) {
                    json.append(',');
                }
                json.append(jsonString(name));
                kinds.append(kind == null ? 'o' : switch (kind) {
                    case APPLICATION -> 'a';
                    case LIBRARY -> 'l';
                    case JDK -> 'j';
                });
            }
            return id;
        }

        String json() {
            return json + "]";
        }
    }

    /**
     * A JSON string literal safe inside an HTML script element: quotes, backslashes and control characters
     * escaped, and {@code < > &} and the line separators U+2028/U+2029 as {@code \}{@code uXXXX}.
     */
    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029' || c == 0x7F) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** Escapes text for HTML element content and attribute values (the reports' escaper). */
    static String html(String s) {
        return io.flightdeck.analysis.output.Renderers.html(s);
    }

    private static String page(String title, StringBuilder json) {
        String template = resource("flame.html");
        String script = resource("flame.js");
        // markers are looked for in the template only, never in what was put in
        java.util.Map<String, String> parts = java.util.Map.of("@TITLE@", html(title), "@DATA@", json.toString(),
                "@SCRIPT@", script);
        StringBuilder out = new StringBuilder(template.length() + json.length() + script.length() + 256);
        int from = 0;
        for (int at = template.indexOf('@'); at >= 0; at = template.indexOf('@', at + 1)) {
            int end = template.indexOf('@', at + 1);
            if (end < 0) {
                break;
            }
            String part = parts.get(template.substring(at, end + 1));
            if (part != null) {
                out.append(template, from, at).append(part);
                from = end + 1;
                at = end;
            }
        }
        return out.append(template, from, template.length()).toString();
    }

    private static String resource(String name) {
        try (InputStream in = FlameExport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
