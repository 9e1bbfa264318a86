package io.flightdeck.analysis.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where a report, an export or a session goes: stdout, or a file. What is at the path decides how it is written:
 * <ul>
 *   <li>a regular file (or nothing yet) is replaced atomically — a temporary file beside it, then a rename — so it
 *   is only ever replaced by a complete new one; an existing file keeps its permissions (and, where allowed, its
 *   owner), a new one gets the permissions the umask gives;</li>
 *   <li>a symbolic link is followed: the file it points to is replaced, the link stays;</li>
 *   <li>a device, a FIFO or a socket is written through (as a shell's {@code >} would), never replaced;</li>
 *   <li>a directory, a folder that cannot be written or a path through a file is refused with an
 *   {@link OutputException} that names the path and the reason.</li>
 * </ul>
 */
public final class OutputTarget {
    private static final int MAX_LINKS = 40;

    private OutputTarget() {
    }

    /** The report to stdout when {@code file} is null, else to the file as described above. */
    public static void write(String text, Path file, PrintStream stdout) throws OutputException {
        if (file == null) {
            stdout.print(text);
            stdout.flush();
            return;
        }
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Checks, before any work, that {@code file} could be written: it is not a directory, its folder exists (or can
     * be made) and is a folder. Permission is only known for sure on writing; this catches the common mistakes
     * early so that a long analysis is not thrown away.
     */
    public static void check(Path file) throws OutputException {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new OutputException(file, "it is a directory");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            return; // a device or FIFO: written through
        }
        Path target = resolveLinks(file);
        Path dir = target.getParent();
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new OutputException(file, dir + " is not a directory");
        }
        if (dir != null && !Files.exists(dir) && !Files.notExists(dir)) {
            throw new OutputException(file, "permission denied (cannot look into " + dir + ")");
        }
    }

    /** Writes {@code content} to {@code file} as described in the class comment. */
    public static void writeAtomically(Path file, byte[] content) throws OutputException {
        Path target = file;
        try {
            // what the path leads to, links followed by the system (also /dev/stdout's /proc/self/fd/N)
            BasicFileAttributes existing = attributes(file);
            if (existing != null && existing.isDirectory()) {
                throw new OutputException(file, "it is a directory");
            }
            if (existing != null && !existing.isRegularFile()) {
                writeThrough(file, content);
                return;
            }
            target = existing != null ? file.toRealPath() : resolveLinks(file);
            replace(target, content, existing != null);
        } catch (OutputException e) {
            throw e;
        } catch (IOException e) {
            throw new OutputException(file, reason(e, target));
        }
    }

    private static void writeThrough(Path target, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
            out.write(content);
        }
    }

    private static void replace(Path target, byte[] content, boolean exists) throws IOException {
        Path dir = target.getParent();
        if (dir == null) {
            dir = target.toAbsolutePath().getParent();
        }
        Files.createDirectories(dir);
        Path temp = newTemp(dir, target.getFileName().toString());
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.WRITE)) {
                out.write(content);
            }
            if (exists) {
                keepPermissions(target, temp);
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new empty file beside the target, created with the process's umask (not {@code createTempFile}'s 0600). */
    private static Path newTemp(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path temp = dir.resolve("." + name + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                    + ".tmp");
            try {
                Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
    }

    private static void keepPermissions(Path original, Path replacement) {
        PosixFileAttributeView from = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        PosixFileAttributeView to = Files.getFileAttributeView(replacement, PosixFileAttributeView.class);
        if (from == null || to == null) {
            return;
        }
        try {
            PosixFileAttributes attrs = from.readAttributes();
            to.setPermissions(attrs.permissions());
            try {
                if (!attrs.owner().equals(to.getOwner())) {
                    to.setOwner(attrs.owner());
                }
                to.setGroup(attrs.group());
            } catch (IOException | SecurityException notAllowed) {
                // only root may give a file away; the permissions are what matters for the user
            }
        } catch (IOException ignored) {
            // the replacement keeps the umask's permissions
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Follows symbolic links (also dangling ones, to the path they would create), up to a bound. */
    static Path resolveLinks(Path file) {
        Path current = file.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(current); i++) {
            try {
                Path link = Files.readSymbolicLink(current);
                current = current.resolveSibling(link).normalize();
            } catch (IOException | UnsupportedOperationException e) {
                return current;
            }
        }
        return current;
    }

    /** The user's words for why a path could not be written. */
    public static String reason(IOException e, Path path) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory" + (path != null && path.getParent() != null
                    && Files.notExists(path.getParent()) ? " (" + path.getParent() + ")" : "");
        }
        if (e instanceof NotDirectoryException) {
            return "a part of the path is not a directory";
        }
        if (e instanceof FileSystemLoopException) {
            return "too many levels of symbolic links";
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String r = fse.getReason();
            return r.isEmpty() ? "cannot write" : Character.toLowerCase(r.charAt(0)) + r.substring(1)
                    .toLowerCase(Locale.ROOT);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** A report or file that could not be written: the path and the reason, one line for the user. */
    public static final class OutputException extends IOException {
        private final Path path;

        public OutputException(Path path, String reason) {
            super("cannot write " + path + ": " + reason);
            this.path = path;
        }

        public Path path() {
            return path;
        }
    }
}
