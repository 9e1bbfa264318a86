package io.flightdeck.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.model.Profile;
import io.flightdeck.model.SampleKind;
import io.flightdeck.testing.TestFiles;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FlameCommandTest {
    private static final Pattern COLLAPSED_LINE = Pattern.compile("[^ ;][^\\n]* \\d+");
    private static final Pattern DIFF_LINE = Pattern.compile("[^ ;][^\\n]* \\d+ \\d+");

    @TempDir
    Path dir;

    private static String sample(String name) {
        return TestFiles.sample(name).toString();
    }

    private static long weight(String line) {
        return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
    }

    private static long sum(String collapsed) {
        return collapsed.lines().mapToLong(FlameCommandTest::weight).sum();
    }

    @Test
    void collapsedStacksAreTheDefaultAndAddUpToTheSampleCount() throws Exception {
        CliRun run = CliRun.of("flame", sample("cpu-hotspot.jfr"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        Profile profile = ProfileLoader.withDefaults().load(TestFiles.sample("cpu-hotspot.jfr"));
        assertThat(sum(run.out())).isEqualTo(profile.samples(SampleKind.CPU).size());
        assertThat(run.out().lines()).allMatch(l -> COLLAPSED_LINE.matcher(l).matches());
        String top = run.out().lines().max(Comparator.comparingLong(FlameCommandTest::weight)).orElseThrow();
        List<String> frames = List.of(top.substring(0, top.lastIndexOf(' ')).split(";"));
        assertThat(frames.getFirst()).isEqualTo("java.lang.Thread.run"); // root first
        assertThat(frames.getLast()).isEqualTo("io.flightdeck.samples.scenario.CatalogSearch.findBySku");
        assertThat(CliRun.of("flame", sample("cpu-hotspot.jfr"), "--collapsed", "--kind", "cpu").out())
                .isEqualTo(run.out());
    }

    @Test
    void allocationAndLockKindsWeighBytesAndBlockedTime() {
        CliRun alloc = CliRun.of("flame", sample("allocation-churn.jfr"), "--kind", "alloc");
        assertThat(alloc.exitCode()).as(alloc.err()).isZero();
        long bytes = sum(alloc.out());
        CliRun json = CliRun.of("analyze", sample("allocation-churn.jfr"), "--format", "json");
        assertThat(json.out()).contains("\"totalBytes\" : " + bytes);
        CliRun lock = CliRun.of("flame", sample("lock-contention.jfr"), "--kind", "lock");
        assertThat(lock.exitCode()).as(lock.err()).isZero();
        String top = lock.out().lines().max(Comparator.comparingLong(FlameCommandTest::weight)).orElseThrow();
        assertThat(top).contains("io.flightdeck.samples.scenario.AuditTrail.append");
    }

    @Test
    void timeRangeAndThreadFilterNarrowTheStacks() {
        String file = sample("cpu-hotspot.jfr");
        long all = sum(CliRun.of("flame", file).out());
        CliRun first = CliRun.of("flame", file, "--from", "+0", "--to", "+1");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(sum(first.out())).isPositive().isLessThan(all);
        CliRun one = CliRun.of("flame", file, "--thread", "pricer-1$", "--threads");
        assertThat(sum(one.out())).isPositive().isLessThan(all);
        assertThat(one.out().lines()).allMatch(l -> l.startsWith("[") && l.substring(0, l.indexOf(']')).endsWith("pricer-1"));
    }

    @Test
    void svgIsWellFormedXmlWithAFramePerVisibleNode() throws Exception {
        Path out = dir.resolve("cpu.svg");
        CliRun run = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--svg", "-o", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        Document svg = parseXml(Files.readString(out));
        assertThat(svg.getDocumentElement().getTagName()).isEqualTo("svg");
        NodeList titles = svg.getElementsByTagName("title");
        boolean hot = false;
        for (int i = 0; i < titles.getLength(); i++) {
            hot |= titles.item(i).getTextContent().startsWith("io.flightdeck.samples.scenario.CatalogSearch.findBySku —");
        }
        assertThat(hot).isTrue();
        assertThat(svg.getElementsByTagName("rect").getLength()).isGreaterThan(10);
    }

    @Test
    void htmlIsOnePageWithItsDataAndScriptInline() throws Exception {
        CliRun run = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--html");
        assertThat(run.exitCode()).as(run.err()).isZero();
        String html = run.out();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<canvas id=\"flame\"")
                .contains("\"io.flightdeck.samples.scenario.CatalogSearch.findBySku\"")
                .doesNotContain("src=\"http").doesNotContain("href=\"http").doesNotContain("@DATA@");
    }

    @Test
    void hostileThreadNamesReachSvgAndHtmlOnlyEscaped() throws Exception {
        Path hostile = TestFiles.corpus().resolve("hostile").resolve("hostile.jfr");
        Path strings = TestFiles.corpus().resolve("hostile").resolve("strings.txt");
        assumeTrue(Files.exists(hostile) && Files.exists(strings), "the corpus is not beside the repository");
        List<String> planted = Files.readAllLines(strings).stream().filter(s -> !s.isBlank()).toList();
        CliRun html = CliRun.of("flame", hostile.toString(), "--threads", "--html");
        assertThat(html.exitCode()).as(html.err()).isZero();
        for (String s : planted) {
            assertThat(html.out()).doesNotContain(s);
        }
        assertThat(html.out()).contains("\\u003csvg onload=alert('t')\\u003e|a|b|"); // there, as JSON text
        CliRun svg = CliRun.of("flame", hostile.toString(), "--threads", "--svg");
        assertThat(svg.exitCode()).as(svg.err()).isZero();
        for (String s : planted) {
            assertThat(svg.out()).doesNotContain(s);
        }
        Document doc = parseXml(svg.out());
        NodeList texts = doc.getElementsByTagName("text");
        boolean shown = false;
        for (int i = 0; i < texts.getLength(); i++) {
            shown |= texts.item(i).getTextContent().equals("[\"><iframe src=javascript:alert(3)>]");
        }
        assertThat(shown).as("the thread's name is shown as text").isTrue();
        CliRun collapsed = CliRun.of("flame", hostile.toString(), "--threads");
        assertThat(collapsed.out()).contains("[`tick` & <u>under</u>];java.lang.Thread.run");
    }

    @Test
    void diffPrintsBothValuesAndKeepsStacksOnlyInTheBaseline() {
        CliRun run = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--diff", sample("mixed-service.jfr"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).allMatch(l -> DIFF_LINE.matcher(l).matches());
        long baseline = 0;
        long candidate = 0;
        boolean baselineOnly = false;
        for (String l : lines) {
            String[] parts = l.split(" ");
            long b = Long.parseLong(parts[parts.length - 2]);
            long c = Long.parseLong(parts[parts.length - 1]);
            baseline += b;
            candidate += c;
            baselineOnly |= l.endsWith("AuditTrail.append " + b + " 0") && b > 0;
        }
        assertThat(baseline).isEqualTo(sum(CliRun.of("flame", sample("mixed-service.jfr")).out()));
        assertThat(candidate).isEqualTo(sum(CliRun.of("flame", sample("cpu-hotspot.jfr")).out()));
        assertThat(baselineOnly).isTrue();
    }

    @Test
    void diffGraphsAreWellFormed() throws Exception {
        CliRun svg = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--diff", sample("mixed-service.jfr"), "--svg");
        assertThat(svg.exitCode()).as(svg.err()).isZero();
        Document doc = parseXml(svg.out());
        NodeList titles = doc.getElementsByTagName("title");
        boolean both = false;
        for (int i = 0; i < titles.getLength(); i++) {
            String t = titles.item(i).getTextContent();
            both |= t.startsWith("io.flightdeck.samples.scenario.AuditTrail.append\nbaseline: ")
                    && t.contains("candidate: 0 samples") && t.contains("(only in the baseline)");
        }
        assertThat(both).isTrue();
        CliRun html = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--diff", sample("mixed-service.jfr"), "--html");
        assertThat(html.out()).contains("\"diff\":true").contains("\"b\":[").contains("\"c\":[");
    }

    @Test
    void mistakesGetTheDocumentedExitCodes() {
        Path log = TestFiles.freshGcLogs().resolve("jdk25").resolve("g1-gc-all-rotated.log");
        CliRun gcLog = CliRun.of("flame", log.toString());
        assertThat(gcLog.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(gcLog.errLines()).isEqualTo(1);
        assertThat(gcLog.err()).contains("g1-gc-all-rotated.log: a GC log holds no stack traces");
        CliRun two = CliRun.of("flame", sample("cpu-hotspot.jfr"), sample("lock-contention.jfr"));
        assertThat(two.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(two.err()).contains("--diff");
        assertThat(CliRun.of("flame", sample("cpu-hotspot.jfr"), "--svg", "--html").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("flame", sample("cpu-hotspot.jfr"), "--kind", "wall").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("flame", sample("cpu-hotspot.jfr"), "--from", "soon").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of("flame", sample("cpu-hotspot.jfr"), "--thread", "(").exitCode()).isEqualTo(ExitCodes.USAGE);
        CliRun missing = CliRun.of("flame", dir.resolve("nope.jfr").toString());
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(missing.errLines()).isEqualTo(1);
        CliRun diffLog = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--diff", log.toString());
        assertThat(diffLog.exitCode()).isEqualTo(ExitCodes.INPUT);
        CliRun empty = CliRun.of("flame", sample("cpu-hotspot.jfr"), "--kind", "lock");
        if (empty.out().isEmpty()) { // the recording has no lock events: a warning, not a failure
            assertThat(empty.exitCode()).isZero();
            assertThat(empty.err()).contains("warning").contains("the flame graph is empty");
        }
    }

    static Document parseXml(String text) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }
}
