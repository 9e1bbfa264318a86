package io.flightdeck.analysis.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A saved piece of work (a {@code .flightdeck} file): the baseline run and, once there is one, the candidate run
 * (each a set of files of one JVM run: a recording, its GC log, histograms), the stage of the
 * baseline → profile → optimize → validate workflow the user is in, notes, and a performance budget. File paths
 * are stored relative to the session file, so a session and its recordings can be moved or committed together.
 *
 * @param flightdeckSession format version (1)
 * @param stage             baseline, profile, optimize or validate
 * @param budget            the budget's limits as in a budget file (docs/cli.md, "Budgets"), or null
 */
@JsonPropertyOrder({"flightdeckSession", "name", "created", "modified", "stage", "baseline", "candidate", "budget",
        "notes"})
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Session(int flightdeckSession, String name, String created, String modified, String stage,
        RunSet baseline, RunSet candidate, JsonNode budget, List<Note> notes) {

    public static final int FORMAT = 1;
    public static final String EXTENSION = ".flightdeck";
    public static final List<String> STAGES = List.of("baseline", "profile", "optimize", "validate");

    public Session {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One side: files of one JVM run, with an optional time range and thread filter.
     *
     * @param from seconds from the start ("+12.5") or ISO-8601, as on the command line
     */
    @JsonPropertyOrder({"label", "files", "from", "to", "thread"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RunSet(String label, List<String> files, String from, String to, String thread) {
        public RunSet {
            files = files == null ? List.of() : List.copyOf(files);
        }

        /** The files as paths, relative ones resolved against the session's folder. */
        public List<Path> paths(Path sessionFile) {
            Path dir = sessionFile.toAbsolutePath().getParent();
            List<Path> out = new ArrayList<>();
            for (String f : files) {
                Path p = Path.of(f);
                out.add(p.isAbsolute() || dir == null ? p : dir.resolve(p).normalize());
            }
            return out;
        }
    }

    /** A note of the user's, tied to a stage of the workflow. */
    @JsonPropertyOrder({"stage", "time", "text"})
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Note(String stage, String time, String text) {
    }

    public Session withCandidate(RunSet run) {
        return new Session(flightdeckSession, name, created, modified, stage, baseline, run, budget, notes);
    }

    public Session withStage(String newStage) {
        return new Session(flightdeckSession, name, created, modified, newStage, baseline, candidate, budget, notes);
    }

    public Session withNote(Note note) {
        List<Note> all = new ArrayList<>(notes);
        all.add(note);
        return new Session(flightdeckSession, name, created, modified, stage, baseline, candidate, budget, all);
    }

    public Session withModified(String time) {
        return new Session(flightdeckSession, name, created, time, stage, baseline, candidate, budget, notes);
    }
}
