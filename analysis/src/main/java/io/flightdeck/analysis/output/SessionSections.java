package io.flightdeck.analysis.output;

import io.flightdeck.analysis.output.ReportDocument.Fact;
import io.flightdeck.analysis.output.ReportDocument.Section;
import io.flightdeck.analysis.output.ReportDocument.SectionBuilder;
import io.flightdeck.analysis.output.ReportDocument.TableBuilder;
import io.flightdeck.analysis.session.Session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The parts of a session report that come from the session itself: title, stage, runs and notes. */
public final class SessionSections {
    private SessionSections() {
    }

    public static String title(Session s) {
        return "Session: " + (s.name() == null || s.name().isBlank() ? "unnamed" : s.name());
    }

    public static List<Fact> facts(Session s, Path file) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Session file", String.valueOf(file.getFileName())));
        facts.add(new Fact("Stage", stages(s.stage())));
        if (s.created() != null) {
            facts.add(new Fact("Created", s.created()));
        }
        if (s.modified() != null) {
            facts.add(new Fact("Modified", s.modified()));
        }
        return facts;
    }

    /** "baseline → profile → [optimize] → validate" with the current stage in brackets. */
    static String stages(String current) {
        List<String> parts = new ArrayList<>();
        for (String st : Session.STAGES) {
            parts.add(st.equals(current) ? "[" + st + "]" : st);
        }
        return String.join(" → ", parts);
    }

    public static List<Section> leading(Session s) {
        List<Section> out = new ArrayList<>();
        SectionBuilder runs = new SectionBuilder("Runs");
        TableBuilder t = runs.table("Run", "Label", "Files", "Range", "Threads");
        t.row("baseline", s.baseline().label(), String.join(", ", s.baseline().files()), range(s.baseline()),
                s.baseline().thread());
        if (s.candidate() != null) {
            t.row("candidate", s.candidate().label(), String.join(", ", s.candidate().files()), range(s.candidate()),
                    s.candidate().thread());
        }
        runs.add(t, null);
        out.add(runs.build());
        if (!s.notes().isEmpty()) {
            SectionBuilder notes = new SectionBuilder("Notes");
            TableBuilder n = notes.table("Stage", "Time", "Note");
            for (Session.Note note : s.notes()) {
                n.row(note.stage(), note.time(), note.text());
            }
            notes.add(n, null);
            out.add(notes.build());
        }
        return out;
    }

    private static String range(Session.RunSet r) {
        if (r.from() == null && r.to() == null) {
            return "whole run";
        }
        return (r.from() == null ? "start" : r.from()) + " to " + (r.to() == null ? "end" : r.to());
    }

    /** An analysis document with the session's title, facts and sections in front of it. */
    public static ReportDocument prepend(ReportDocument doc, Session s, Path file) {
        List<Fact> facts = new ArrayList<>(facts(s, file));
        facts.add(new Fact("Verdict", "none yet: the session has no candidate run to compare with the baseline"));
        facts.addAll(doc.facts());
        List<Section> sections = new ArrayList<>(leading(s));
        sections.addAll(doc.sections());
        return new ReportDocument(title(s), facts, doc.warnings(), sections);
    }
}
