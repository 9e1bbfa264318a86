package io.flightdeck.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.AnalysisReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A performance budget: limits on the metrics of {@link MetricSpec} (the same names {@code compare} prints). A
 * file is JSON or YAML (docs/cli.md, "Budgets"):
 * <pre>
 * limits:
 *   gc.pauseP99Seconds: 200ms
 *   heap.afterGcMaxPercentOfMax: 80%
 *   gc.throughputPercent: {min: 95}
 *   "cpu.methodShare:com.example.Orders.find": 20
 * </pre>
 * A plain number is a maximum in the metric's unit ({@code gc.throughputPercent}: a minimum); values may carry
 * units (ms, s, %, B/s, KB/s, MB/s, GB/s, KiB/s, MiB/s, GiB/s, /s, /min).
 *
 * @param source where the budget came from (a file name), for the report
 */
public record Budget(String source, List<Limit> limits) {

    /** @param max true when the metric must stay at or below the value, false at or above */
    public record Limit(MetricSpec metric, double value, boolean max) {
    }

    /** A budget file that cannot be used; the message names the file and what is wrong. */
    public static final class BudgetException extends Exception {
        public BudgetException(String message) {
            super(message);
        }
    }

    private static final Pattern VALUE = Pattern.compile(
            "\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\\s*([a-zA-Z%/]*(?:/[a-z]+)?)\\s*");

    public static Budget read(Path file) throws BudgetException {
        String name = file.getFileName().toString();
        String text;
        try {
            if (Files.isDirectory(file)) {
                throw new BudgetException(file + ": is a directory, not a budget file");
            }
            text = decodeText(file, Files.readAllBytes(file));
        } catch (java.nio.file.NoSuchFileException e) {
            throw new BudgetException(file + ": no such budget file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new BudgetException(file + ": cannot read the budget file (permission denied)");
        } catch (IOException e) {
            throw new BudgetException(file + ": cannot read the budget file (" + e.getMessage() + ")");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        ObjectMapper mapper = lower.endsWith(".yaml") || lower.endsWith(".yml") || !text.stripLeading().startsWith("{")
                ? new YAMLMapper() : new JsonMapper();
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new BudgetException(file + ": not a valid JSON or YAML budget (" + m + ")");
        }
        return parse(name, root, file.toString());
    }

    /**
     * The file's text, or a {@link BudgetException} that says what the file is when it is not text: a budget is
     * a small UTF-8 JSON or YAML file, and a recording or an archive given by mistake deserves to be named.
     */
    private static String decodeText(Path file, byte[] bytes) throws BudgetException {
        String expected = "; a budget is a JSON or YAML text file with a 'limits' map of metric: limit (docs/cli.md)";
        if (bytes.length == 0) {
            throw new BudgetException(file + ": the budget file is empty" + expected);
        }
        String kind = binaryKind(bytes);
        if (kind != null) {
            throw new BudgetException(file + ": is " + kind + ", not a budget" + expected);
        }
        try {
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new BudgetException(file + ": is not UTF-8 text" + expected);
        }
    }

    private static String binaryKind(byte[] b) {
        if (startsWith(b, 'F', 'L', 'R', 0)) {
            return "a JFR recording";
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return "gzip-compressed data";
        }
        if (startsWith(b, 'P', 'K', 3, 4)) {
            return "a zip archive";
        }
        if (startsWith(b, '%', 'P', 'D', 'F')) {
            return "a PDF document";
        }
        if (startsWith(b, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        }
        if (startsWith(b, 0xFF, 0xFE) || startsWith(b, 0xFE, 0xFF)) {
            return "UTF-16 text (save it as UTF-8)";
        }
        int probe = Math.min(b.length, 8192);
        for (int i = 0; i < probe; i++) {
            if (b[i] == 0) {
                return "binary data";
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** A budget held elsewhere (a session's), as a JSON tree. */
    public static Budget of(String source, JsonNode root) throws BudgetException {
        return parse(source, root, "budget");
    }

    static Budget parse(String source, JsonNode root, String where) throws BudgetException {
        if (root == null || !root.isObject()) {
            throw new BudgetException(where + ": a budget is an object with a 'limits' map of metric: limit");
        }
        JsonNode limits = root.has("limits") ? root.get("limits") : root;
        if (!limits.isObject()) {
            throw new BudgetException(where + ": 'limits' must map metric names to limits");
        }
        List<Limit> out = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> fields = limits.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            if (limits == root && (e.getKey().equals("name") || e.getKey().equals("description"))) {
                continue;
            }
            MetricSpec spec = MetricSpec.forName(e.getKey());
            if (spec == null) {
                throw new BudgetException(where + ": unknown metric '" + e.getKey() + "' (known: "
                        + String.join(", ", MetricSpec.FIXED.stream().map(MetricSpec::name).toList())
                        + ", cpu.methodShare:<pkg.Class.method>, allocation.siteShare:<pkg.Class.method>, "
                        + "allocation.classShare:<class>)");
            }
            JsonNode v = e.getValue();
            boolean max = spec.lowerIsBetter();
            if (v.isObject()) {
                if (v.has("max") == v.has("min")) {
                    throw new BudgetException(where + ": '" + e.getKey() + "' needs either max or min");
                }
                max = v.has("max");
                v = v.get(max ? "max" : "min");
            }
            out.add(new Limit(spec, value(v, spec, where + ": '" + e.getKey() + "'"), max));
        }
        if (out.isEmpty()) {
            throw new BudgetException(where + ": the budget has no limits");
        }
        return new Budget(source, List.copyOf(out));
    }

    static double value(JsonNode v, MetricSpec spec, String where) throws BudgetException {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (!v.isTextual()) {
            throw new BudgetException(where + " must be a number or a number with a unit");
        }
        Matcher m = VALUE.matcher(v.asText());
        if (!m.matches()) {
            throw new BudgetException(where + ": cannot read '" + v.asText() + "' as a number with a unit");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return n;
        }
        double factor = switch (unit) {
            case "ms" -> spec.unit().equals("s") ? 0.001 : Double.NaN;
            case "us", "µs" -> spec.unit().equals("s") ? 1e-6 : Double.NaN;
            case "s" -> spec.unit().equals("s") ? 1 : Double.NaN;
            case "%" -> spec.unit().equals("%") ? 1 : Double.NaN;
            case "/s" -> spec.unit().equals("/s") ? 1 : Double.NaN;
            case "/CPU-s" -> spec.unit().equals("/CPU-s") ? 1 : Double.NaN;
            case "B/CPU-s" -> spec.unit().equals("B/CPU-s") ? 1 : Double.NaN;
            case "/min" -> spec.unit().equals("/min") ? 1 : spec.unit().equals("/s") ? 1 / 60.0 : Double.NaN;
            case "s/s" -> spec.unit().equals("s/s") ? 1 : Double.NaN;
            case "B/s" -> spec.unit().equals("B/s") ? 1 : Double.NaN;
            case "KB/s" -> spec.unit().equals("B/s") ? 1e3 : Double.NaN;
            case "MB/s" -> spec.unit().equals("B/s") ? 1e6 : Double.NaN;
            case "GB/s" -> spec.unit().equals("B/s") ? 1e9 : Double.NaN;
            case "KiB/s" -> spec.unit().equals("B/s") ? 1024 : Double.NaN;
            case "MiB/s" -> spec.unit().equals("B/s") ? 1024 * 1024 : Double.NaN;
            case "GiB/s" -> spec.unit().equals("B/s") ? 1024.0 * 1024 * 1024 : Double.NaN;
            default -> Double.NaN;
        };
        if (Double.isNaN(factor)) {
            throw new BudgetException(where + ": unit '" + unit + "' does not fit the metric (its unit is "
                    + spec.unit() + ")");
        }
        return n * factor;
    }

    /** Checks the budget against one analysed selection (the candidate of a comparison, or an analysis). */
    public ComparisonReport.BudgetResult check(io.flightdeck.analysis.Analysis analysis, AnalysisReport report) {
        double seconds = analysis.selection().durationSeconds();
        return check(new SideMetrics(analysis, report, Comparer.bucketSeconds(seconds, seconds)));
    }

    ComparisonReport.BudgetResult check(SideMetrics side) {
        List<ComparisonReport.Violation> violations = new ArrayList<>();
        List<ComparisonReport.BudgetCheck> checked = new ArrayList<>();
        for (Limit l : limits) {
            Optional<SideMetrics.Observed> o = side.observe(l.metric());
            String kind = l.max() ? "max" : "min";
            if (o.isEmpty()) {
                checked.add(new ComparisonReport.BudgetCheck(l.metric().name(), l.value(), null, l.metric().unit(),
                        kind, true));
                continue;
            }
            double actual = o.get().value();
            boolean ok = l.max() ? actual <= l.value() : actual >= l.value();
            checked.add(new ComparisonReport.BudgetCheck(l.metric().name(), l.value(), actual, l.metric().unit(), kind,
                    ok));
            if (!ok) {
                violations.add(new ComparisonReport.Violation(l.metric().name(), l.value(), actual, l.metric().unit(),
                        kind));
            }
        }
        return new ComparisonReport.BudgetResult(violations.isEmpty(), source, List.copyOf(violations),
                List.copyOf(checked));
    }
}
