package io.flightdeck.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    @TempDir
    Path dir;

    @Test
    void subCommandsAndOptionsRunTheCommandLineFilesOpenTheApp() {
        assertThat(Main.isCommandLine(new String[]{"analyze", "x.jfr"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"--version"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"summary"})).isTrue();
        assertThat(Main.isCommandLine(new String[]{"recording.jfr"})).isFalse();
        assertThat(Main.isCommandLine(new String[]{})).isFalse();
    }

    @Test
    void aMistypedCommandIsAUsageErrorWithTheLikelyCommand() {
        assertThat(Main.guiArgumentProblem(new String[]{"analyse", "x.jfr"}))
                .isEqualTo("unknown command 'analyse' — did you mean 'analyze'?");
        assertThat(Main.guiArgumentProblem(new String[]{"sumary", "x.jfr"})).contains("did you mean 'summary'");
        assertThat(Main.guiArgumentProblem(new String[]{"comapre", "a.jfr", "b.jfr"})).contains("'compare'");
        assertThat(Main.guiArgumentProblem(new String[]{"flam"})).contains("'flame'");
        assertThat(Main.guiArgumentProblem(new String[]{"frobnicate"})).startsWith("unknown command or file");
    }

    @Test
    void filesThatDoNotExistAreAUsageErrorAndFilesThatDoOpen() throws Exception {
        Path file = Files.writeString(dir.resolve("analyse"), "a file that happens to be named like a typo");
        assertThat(Main.guiArgumentProblem(new String[]{file.toString()})).isNull();
        assertThat(Main.guiArgumentProblem(new String[]{dir.resolve("missing.jfr").toString()}))
                .startsWith("no such file: ");
        assertThat(Main.guiArgumentProblem(new String[]{})).isNull();
    }
}
