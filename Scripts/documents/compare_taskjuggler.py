#!/usr/bin/env python3
"""Schedules stdplan's TaskJuggler export with tj3 and prints both tools' figures side by side.

For each scenario: `stdplan export --to tjp` writes the project (with stdplan's own figures of
the same plan in its header), tj3 schedules it and writes a CSV of every task's start and end;
a standard's publication month is the month its last phase ends in (an end at 00:00 on the 1st
belongs to the month before), months late count after December of the target year, weighted by
the scenario's urgency weights as stdplan does.
"""

import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time


def month_of(text):
    # "2024-03-01 00:00" is the end of February.
    date, clock = text.split(" ")
    year, month, day = (int(x) for x in date.split("-"))
    if day == 1 and clock == "00:00":
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    return year * 12 + month - 1


def label(index):
    return f"{index // 12}-{index % 12 + 1:02d}"


def figures(tjp, results_csv):
    header = open(tjp, encoding="utf-8").read()
    ours = dict(re.findall(r"(\w+)=(\S+)", re.search(r"^# stdplan-figures (.*)$", header, re.M).group(1)))
    standards = [dict(re.findall(r"(\w+)=(\S+)", line)) for line in re.findall(r"^# stdplan-standard (.*)$", header, re.M)]
    ends = {}
    with open(results_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            ends[row["Id"]] = row["End"]
    on_time = with_target = weighted = late_total = 0
    last = None
    for standard in standards:
        published = month_of(ends[standard["task"]])
        last = published if last is None else max(last, published)
        if standard["target"] == "none":
            continue
        with_target += 1
        late = max(0, published - (int(standard["target"]) * 12 + 11))
        on_time += late == 0
        late_total += late
        weighted += late * int(standard["weight"])
    theirs = {"on_time": on_time, "with_target": with_target, "weighted_months_late": weighted, "months_late": late_total,
              "last": label(last) if last is not None else "-"}
    return ours, theirs


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stdplan", required=True)
    parser.add_argument("--time-limit", default="60")
    parser.add_argument("scenarios", nargs="+")
    args = parser.parse_args()
    rows = []
    for scenario in args.scenarios:
        with tempfile.TemporaryDirectory(prefix="stdplan-tj-") as work:
            tjp = os.path.join(work, "plan.tjp")
            started = time.monotonic()
            export = subprocess.run([args.stdplan, "export", "--to", "tjp", scenario, "--time-limit", args.time_limit, "--output", tjp],
                                    capture_output=True, text=True)
            ours_seconds = time.monotonic() - started
            if export.returncode != 0:
                sys.exit(f"stdplan export failed for {scenario}:\n{export.stderr}")
            started = time.monotonic()
            tj = subprocess.run(["tj3", "--no-color", "--silent", "-o", work, tjp], capture_output=True, text=True)
            tj_seconds = time.monotonic() - started
            results = os.path.join(work, "stdplan-results.csv")
            if tj.returncode != 0 or not os.path.exists(results):
                sys.exit(f"tj3 failed on {scenario}:\n{tj.stdout}\n{tj.stderr}")
            warnings = len(re.findall(r"Warning", tj.stdout + tj.stderr))
            ours, theirs = figures(tjp, results)
            rows.append((scenario, ours, theirs, ours_seconds, tj_seconds, warnings))
    print()
    print(f"{'Scenario':<48} {'Tool':<12} {'Status':<9} {'On time':>8} {'Weighted months late':>21} {'Months late':>12} {'Seconds':>8}")
    print("-" * 124)
    for scenario, ours, theirs, ours_seconds, tj_seconds, warnings in rows:
        name = os.path.basename(scenario) if scenario != "baseline" else "built-in baseline"
        print(f"{name:<48} {'stdplan':<12} {ours['status']:<9} {ours['on_time'] + '/' + ours['with_target']:>8} "
              f"{ours['weighted_months_late']:>21} {ours['months_late']:>12} {ours_seconds:>8.1f}")
        print(f"{'':<48} {'TaskJuggler':<12} {'-':<9} {str(theirs['on_time']) + '/' + str(theirs['with_target']):>8} "
              f"{theirs['weighted_months_late']:>21} {theirs['months_late']:>12} {tj_seconds:>8.1f}"
              + (f"  ({warnings} warnings)" if warnings else ""))
    print()
    print("stdplan: GLPK's optimum (or best plan within --time-limit, status feasible). TaskJuggler 3: its priority-driven")
    print("scheduling of the same project, lead units fixed to stdplan's choice; seconds include stdplan's planning for the export.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
