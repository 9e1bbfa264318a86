package io.flightdeck.analysis.output;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.analysis.Selection;
import io.flightdeck.analysis.report.ReportBuilder;
import io.flightdeck.ingest.ProfileLoader;
import io.flightdeck.testing.TestFiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final List<String> HOSTILE = List.of("<svg onload=alert('t')>|a|b|",
            "\"><iframe src=javascript:alert(3)>", "`tick` & <u>under</u>", "line\nbreak\u0007bell");

    private static ReportDocument hostileDocument() {
        return new ReportDocument(HOSTILE.get(0), List.of(new ReportDocument.Fact("JVM arguments", HOSTILE.get(1))),
                List.of(HOSTILE.get(2)), List.of(new ReportDocument.Section(HOSTILE.get(3), List.of(
                        new ReportDocument.Paragraph(HOSTILE.get(0)),
                        new ReportDocument.Table(List.of("thread", "samples"), List.of(false, true),
                                List.of(List.of(HOSTILE.get(0), "1"), List.of(HOSTILE.get(2), "2")))))));
    }

    @Test
    void markdownEscapesDollarsButLeavesComparisonsReadable() {
        assertThat(Renderers.md("java.util.regex.Pattern$BmpCharProperty")).isEqualTo("java.util.regex.Pattern\\$BmpCharProperty");
        assertThat(Renderers.md("Foo$$Lambda.lambda$0")).isEqualTo("Foo\\$\\$Lambda.lambda\\$0");
        assertThat(Renderers.md("p < 0.001 and R & D")).isEqualTo("p < 0.001 and R & D");
        assertThat(Renderers.md("<init> &amp;")).isEqualTo("&lt;init> &amp;amp;");
        assertThat(Renderers.md("> not a quote")).startsWith("&gt;");
    }

    @Test
    void htmlKeepsNumbersWithTheirUnits() {
        assertThat(Renderers.keepUnits("16.2 ms and 1.50 MiB/s, 80.5 % of 3 threads"))
                .isEqualTo("16.2&nbsp;ms and 1.50&nbsp;MiB/s, 80.5&nbsp;% of 3 threads");
    }

    @Test
    void textWrapsToTheWidthAndKeepsNumbersWithUnits() {
        List<String> lines = Renderers.wrapLines("the machine was 85.3 % busy and the JVM's threads waited 79.9 % "
                + "of the time for a CPU", 30, 30);
        assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
        assertThat(String.join("\n", lines)).contains("85.3 %").contains("79.9 %");
    }

    @Test
    void htmlEscapesEveryStringFromTheRecording() {
        String html = Renderers.render(hostileDocument(), ReportFormat.HTML);
        for (String s : HOSTILE) {
            assertThat(html).doesNotContain(s);
        }
        assertThat(html).doesNotContain("<svg", "<iframe", "<u>").contains("&lt;svg onload=alert(&#39;t&#39;)&gt;|a|b|");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<table>").contains("<td class=\"num\">1</td>");
    }

    @Test
    void markdownTablesKeepTheirColumnsAndNoMarkupSurvives() {
        String md = Renderers.render(hostileDocument(), ReportFormat.MD);
        List<String> rows = md.lines().filter(l -> l.startsWith("|")).toList();
        assertThat(rows).hasSize(4);
        for (String row : rows) {
            // three unescaped pipes per row: the edges and one separator between the two columns
            assertThat(row.replace("\\|", "").chars().filter(c -> c == '|').count()).as(row).isEqualTo(3);
        }
        assertThat(md).doesNotContain("<svg", "<iframe", "<u>").contains("&lt;u>under&lt;/u>");
        assertThat(md).contains("\\`tick\\`");
        assertThat(md).doesNotContain("\u0007");
    }

    @Test
    void markdownAndHtmlReportsEndWithTheVersionThatWroteThem() {
        String version = io.flightdeck.analysis.Version.get();
        assertThat(version).isNotEqualTo("dev").doesNotContain("${");
        assertThat(Renderers.render(hostileDocument(), ReportFormat.MD))
                .endsWith("\n---\n\n_Made with Flightdeck " + version + "_\n");
        assertThat(Renderers.render(hostileDocument(), ReportFormat.HTML))
                .endsWith("<footer>Made with Flightdeck " + version + "</footer>\n</body></html>\n");
    }

    @Test
    void textHasNoControlCharacters() {
        String text = Renderers.render(hostileDocument(), ReportFormat.TEXT);
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n')).isEmpty();
        assertThat(text).contains("line break bell");
    }

    @Test
    void theHostileCorpusRecordingIsEscapedInEveryFormat() throws Exception {
        Path hostile = TestFiles.corpus().resolve("hostile").resolve("hostile.jfr");
        Assumptions.assumeTrue(Files.exists(hostile), "../shared/corpus not present");
        List<String> planted = Files.readAllLines(hostile.resolveSibling("strings.txt")).stream()
                .filter(l -> !l.isBlank()).toList();
        var report = new ReportBuilder("test").build(Selection.all(ProfileLoader.withDefaults().load(hostile)), List.of());
        String html = Renderers.render(AnalysisDocument.of(report), ReportFormat.HTML);
        String md = Renderers.render(AnalysisDocument.of(report), ReportFormat.MD);
        for (String p : planted) {
            assertThat(html).doesNotContain(p);
            assertThat(md).doesNotContain(p);
        }
        // the strings are shown, escaped: thread names in the CPU-by-thread table, the property among the arguments
        assertThat(html).contains("&lt;marquee&gt;p&lt;/marquee&gt;").contains("&lt;svg onload=");
    }
}
