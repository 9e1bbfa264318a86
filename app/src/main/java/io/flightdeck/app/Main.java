package io.flightdeck.app;

import io.flightdeck.app.shell.FlightdeckApplication;
import io.flightdeck.cli.Cli;

import java.util.Set;

/**
 * The one entry point of the jar. A sub-command (or an option such as {@code --version}) runs the command line
 * with no window and no JavaFX toolkit; otherwise the arguments are files and the desktop app opens them (the
 * welcome screen when there are none).
 */
public final class Main {
    static final Set<String> COMMANDS = Set.of("summary", "analyze", "compare", "flame", "export", "bench", "help");

    private Main() {
    }

    public static void main(String[] args) {
        if (isCommandLine(args)) {
            System.exit(Cli.run(args));
        }
        if (!hasDisplay()) {
            System.err.println("flightdeck: no display to open the desktop app on (DISPLAY is not set); "
                    + "the command line works without one: ./flightdeck analyze FILE");
            System.exit(1);
        }
        FlightdeckApplication.launchWith(args);
    }

    private static boolean hasDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            return true;
        }
        return System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null
                || "true".equals(System.getProperty("testfx.headless")) || "Headless".equals(System.getProperty("glass.platform"));
    }

    static boolean isCommandLine(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].startsWith("-"));
    }
}
