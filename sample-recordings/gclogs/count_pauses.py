#!/usr/bin/env python3
"""Counts the pauses in a HotSpot unified GC log (-Xlog) the way the log writes them, and the GC events of the JFR
recording of the same run, independently of Flightdeck's own parser (standard library only).

    count_pauses.py LOG [JFR]                      prints one manifest entry
    count_pauses.py --runs runs.tsv --out manifest.json [--jfr-tool PATH/bin/jfr]

A *pause line* is a line whose message (after the decorations, an optional "GC(n) " and an optional generational
ZGC prefix "y: ", "Y: " or "O: ") starts with "Pause " and ends with a duration ("12.345ms"; "s", "us", "ns" too).
The "[gc,start]" lines (no duration) and the "gc,stats" summary tables are not pause lines. A rotated series
(LOG plus LOG.0, LOG.1, ...) is read as one log, oldest file first (ordered by their first uptime).
"""

import argparse
import gzip
import json
import os
import re
import struct
import subprocess
import sys
from datetime import datetime

DECORATION = re.compile(r"\[([^\]]*)\]")
GC_ID = re.compile(r"^GC\((\d+)\) ")
ZGC_GENERATION = re.compile(r"^[yYO]: ")
DURATION_AT_END = re.compile(r"(\d+(?:\.\d+)?)(ms|us|ns|s)$")
UNIT_SECONDS = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}
LEVELS = {"trace", "debug", "info", "warning", "error"}
UPTIME = [  # (pattern, seconds per unit) for the three uptime decorators
    (re.compile(r"^(\d+(?:\.\d+)?)s$"), 1.0),
    (re.compile(r"^(\d+)ms$"), 1e-3),
    (re.compile(r"^(\d+)ns$"), 1e-9),
]
NOOP = re.compile(r" (\d+[KMG])->\1\(\d+[KMG]\) ")
WALL_CLOCK = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d{4}$")


class Line:
    """One log line split into decorations and message."""

    def __init__(self, raw):
        self.raw = raw
        self.uptime_s = None
        self.wall_clock = None
        self.level = None
        self.tags = None
        pos = 0
        while True:
            m = DECORATION.match(raw, pos)
            if not m:
                break
            self._decoration(m.group(1))
            pos = m.end()
        self.message = raw[pos:].lstrip(" ")
        self.gc_id = None
        body = self.message
        m = GC_ID.match(body)
        if m:
            self.gc_id = int(m.group(1))
            body = body[m.end():]
        m = ZGC_GENERATION.match(body)
        if m:
            body = body[m.end():]
        self.body = body

    def _decoration(self, text):
        value = text.strip()
        for pattern, unit in UPTIME:
            m = pattern.match(value)
            if m:
                self.uptime_s = float(m.group(1)) * unit
                return
        if WALL_CLOCK.match(value):
            self.wall_clock = datetime.strptime(value, "%Y-%m-%dT%H:%M:%S.%f%z")
        elif value in LEVELS:
            self.level = value
        elif re.match(r"^[a-z0-9_]+(,[a-z0-9_]+)*$", value):
            self.tags = value.split(",")
        # pid, tid (bare numbers) and anything else: ignored

    def is_stats(self):
        return self.tags is not None and any(t == "stats" for t in self.tags)

    def duration_s(self):
        m = DURATION_AT_END.search(self.body.rstrip())
        return float(m.group(1)) * UNIT_SECONDS[m.group(2)] if m else None

    def pause(self):
        """(name, seconds) when this is a pause line, else None."""
        if self.is_stats() or not self.body.startswith("Pause "):
            return None
        seconds = self.duration_s()
        return None if seconds is None else (self.body, seconds)


def open_text(path):
    return gzip.open(path, "rt", encoding="utf-8") if path.endswith(".gz") else open(path, encoding="utf-8")


def series(path):
    """The files of a log: the file itself, or its rotated series (oldest first) when LOG.0 exists."""
    rotated = []
    n = 0
    while os.path.exists(f"{path}.{n}"):
        rotated.append(f"{path}.{n}")
        n += 1
    if not rotated:
        return [path]

    def first_uptime(p):
        with open_text(p) as f:
            for raw in f:
                line = Line(raw.rstrip("\n"))
                if line.uptime_s is not None:
                    return line.uptime_s
        return float("inf")

    return sorted(rotated + [path], key=first_uptime)


def read_lines(paths):
    for p in paths:
        with open_text(p) as f:
            for raw in f:
                yield Line(raw.rstrip("\n"))


def count_log(paths):
    pauses = []
    gc_start = {}  # gc id -> earliest uptime the log says the collection was running
    gc_names = {}
    wall_minus_uptime = []
    lines = 0
    for line in read_lines(paths):
        lines += 1
        if line.wall_clock is not None and line.uptime_s is not None:
            wall_minus_uptime.append(line.wall_clock.timestamp() - line.uptime_s)
        p = line.pause()
        if p:
            pauses.append((line.gc_id, p[0], p[1]))
        if line.gc_id is not None and line.uptime_s is not None and not line.is_stats():
            began = line.uptime_s
            d = line.duration_s()
            if d is not None:
                began -= d
            gc_start[line.gc_id] = min(began, gc_start.get(line.gc_id, began))
            gc_names.setdefault(line.gc_id, line.body)
    # a Pause Young that changed nothing (heap before == after) right before a Pause Full
    noop_young = [a[0] for a, b in zip(pauses, pauses[1:])
                  if a[1].startswith("Pause Young") and b[1].startswith("Pause Full") and NOOP.search(a[1])]
    wall_minus_uptime.sort()
    return {
        "lines": lines,
        "pauses": pauses,
        "gc_start": gc_start,
        "noop_young_ids": noop_young,
        # epoch seconds of uptime 0, when the log has a wall-clock decorator (time, utctime) next to an uptime
        "uptime_zero_s": wall_minus_uptime[len(wall_minus_uptime) // 2] if wall_minus_uptime else None,
    }


# ---- JFR -------------------------------------------------------------------------------------------------------

def chunk_starts_ns(path):
    """Start (epoch nanoseconds) of every chunk, from the chunk headers."""
    starts = []
    with open(path, "rb") as f:
        data = f.read()
    pos = 0
    while pos + 68 <= len(data) and data[pos:pos + 4] == b"FLR\0":
        size = struct.unpack(">q", data[pos + 8:pos + 16])[0]
        start_ns = struct.unpack(">q", data[pos + 32:pos + 40])[0]
        starts.append(start_ns)
        pos += size
    return starts


def iso_duration_s(value):
    """jfr print --json writes durations as ISO-8601 (PT0.001234S, PT1M2.5S); tolerate plain numbers too."""
    if isinstance(value, (int, float)):
        return float(value)
    m = re.match(r"^(-?)PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$", value)
    if not m:
        raise ValueError(f"unexpected duration {value!r}")
    s = int(m.group(2) or 0) * 3600 + int(m.group(3) or 0) * 60 + float(m.group(4) or 0)
    return -s if m.group(1) else s


def epoch_s(value):
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def read_jfr(path, jfr_tool):
    out = subprocess.run([jfr_tool, "print", "--json", "--events",
                          "jdk.GarbageCollection,jdk.GCPhasePause,jdk.JVMInformation", path],
                         check=True, capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    gcs = [e["values"] for e in events if e["type"] == "jdk.GarbageCollection"]
    phases = [e["values"] for e in events if e["type"] == "jdk.GCPhasePause"]
    info = [e["values"] for e in events if e["type"] == "jdk.JVMInformation"]
    jvm_start = epoch_s(info[0]["jvmStartTime"]) if info else None
    version = None
    if info:
        m = re.search(r"\((\d+(?:\.\d+)*)", info[0]["jvmVersion"])
        version = m.group(1) if m else info[0]["jvmVersion"]
    starts = chunk_starts_ns(path)
    return {
        "gc_count": len(gcs),
        "gc_ids": sorted({g["gcId"] for g in gcs}),
        "gc_names": [g["name"] for g in gcs],
        "sum_of_pauses_s": sum(iso_duration_s(g["sumOfPauses"]) for g in gcs),
        "longest_pause_s": max((iso_duration_s(g["longestPause"]) for g in gcs), default=0.0),
        "pause_phase_count": len(phases),
        "jvm_start_s": jvm_start,
        "recording_start_s": min(starts) / 1e9 if starts else None,
        "jdk": version,
    }


# ---- the manifest entry ------------------------------------------------------------------------------------------

CONCURRENT = {"ZGC", "Shenandoah", "Shenandoah (generational)"}


def entry(log_path, jfr_path, base_dir, jfr_tool, collector=None, xlog=None, decorators=None, uptime_zero=None):
    """uptime_zero: epoch seconds of uptime 0 of this JVM, known from another log of the same run."""
    paths = series(log_path)
    log = count_log(paths)
    rel = lambda p: os.path.relpath(p, base_dir)
    e = {"file": rel(log_path)}
    if len(paths) > 1:
        e["series"] = [rel(p) for p in paths]
    e["jfr"] = rel(jfr_path) if jfr_path else None
    jfr = read_jfr(jfr_path, jfr_tool) if jfr_path else None
    e["jdk"] = jfr["jdk"] if jfr else None
    e["collector"] = collector
    e["xlog"] = xlog
    e["decorators"] = decorators
    pauses = log["pauses"]
    notes = []
    if pauses:
        e["log_pause_count"] = len(pauses)
        e["log_full_count"] = sum(1 for p in pauses if p[1].startswith("Pause Full"))
        e["log_pause_total_s"] = round(sum(p[2] for p in pauses), 6)
        e["log_pause_max_s"] = round(max(p[2] for p in pauses), 6)
    else:
        e["log_pause_count"] = e["log_full_count"] = e["log_pause_total_s"] = e["log_pause_max_s"] = None
        notes.append("no pause lines in this log: with plain -Xlog:gc this collector writes one line per "
                     "collection and its pauses only under gc,phases (gc*), so the pause counts are null")
    e["log_gc_id_count"] = len(log["gc_start"])
    by_kind = {}
    for _, name, _ in pauses:
        kind = re.sub(r"\s*\d+(?:\.\d+)?(?:ms|us|ns|s)$", "", name)          # drop the duration
        kind = re.sub(r"\s+\d+[KMG]\(\d+[KMG]\)->.*$", "", kind)           # and a heap transition
        kind = re.sub(r"\s+\d+[KMG]->\d+[KMG]\(\d+[KMG]\)$", "", kind)
        by_kind[kind] = by_kind.get(kind, 0) + 1
    e["log_pauses_by_name"] = dict(sorted(by_kind.items()))
    if jfr:
        e["jfr_gc_count"] = jfr["gc_count"]
        e["jfr_sum_of_pauses_s"] = round(jfr["sum_of_pauses_s"], 6)
        e["jfr_longest_pause_s"] = round(jfr["longest_pause_s"], 6)
        e["jfr_pause_phase_count"] = jfr["pause_phase_count"]
        names = {}
        for n in jfr["gc_names"]:
            names[n] = names.get(n, 0) + 1
        e["jfr_gc_by_name"] = dict(sorted(names.items()))
        zero = log["uptime_zero_s"] or uptime_zero
        if zero is not None:
            rec_uptime = jfr["recording_start_s"] - zero
        else:
            # jvmStartTime is when VM initialisation ended: some 30-90 ms after uptime 0 on these JDKs
            rec_uptime = jfr["recording_start_s"] - jfr["jvm_start_s"]
            notes.append("recording start placed on the log's uptime axis with jdk.JVMInformation jvmStartTime "
                         "(no wall-clock decorator in this run): a few tens of ms early")
        e["recording_start_uptime_s"] = round(rec_uptime, 3)
        before = sorted(i for i, t in log["gc_start"].items() if t < rec_uptime)
        e["log_gc_before_recording"] = len(before)
        not_in_jfr = sorted(set(log["gc_start"]) - set(jfr["gc_ids"]))
        e["log_gc_ids_not_in_jfr"] = len(not_in_jfr)
        e["jfr_gc_distinct_ids"] = len(jfr["gc_ids"])
        in_jfr = set(jfr["gc_ids"])
        e["log_pause_count_of_jfr_gcs"] = sum(1 for p in pauses if p[0] in in_jfr) if pauses else None
        notes += differences(e, log, jfr, before, not_in_jfr, collector, xlog, len(paths) > 1)
    e["note"] = "; ".join(notes)
    return e


def differences(e, log, jfr, before, not_in_jfr, collector, xlog, rotated):
    notes = []
    by = e["log_pauses_by_name"]
    jn = e["jfr_gc_by_name"]
    pauses = log["pauses"]
    if collector == "G1":
        remark = sum(v for k, v in by.items() if k.startswith("Pause Remark"))
        cleanup = sum(v for k, v in by.items() if k.startswith("Pause Cleanup"))
        if remark or cleanup:
            notes.append(f"G1 concurrent cycles: {remark} Pause Remark + {cleanup} Pause Cleanup lines in the log; "
                         f"{jn.get('G1Old', 0)} G1Old event(s) in the JFR, one per cycle, whose sumOfPauses covers "
                         f"both pauses")
    if collector in CONCURRENT and pauses:
        per_id = {}
        for gc_id, _, _ in pauses:
            per_id[gc_id] = per_id.get(gc_id, 0) + 1
        in_jfr = set(jfr["gc_ids"])
        per_id_in_jfr = {i: n for i, n in per_id.items() if i in in_jfr}
        notes.append(f"{collector}: {len(pauses)} pause lines over {len(per_id)} collections "
                     f"({min(per_id.values())} to {max(per_id.values())} per collection); of these, "
                     f"{len(per_id_in_jfr)} collections with {sum(per_id_in_jfr.values())} pause lines are in the "
                     f"JFR as {e['jfr_gc_count']} GarbageCollection events")
    if collector in CONCURRENT and not pauses:
        notes.append(f"plain -Xlog:gc: {collector} writes no pause lines at this level (they are gc,phases)")
    if collector and collector.startswith("Shenandoah") and xlog and "*" in xlog:
        notes.append("gc,stats tables (per cycle and at exit) contain lines like 'Pause Init Mark (G)  258 us': "
                     "not pause lines, not counted")
    if e["jfr_gc_count"] != e["jfr_gc_distinct_ids"]:
        notes.append(f"the JFR has {e['jfr_gc_count']} GarbageCollection events for {e['jfr_gc_distinct_ids']} "
                     f"distinct gcIds (an old cycle and the young cycle that starts it share a gcId)")
    noop = log["noop_young_ids"]
    if noop:
        ids = ", ".join(f"GC({i})" for i in noop)
        missing = [i for i in noop if i not in set(jfr["gc_ids"])]
        notes.append(f"Pause Young with an unchanged heap right before a Pause Full: {ids}"
                     + (f"; no JFR event for {', '.join(f'GC({i})' for i in missing)}" if missing else ""))
    if rotated:
        notes.append("rotated series: counts cover the files still on disk; the oldest part of the log was "
                     "overwritten, so early collections are missing from the log but the JFR has them")
    if before:
        notes.append(f"{len(before)} collection(s) began before the recording started "
                     f"(uptime {e['recording_start_uptime_s']} s): in the log, not in the JFR")
    straddling = sorted(set(before) - set(not_in_jfr))
    if straddling:
        notes.append(f"{', '.join(f'GC({i})' for i in straddling)} began before the recording started and ended "
                     f"after: in the JFR too")
    others = sorted(set(not_in_jfr) - set(before) - set(noop))
    if others:
        notes.append(f"no JFR event for {', '.join(f'GC({i})' for i in others)} either (the last collection, "
                     f"unfinished when the JVM exited, or one without a pause)")
    return notes


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("log", nargs="?")
    ap.add_argument("jfr", nargs="?")
    ap.add_argument("--runs", help="tab-separated: log, jfr, jdk, collector, xlog, decorators (paths relative to it)")
    ap.add_argument("--out", help="manifest.json to write")
    ap.add_argument("--extra", action="append", default=[],
                    help="LOG=SAME_AS: add an entry for a copy (e.g. a .log.gz) of a listed log")
    ap.add_argument("--jfr-tool", default=os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "jfr"))
    args = ap.parse_args()
    if args.runs:
        base = os.path.dirname(os.path.abspath(args.runs))
        entries = []
        with open(args.runs, encoding="utf-8") as f:
            rows = [row.rstrip("\n").split("\t") for row in f if row.strip()]
        zero = {}
        for log, jfr, *_ in rows:
            z = count_log(series(os.path.join(base, log)))["uptime_zero_s"]
            if z is not None:
                zero.setdefault(jfr, z)
        for log, jfr, _, collector, xlog, decorators in rows:
            entries.append(entry(os.path.join(base, log), os.path.join(base, jfr), base, args.jfr_tool,
                                 NAMES[collector], xlog, decorators, zero.get(jfr)))
            print(f"{log}: {entries[-1]['log_pause_count']} pauses, {entries[-1]['jfr_gc_count']} JFR GCs",
                  file=sys.stderr)
        for extra in args.extra:
            copy, same_as = extra.split("=")
            src = next(x for x in entries if x["file"] == same_as)
            e = entry(os.path.join(base, copy), os.path.join(base, src["jfr"]), base, args.jfr_tool,
                      src["collector"], src["xlog"], src["decorators"], zero.get(src["jfr"]))
            e["note"] = f"gzip of {same_as} (same lines); " + e["note"]
            entries.append(e)
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump({"entries": entries}, f, indent=2)
            f.write("\n")
    elif args.log:
        base = os.getcwd()
        print(json.dumps(entry(args.log, args.jfr, base, args.jfr_tool), indent=2))
    else:
        ap.error("give a LOG or --runs")


NAMES = {"serial": "Serial", "parallel": "Parallel", "g1": "G1", "zgc": "ZGC", "shenandoah": "Shenandoah",
         "shenandoah-gen": "Shenandoah (generational)"}

if __name__ == "__main__":
    main()
