package io.flightdeck.analysis.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.flightdeck.analysis.Version;

import io.flightdeck.analysis.output.OutputTarget;
import io.flightdeck.ingest.ImportException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@code .flightdeck} session files (JSON); a save replaces the file atomically. */
public final class SessionFiles {
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SessionFiles() {
    }

    /** True for a file that looks like a session: the extension, or a JSON object naming the format. */
    public static boolean isSession(Path file) {
        if (file.getFileName() != null && file.getFileName().toString().endsWith(Session.EXTENSION)) {
            return true;
        }
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(64);
            String s = new String(head, StandardCharsets.UTF_8).stripLeading();
            return s.startsWith("{") && s.replace(" ", "").contains("\"flightdeckSession\"");
        } catch (IOException e) {
            return false;
        }
    }

    public static Session read(Path file) throws ImportException {
        Session s;
        try {
            s = MAPPER.readValue(file.toFile(), Session.class);
        } catch (IOException e) {
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new ImportException(file, "not a readable Flightdeck session (" + m + ")");
        }
        if (s.flightdeckSession() < 1 || s.flightdeckSession() > Session.FORMAT) {
            throw new ImportException(file, "session format " + s.flightdeckSession()
                    + " is not supported (this version reads format " + Session.FORMAT + ")");
        }
        if (s.baseline() == null || s.baseline().files().isEmpty()) {
            throw new ImportException(file, "the session names no baseline files");
        }
        for (Session.RunSet run : s.candidate() == null ? List.of(s.baseline()) : List.of(s.baseline(), s.candidate())) {
            for (Path p : run.paths(file)) {
                if (!Files.isRegularFile(p)) {
                    throw new ImportException(file, "the session's file " + p + " is missing");
                }
            }
        }
        return s;
    }

    /** Writes the session (paths under the session's folder are stored relative to it). */
    public static void write(Session session, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Session rel = new Session(session.flightdeckSession(), session.name(), session.created(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), session.stage(),
                relative(session.baseline(), dir), relative(session.candidate(), dir), session.budget(),
                session.notes());
        // which Flightdeck wrote the file, right after the format (readers ignore it; people and bug reports do not)
        ObjectNode fields = MAPPER.valueToTree(rel);
        ObjectNode out = MAPPER.createObjectNode();
        out.set("flightdeckSession", fields.remove("flightdeckSession"));
        out.put("flightdeckVersion", Version.get());
        out.setAll(fields);
        OutputTarget.writeAtomically(file, MAPPER.writeValueAsBytes(out));
    }

    private static Session.RunSet relative(Session.RunSet run, Path dir) {
        if (run == null || dir == null) {
            return run;
        }
        List<String> files = new ArrayList<>();
        for (String f : run.files()) {
            Path p = Path.of(f).toAbsolutePath().normalize();
            files.add(p.startsWith(dir) ? dir.relativize(p).toString().replace('\\', '/') : p.toString());
        }
        return new Session.RunSet(run.label(), files, run.from(), run.to(), run.thread());
    }
}
