package io.flightdeck.ingest.jfr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JfrInputTest {
    @ParameterizedTest
    @ValueSource(longs = {0, 1, 127, 128, 300, 16_383, 16_384, 1L << 35, Long.MAX_VALUE, -1, Long.MIN_VALUE})
    void paddedCompressedLongsReadBack(long value) {
        for (int length = minimalLength(value); length <= 9; length++) {
            byte[] bytes = new byte[length];
            ChunkRepair.writePaddedVarLong(bytes, 0, length, value);
            JfrInput in = new JfrInput(MemorySegment.ofArray(bytes));
            assertThat(in.readVarLong()).as("length " + length).isEqualTo(value);
            assertThat(in.position()).isEqualTo(length);
        }
    }

    @Test
    void readingPastTheEndIsATruncation() {
        JfrInput in = new JfrInput(MemorySegment.ofArray(new byte[]{(byte) 0x80, (byte) 0x80}));
        assertThatThrownBy(in::readVarLong).isInstanceOf(JfrInput.TruncatedException.class);
    }

    @Test
    void stringsInEveryEncoding() {
        byte[] data = {0, 1, 3, 2, 'h', 'i', 5, 1, (byte) 0xE9, 4, 2, 'o', 'k'};
        JfrInput in = new JfrInput(MemorySegment.ofArray(data));
        assertThat(in.readString()).isNull();
        assertThat(in.readString()).isEmpty();
        assertThat(in.readString()).isEqualTo("hi");
        assertThat(in.readString()).isEqualTo("é");
        assertThat(in.readString()).isEqualTo("ok");
    }

    private static int minimalLength(long value) {
        int length = 1;
        while (length < 9 && (value >>> (7 * length)) != 0) {
            length++;
        }
        return length;
    }
}
