package io.flightdeck.analysis.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void bytesUseBinaryUnits() {
        assertThat(Format.bytes(0)).isEqualTo("0 B");
        assertThat(Format.bytes(1023)).isEqualTo("1023 B");
        assertThat(Format.bytes(1536)).isEqualTo("1.50 KiB");
        assertThat(Format.bytes(256L * 1024 * 1024)).isEqualTo("256 MiB");
        assertThat(Format.bytes(-1L)).isEqualTo(Format.MISSING);
    }

    @Test
    void durationsPickAFittingUnit() {
        assertThat(Format.duration(Duration.ofNanos(850_000))).isEqualTo("850 µs");
        assertThat(Format.duration(Duration.ofNanos(7_110_000))).isEqualTo("7.11 ms");
        assertThat(Format.duration(Duration.ofMillis(185))).isEqualTo("185 ms");
        assertThat(Format.duration(Duration.ofMillis(1250))).isEqualTo("1.25 s");
        assertThat(Format.duration(Duration.ofSeconds(184))).isEqualTo("3 min 4 s");
        assertThat(Format.seconds(0)).isEqualTo("0 s");
    }

    @Test
    void percentages() {
        assertThat(Format.percent(12.345)).isEqualTo("12.3 %");
        assertThat(Format.percent(0.123)).isEqualTo("0.12 %");
        assertThat(Format.percent(Double.NaN)).isEqualTo(Format.MISSING);
    }

    @Test
    void arrayClassNamesInSourceForm() {
        assertThat(Names.className("[I")).isEqualTo("int[]");
        assertThat(Names.className("[[Ljava.lang.String;")).isEqualTo("java.lang.String[][]");
        assertThat(Names.className("java.lang.String")).isEqualTo("java.lang.String");
        assertThat(Names.className("byte[]")).isEqualTo("byte[]");
    }

    @Test
    void hiddenClassSuffixIsKept() {
        assertThat(Names.className("com.x.Foo$$Lambda/0x000001f0010a3c00")).isEqualTo("com.x.Foo$$Lambda/0x000001f0010a3c00");
        assertThat(Names.className("java/util/regex/Pattern$$Lambda$18/0x800000028"))
                .isEqualTo("java.util.regex.Pattern$$Lambda$18/0x800000028");
        assertThat(Names.className("[Lcom.x.Foo$$Lambda$1/1234567;")).isEqualTo("com.x.Foo$$Lambda$1/1234567[]");
        assertThat(Names.className("java/lang/String")).isEqualTo("java.lang.String");
        assertThat(Names.className("<constMethodKlass>")).isEqualTo("<constMethodKlass>");
    }
}
