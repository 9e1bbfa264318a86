package io.flightdeck.app;

import io.flightdeck.app.shell.FlightdeckApplication;
import io.flightdeck.cli.Cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
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
        String problem = guiArgumentProblem(args);
        if (problem != null) {
            System.err.println("flightdeck: " + problem);
            System.err.println("Try 'flightdeck --help' for the commands, or 'flightdeck FILE...' to open files.");
            System.exit(2);
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

    /**
     * Why the arguments cannot be opened in the desktop app, or null: a word that is no file but looks like a
     * sub-command ("analyse") is a typo of one; any other missing file is a usage error too, said before a window
     * opens.
     */
    static String guiArgumentProblem(String[] args) {
        for (String arg : args) {
            Path path;
            try {
                path = Path.of(arg);
            } catch (InvalidPathException e) {
                return "not a valid file name: " + arg;
            }
            if (Files.exists(path)) {
                continue;
            }
            String suggestion = closestCommand(arg);
            if (suggestion != null) {
                return "unknown command '" + arg + "' — did you mean '" + suggestion + "'?";
            }
            if (!arg.contains("/") && !arg.contains(".") && arg.equals(args[0])) {
                return "unknown command or file '" + arg + "' (the commands: "
                        + String.join(", ", COMMANDS.stream().sorted().toList()) + ")";
            }
            return Files.notExists(path) ? "no such file: " + arg
                    : "cannot read " + arg + " (permission denied on a folder of its path)";
        }
        return null;
    }

    /** The sub-command {@code word} is a likely typo of (at most two edits, or a prefix of one), or null. */
    static String closestCommand(String word) {
        if (word.contains("/") || word.contains(".") || word.isEmpty()) {
            return null;
        }
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String command : COMMANDS.stream().sorted().toList()) {
            int d = command.startsWith(lower) && lower.length() >= 3 ? 1 : editDistance(lower, command);
            if (d < bestDistance) {
                bestDistance = d;
                best = command;
            }
        }
        return bestDistance <= Math.min(2, Math.max(1, word.length() / 3)) ? best : null;
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    static boolean isCommandLine(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].startsWith("-"));
    }
}
