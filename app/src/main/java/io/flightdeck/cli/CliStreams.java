package io.flightdeck.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine.Model.CommandSpec;

/** The command's stdout and stderr as print streams (picocli holds them as writers, which tests replace). */
final class CliStreams {
    private CliStreams() {
    }

    static PrintStream out(CommandSpec spec) {
        return stream(spec.commandLine().getOut());
    }

    static PrintStream err(CommandSpec spec) {
        return stream(spec.commandLine().getErr());
    }

    private static PrintStream stream(PrintWriter writer) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }
}
