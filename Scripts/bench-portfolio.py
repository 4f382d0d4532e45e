#!/usr/bin/env python3
"""The table logic of Scripts/bench-portfolio (read that file's header first; run it, not this).

For each scenario file, one after the other with the same time limit: `stdplan plan --format json`
(its schedule checked with `stdplan check`), then the CP-SAT peer with each worker count, its
schedule (`--schedule-out`) validated with `stdplan check` before any of its figures are used.

For generated files a `reference` row gives the urgency-weighted months late of the generator's own
serial schedule (from the file's header): an upper bound on the optimum's first level, favoured by
construction since target years were drawn around it.

Columns:
  objective   the schedule's objective (null without one)
  w.late      urgency-weighted months late: floor(objective / lateness_weight) for stdplan (exact
              under `lateness: auto`, which every benchmarked file uses), the peer's own count
  bound, gap  best proven lower bound and (objective - bound) / objective
  first       seconds to the first schedule (peer: from its start after imports, model building
              included; stdplan: from its `--search-log`, counted from the start of planning)
  1%gap       seconds until (best - bound) / best <= 1 %, from the search logs: the peer's, and
              stdplan's `--search-log` on its first level (lateness dominates the folded objective,
              so a proven lateness level puts the folded gap far below 1 %)
  note        for stdplan, when each level was proven ("proofs: lateness 4.1 s, completion 6.0 s")
  seconds     wall seconds of the whole process, start-up and reading included
  peak MiB    maximum resident set size (GNU time -v)
  check       `stdplan check` on the schedule: valid, INVALID, or - without a schedule
"""
import argparse
import json
import math
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEER_DEFAULT = ROOT.parent / "shared" / "peers" / "cpsat_portfolio.py"
LOG_LINE = re.compile(r"^#(\d+|Bound|Done)\s+([\d.]+)s\s+best:(\S+)\s+next:\[([^,\]]*),?([^\]]*)\]")


class Result:
    """One solver's run on one file."""

    def __init__(self, solver):
        self.solver = solver
        self.status = None
        self.objective = None
        self.wlate = None
        self.bound = None
        self.gap = None
        self.first = None
        self.one_percent = None
        self.seconds = None
        self.peak_mib = None
        self.check = "-"
        self.note = ""

    @property
    def validated(self):
        return self.check == "valid" and self.objective is not None


def descendants(pid):
    """Every process below pid (the measured command runs under /usr/bin/time)."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        try:
            with open("/proc/%d/task/%d/children" % (p, p)) as f:
                kids = [int(x) for x in f.read().split()]
        except OSError:
            kids = []
        out += kids
        stack += kids
    return out


def rss_kib(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measured(cmd, stdout_path, stderr_path, wall_limit, memory_limit_kib):
    """Runs cmd under GNU time; stops it (and says why) above the memory or wall limit.
    Returns (exit code, wall seconds, peak KiB, why stopped or None)."""
    timefile = stderr_path + ".time"
    start = time.monotonic()
    stopped = None
    with open(stdout_path, "w") as out, open(stderr_path, "w") as err:
        proc = subprocess.Popen(["/usr/bin/time", "-v", "-o", timefile] + cmd, stdout=out, stderr=err, cwd=ROOT)
        while proc.poll() is None:
            time.sleep(0.2)
            kids = descendants(proc.pid)
            if stopped is None and sum(rss_kib(k) for k in kids) > memory_limit_kib:
                stopped = "stopped: resident memory above %.0f GiB" % (memory_limit_kib / 2 ** 20)
            elif stopped is None and time.monotonic() - start > wall_limit:
                stopped = "stopped: no answer within %.0f s" % wall_limit
            if stopped:
                for k in kids:
                    try:
                        os.kill(k, signal.SIGKILL)
                    except OSError:
                        pass
        wall = time.monotonic() - start
    peak = None
    try:
        with open(timefile) as f:
            for line in f:
                if "Maximum resident set size" in line:
                    peak = int(line.rsplit(":", 1)[1])
    except OSError:
        pass
    return proc.returncode, wall, peak, stopped


def last_line(path):
    try:
        lines = [l.strip() for l in Path(path).read_text(errors="replace").splitlines() if l.strip()]
    except OSError:
        return ""
    return lines[-1] if lines else ""


def check(stdplan, scenario, schedule, work):
    """`stdplan check SCENARIO SCHEDULE`: 'valid' or 'INVALID' (the first violation kept in the note)."""
    out = subprocess.run([stdplan, "check", scenario, schedule], cwd=ROOT, capture_output=True, text=True)
    if out.returncode == 0:
        return "valid", ""
    return "INVALID", (out.stderr.strip().splitlines() or ["exit %d" % out.returncode])[0]


def run_stdplan(args, scenario, tag, work):
    r = Result("stdplan")
    plan = str(work / ("%s.stdplan.json" % tag))
    search_log = str(work / ("%s.stdplan.search.jsonl" % tag))
    for p in (plan, search_log):
        if os.path.exists(p):
            os.remove(p)
    rc, wall, peak, stopped = measured(
        [args.stdplan, "plan", scenario, "--format", "json", "--time-limit", str(args.time_limit), "--output", plan,
         "--search-log", search_log],
        str(work / ("%s.stdplan.out" % tag)), str(work / ("%s.stdplan.err" % tag)), args.time_limit * 3 + 120,
        args.memory_limit_gib * 2 ** 20)
    r.seconds, r.peak_mib = wall, None if peak is None else peak / 1024
    if stopped:
        r.status, r.note = "stopped", stopped
        return r
    try:
        doc = json.loads(Path(plan).read_text())
    except (OSError, ValueError):
        r.status, r.note = "error", "exit %d: %s" % (rc, last_line(work / ("%s.stdplan.err" % tag)))
        return r
    r.status, r.objective, r.bound, r.gap = doc["status"], doc["objective"], doc["bound"], doc["gap"]
    if r.objective is not None and doc.get("lateness_weight"):
        r.wlate = r.objective // doc["lateness_weight"]
        r.check, note = check(args.stdplan, scenario, plan, work)
        r.note = note
    r.first, r.one_percent, proofs = search_times(search_log)
    if proofs:
        r.note = ("proofs: " + ", ".join("%s %.1f s" % p for p in proofs) + ("; " + r.note if r.note else "")).strip()
    return r


def search_times(path):
    """From stdplan's --search-log: seconds to the first schedule, to a 1 % gap on the first level,
    and (level, seconds) of each level proven."""
    first, one_percent, proofs, first_level = None, None, [], None
    try:
        lines = Path(path).read_text().splitlines()
    except OSError:
        return None, None, []
    for line in lines:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if first_level is None:
            first_level = e["level"]
        if first is None and e.get("best") is not None:
            first = e["seconds"]
        if one_percent is None and e.get("best") is not None:
            close = e["level"] == first_level and e.get("gap") is not None and e["gap"] <= 0.01
            if close or (e["level"] != first_level and not e["stage"].startswith("finished")) or e["stage"] == "finished_optimal":
                one_percent = e["seconds"]
        if e["stage"] == "level_done" and e.get("proven") and all(l != e["level"] for l, _ in proofs):
            proofs.append((e["level"], e["seconds"]))
    return first, one_percent, proofs


def run_peer(args, scenario, tag, workers, work):
    r = Result("cp-sat w%d" % workers)
    schedule = str(work / ("%s.cpsat-w%d.json" % (tag, workers)))
    if os.path.exists(schedule):
        os.remove(schedule)
    err = str(work / ("%s.cpsat-w%d.log" % (tag, workers)))
    out = str(work / ("%s.cpsat-w%d.out" % (tag, workers)))
    rc, wall, peak, stopped = measured(
        ["python3", str(args.peer), scenario, "--time-limit", str(args.time_limit), "--workers", str(workers),
         "--schedule-out", schedule, "--log"], out, err, args.time_limit * 3 + 120, args.memory_limit_gib * 2 ** 20)
    r.seconds, r.peak_mib = wall, None if peak is None else peak / 1024
    if stopped:
        r.status, r.note = "stopped", stopped
        return r
    log = Path(err).read_text(errors="replace")
    if "does not model these scenario keys" in log:
        r.status, r.note = "n/a", "peer: n/a (keys)"
        return r
    try:
        doc = json.loads(last_line(out))
    except ValueError:
        r.status, r.note = "error", "exit %d: %s" % (rc, last_line(err))
        return r
    r.status = doc["status"]
    r.first = doc.get("first_solution_seconds")
    if doc.get("objective") is None:
        return r
    r.check, r.note = check(args.stdplan, scenario, schedule, work) if os.path.exists(schedule) else ("-", "no schedule file")
    if r.check != "valid":
        return r  # figures of a schedule the validator rejects are not used
    r.objective, r.bound, r.gap, r.wlate = doc["objective"], doc["bound"], doc["gap"], doc["weighted_months_late"]
    r.one_percent = time_to_gap(log, doc.get("build_seconds") or 0.0, 0.01)
    if r.one_percent is None and r.gap is not None and r.gap <= 0.01:
        r.one_percent = doc["seconds"]
    return r


def time_to_gap(log, offset, target):
    """First time in the CP-SAT log when (best - lower bound) / best <= target; log times count
    from the solve, so the model-building seconds are added."""
    for line in log.splitlines():
        m = LOG_LINE.match(line)
        if not m:
            continue
        try:
            best, low = float(m.group(3)), float(m.group(4))
        except ValueError:
            continue
        if math.isfinite(best) and best - low <= target * max(1.0, abs(best)):
            return offset + float(m.group(2))
    return None


def fmt(value, kind):
    if value is None:
        return "n/a" if kind in ("first", "1%") else "-"
    if kind == "int":
        return "{:,}".format(int(value))
    if kind == "bound":
        return "{:,.0f}".format(math.floor(value + 1e-9)) if abs(value - round(value)) < 1e-9 else "{:,.1f}".format(value)
    if kind == "gap":
        return "%.2f%%" % (100 * value)
    if isinstance(value, str):
        return value
    return "%.2f" % value if kind != "mib" else "%.0f" % value


HEADER = "%-34s %-10s %-9s %15s %7s %15s %8s %7s %7s %8s %8s %-8s %s"


def row(name, r):
    return HEADER % (name, r.solver, r.status or "-", fmt(r.objective, "int"), fmt(r.wlate, "int"), fmt(r.bound, "bound"),
                     fmt(r.gap, "gap"), fmt(r.first, "first"), fmt(r.one_percent, "1%"), fmt(r.seconds, "s"),
                     fmt(r.peak_mib, "mib"), r.check, r.note)


def compare(name, ours, peers):
    """ERROR lines: a stdplan claim refuted by a validated peer schedule."""
    errors, warnings = [], []
    if ours.check == "INVALID":
        errors.append("ERROR %s: stdplan's schedule fails `stdplan check`: %s" % (name, ours.note))
    for p in peers:
        if not p.validated:
            continue
        if ours.status == "optimal" and ours.objective is not None and ours.objective > p.objective:
            errors.append("ERROR %s: stdplan claims optimal at %d, but %s has a validated schedule of %d (%+d)"
                          % (name, ours.objective, p.solver, p.objective, p.objective - ours.objective))
        if ours.bound is not None and ours.bound > p.objective + 1e-6:
            errors.append("ERROR %s: stdplan's bound %.1f is above %s's validated schedule of %d: a wrong proof"
                          % (name, ours.bound, p.solver, p.objective))
        if ours.status == "infeasible":
            errors.append("ERROR %s: stdplan says infeasible, but %s has a validated schedule of %d" % (name, p.solver, p.objective))
        if p.status == "optimal" and ours.validated and p.objective > ours.objective:
            warnings.append("WARNING %s: %s claims optimal at %d, above stdplan's validated %d (the peer is wrong)"
                            % (name, p.solver, p.objective, ours.objective))
    return errors, warnings


def scenario_files(args):
    files = []
    for n in args.sizes:
        path = args.out / ("generated-%d-seed%d.yaml" % (n, args.seed))
        if not path.exists():
            gen = subprocess.run([args.stdplan, "generate", "--standards", str(n), "--seed", str(args.seed), "--output", str(path)],
                                 cwd=ROOT, capture_output=True, text=True)
            if gen.returncode != 0:
                sys.exit("generate %d failed: %s" % (n, gen.stderr.strip()))
            print("# generated %s: %s" % (path.name, gen.stderr.strip().split(": ", 1)[-1]), flush=True)
        files.append(("generated-%d" % n, str(path)))
        header = "".join(line for line in path.read_text().splitlines(True)[:12] if line.startswith("#"))
        found = re.search(r"reference schedule .*?: (\d+)/(\d+) on time, (\d+) urgency-weighted months late", header)
        if found:
            args.references[str(path)] = int(found.group(3))
    if args.scenarios:
        for path in sorted((ROOT / "Scenarios").rglob("*.yaml")):
            rel = path.relative_to(ROOT / "Scenarios")
            if rel.parts[0] == "status":
                continue  # status files say where work stands; they are not scenarios to plan
            files.append((str(rel.with_suffix("")), str(path.relative_to(ROOT))))
    for extra in args.files:
        files.append((Path(extra).stem, str(Path(extra).resolve())))
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--stdplan", required=True)
    ap.add_argument("--peer", type=Path, default=PEER_DEFAULT)
    ap.add_argument("--sizes", default="30,100,300,1000,3000")
    ap.add_argument("--time-limit", type=float, default=60.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--no-scenarios", dest="scenarios", action="store_false")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--memory-limit-gib", type=float, default=8.0)
    ap.add_argument("files", nargs="*")
    args = ap.parse_args()
    args.sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    args.references = {}
    workers = [int(x) for x in args.workers.split(",") if x.strip()]
    args.out = (args.out or Path(tempfile.mkdtemp(prefix="bench-portfolio."))).resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    args.stdplan = str(Path(args.stdplan).resolve())
    if not args.peer.exists():
        sys.exit("the CP-SAT peer is missing: %s" % args.peer)

    with open("/proc/loadavg") as f:
        load = " ".join(f.read().split()[:3])
    print("# stdplan %s and CP-SAT (%s, workers %s), time limit %g s each, one after the other; %d cores, load %s; files in %s"
          % (args.stdplan, args.peer.name, ",".join(map(str, workers)), args.time_limit, os.cpu_count(), load, args.out), flush=True)
    files = scenario_files(args)
    print(HEADER % ("scenario", "solver", "status", "objective", "w.late", "bound", "gap", "first", "1%gap", "seconds",
                    "peak MiB", "check", "note"), flush=True)
    errors, warnings = [], []
    for name, path in files:
        tag = name.replace("/", "_")
        ours = run_stdplan(args, path, tag, args.out)
        print(row(name, ours), flush=True)
        if path in args.references:
            # The generator's own serial schedule (its file header): an upper bound on the optimum's
            # first level, and favoured by construction (target years were drawn around it).
            reference = Result("reference")
            reference.status, reference.wlate, reference.note = "upper bd", args.references[path], "generator's serial schedule"
            print(row("", reference), flush=True)
        peers = []
        for w in workers:
            p = run_peer(args, path, tag, w, args.out)
            peers.append(p)
            print(row("", p), flush=True)
        e, w_ = compare(name, ours, peers)
        errors += e
        warnings += w_
        for line in e + w_:
            print(line, flush=True)
    print()
    for line in warnings:
        print(line)
    for line in errors:
        print(line)
    print("%d ERROR%s" % (len(errors), "" if len(errors) == 1 else "s"))
    return 2 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
