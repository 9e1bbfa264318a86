package io.flightdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void subCommandsAndOptionsRunTheCommandLineFilesOpenTheApp() {
        assertThat(Main.isCommandLine(new String[]{"analyze", "x.jfr"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"--version"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"summary"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"recording.jfr"})).isFalse();
        assertThat(Main.isCommandLine(new String[]{})).isFalse();
    }
}
