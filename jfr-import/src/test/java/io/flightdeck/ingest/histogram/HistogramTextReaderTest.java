package io.flightdeck.ingest.histogram;

import static org.assertj.core.api.Assertions.assertThat;

import io.flightdeck.ingest.CancellationToken;
import io.flightdeck.model.HistogramRow;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Fragments: one line shape or one odd case each. */
class HistogramTextReaderTest {
    private static HistogramTextReader.Result read(String text) throws Exception {
        return new HistogramTextReader(ZoneOffset.UTC).read(new StringReader(text), CancellationToken.none());
    }

    @Test
    void eachLineShapeMatchesOnlyItsOwnSample() {
        List<String> samples = List.of(
                "5196:",
                " num     #instances         #bytes  class name (module)",
                "-------------------------------------------------------",
                "   1:        200646        4815504  java.lang.Long (java.base@17.0.15)",
                "Total        270440       10707840");
        LineShape[] shapes = LineShape.values();
        for (int i = 0; i < shapes.length; i++) {
            for (int j = 0; j < samples.size(); j++) {
                assertThat(shapes[i].match(samples.get(j)) != null).as(shapes[i] + " on " + samples.get(j))
                        .isEqualTo(i == j);
            }
        }
    }

    @Test
    void aPidLongerThanALongIsSkippedNotACrash() throws Exception {
        // found by InputFuzzTest: a jcmd "PID:" line whose digits overflow a long threw NumberFormatException
        HistogramTextReader.Result r = read("""
                11111111111111115196:
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:          4096        1048576  [B (java.base@17.0.15)
                Total          4096        1048576
                """);
        assertThat(r.snapshots()).hasSize(1);
        assertThat(r.skippedLines()).isEqualTo(1);
    }

    @Test
    void oddClassNamesAreKeptAsTheyAre() throws Exception {
        HistogramTextReader.Result r = read("""
                 num     #instances         #bytes  class name (module)
                -------------------------------------------------------
                   1:            10           4000  [B (java.base@21.0.2)
                   2:             3            120  [Ljava.lang.Object; (java.base@21.0.2)
                   3:             2             32  com.x.Foo$$Lambda/0x000001f0010a3c00 (app)
                   4:             1             16  [[Lcom.x.Bar;
                   5:             1             16  com.x.Odd Name With Blanks
                Total            17           4184
                """);
        assertThat(r.snapshots().getFirst().rows()).containsExactly(
                new HistogramRow("[B", 10, 4000, Optional.of("java.base@21.0.2")),
                new HistogramRow("[Ljava.lang.Object;", 3, 120, Optional.of("java.base@21.0.2")),
                new HistogramRow("com.x.Foo$$Lambda/0x000001f0010a3c00", 2, 32, Optional.of("app")),
                new HistogramRow("[[Lcom.x.Bar;", 1, 16, Optional.empty()),
                new HistogramRow("com.x.Odd Name With Blanks", 1, 16, Optional.empty()));
        assertThat(r.warnings()).isEmpty();
        assertThat(r.moduleColumn()).isTrue();
        assertThat(r.javaVersion()).hasValue("21.0.2");
    }

    @Test
    void jdk7PermGenKlassRowsAndServiceabilityAgentTotal() throws Exception {
        HistogramTextReader.Result r = read("""
                num   #instances    #bytes  Class description
                --------------------------------------------------------------------------
                1:    141718    16093456    [C
                2:    77395     9721744     <constMethodKlass>
                Total : 219113  25815200
                """);
        assertThat(r.snapshots().getFirst().rows()).extracting(HistogramRow::className)
                .containsExactly("[C", "<constMethodKlass>");
        assertThat(r.snapshots().getFirst().totalBytes()).hasValue(25815200);
        assertThat(r.moduleColumn()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void rowsRestartingAtOneWithoutHeaderStartANewSnapshot() throws Exception {
        HistogramTextReader.Result r = read("""
                   1:            10           4000  [B
                   2:             3            120  [C
                   1:            20           8000  [B
                """);
        assertThat(r.snapshots()).hasSize(2);
        assertThat(r.snapshots().get(1).rows()).hasSize(1);
        assertThat(r.warnings()).isEmpty(); // no header, no Total expected (e.g. `jmap -histo | head`)
    }

    @Test
    void eachSnapshotTakesTheNearestStampBeforeIt() throws Exception {
        HistogramTextReader.Result r = read("""
                Fri Nov 27 10:15:30 UTC 2026
                 num     #instances         #bytes  class name
                   1:            10           4000  [B
                Total            10           4000
                2026-11-27T10:16:30+01:00
                 num     #instances         #bytes  class name
                   1:            10           4000  [B
                Total            10           4000
                 num     #instances         #bytes  class name
                   1:            10           4000  [B
                Total            10           4000
                """);
        assertThat(r.snapshots()).extracting(s -> s.time().orElseThrow()).containsExactly(
                Instant.parse("2026-11-27T10:15:30Z"), Instant.parse("2026-11-27T09:16:30Z"),
                Instant.parse("2026-11-27T09:16:30Z"));
    }

    @Test
    void timeStampShapes() {
        TimeStamps t = new TimeStamps(ZoneOffset.UTC);
        assertThat(t.parse("2026-11-27T10:15:30+01:00")).hasValue(Instant.parse("2026-11-27T09:15:30Z"));
        assertThat(t.parse("2026-11-27T10:15:30.250+0100")).hasValue(Instant.parse("2026-11-27T09:15:30.250Z"));
        assertThat(t.parse("2026-11-27T09:15:30Z")).hasValue(Instant.parse("2026-11-27T09:15:30Z"));
        assertThat(t.parse("2026-11-27 09:15:30")).hasValue(Instant.parse("2026-11-27T09:15:30Z"));
        assertThat(t.parse("Fri Nov 27 10:15:30 UTC 2026")).hasValue(Instant.parse("2026-11-27T10:15:30Z"));
        assertThat(t.parse("Sat Nov  7 10:15:30 GMT 2026")).hasValue(Instant.parse("2026-11-07T10:15:30Z"));
        assertThat(t.parse("Fri, 27 Nov 2026 10:15:30 +0100")).hasValue(Instant.parse("2026-11-27T09:15:30Z"));
        for (String notAStamp : Arrays.asList("5196:", "Total 1 2", "2026-13-45T99:99:99Z", "hello world, 10:15:30")) {
            assertThat(t.parse(notAStamp)).as(notAStamp).isEmpty();
        }
    }
}
