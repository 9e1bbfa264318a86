package io.flightdeck.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.flightdeck.analysis.output.Renderers;

/**
 * The width text output is laid out for: the terminal's when standard output is one ({@code COLUMNS}, else
 * {@code stty size} on the controlling terminal), 80 columns otherwise (a pipe, a file, {@code -o}).
 */
final class Terminal {
    private static final int MIN = 40;
    private static final int MAX = 240;

    private Terminal() {
    }

    static int width(boolean toStdout) {
        if (!toStdout) {
            return Renderers.DEFAULT_WIDTH;
        }
        java.io.Console console = System.console();
        if (console == null || !console.isTerminal()) {
            return Renderers.DEFAULT_WIDTH;
        }
        Integer columns = parse(System.getenv("COLUMNS"));
        if (columns == null) {
            columns = stty();
        }
        return columns == null ? Renderers.DEFAULT_WIDTH : Math.clamp(columns, MIN, MAX);
    }

    private static Integer stty() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new java.io.File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(1, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return null;
            }
            String[] parts = out.split("\\s+");
            return parts.length == 2 ? parse(parts[1]) : null;
        } catch (IOException | RuntimeException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static Integer parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.strip());
            return v > 0 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
