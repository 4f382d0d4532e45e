#!/usr/bin/env python3
"""Schedules stdplan's TaskJuggler export with tj3 and prints both tools' figures side by side.

For each scenario: `stdplan export --to tjp` writes the project (with stdplan's own figures of
the same plan in its header), tj3 schedules it and writes a CSV of every task's start and end;
a standard's publication month is the month its last phase ends in (an end at 00:00 on the 1st
belongs to the month before), months late count after December of the target year, weighted by
the scenario's urgency weights as stdplan does.

TaskJuggler cannot express every rule of the scenario (calendar gates, the longest a draft may
wait, capacity dips; see docs/documents.md), so its figures are of a looser problem. To say how
much looser, its schedule is put on months (each phase starts in the month nearest its start,
and lasts the scenario's months) into a copy of stdplan's plan JSON, and `stdplan check` counts
the rules it breaks, by kind.
"""

import argparse
import collections
import csv
import json
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


def nearest_month(text):
    # The month whose first day is nearest: "2022-05-04 09:00" is May, "2022-01-31 17:00" February.
    date, _ = text.split(" ")
    year, month, day = (int(x) for x in date.split("-"))
    index = year * 12 + month - 1
    return index + 1 if day > 15 else index


def parse_month(text):
    year, month = (int(x) for x in text.split("-"))
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


def broken_rules(stdplan, scenario, tjp, results_csv, plan_json, work):
    """The rules of the scenario that TaskJuggler's schedule, put on months, breaks: {kind: count}."""
    header = open(tjp, encoding="utf-8").read()
    task_of = {}
    for line in re.findall(r"^# stdplan-standard (.*)$", header, re.M):
        fields = dict(re.findall(r"(\w+)=(\S+)", line))
        task_of[fields["id"]] = fields["task"]
    rows = {}
    with open(results_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=";"):
            rows[row["Id"]] = row
    plan = json.load(open(plan_json, encoding="utf-8"))
    plan_start = parse_month(plan["plan_start"])
    for standard in plan["standards"]:
        task = task_of.get(standard["id"])
        phases = standard.get("phases") or []
        if task is None or not phases:
            continue
        children = sorted((k for k in rows if k.startswith(task + ".ph")), key=lambda k: int(k.rsplit("ph", 1)[1]))
        if len(children) != len(phases):
            continue
        for phase, child in zip(phases, children):
            months = parse_month(phase["finish"]) - parse_month(phase["start"]) + 1
            # A phase under way at the plan start keeps its start (a fact); TaskJuggler starts it at the plan start.
            start = parse_month(phase["start"]) if parse_month(phase["start"]) < plan_start else nearest_month(rows[child]["Start"])
            phase["start"], phase["finish"] = label(start), label(start + months - 1)
        standard["published"] = phases[-1]["finish"]
    theirs = os.path.join(work, "taskjuggler-plan.json")
    with open(theirs, "w", encoding="utf-8") as f:
        json.dump(plan, f, ensure_ascii=False)
    return check_counts(stdplan, scenario, theirs, work)


def check_counts(stdplan, scenario, plan_json, work):
    """`stdplan check` on a plan JSON: {kind: count} of the rules it breaks, None if it could not run."""
    report = plan_json + ".check.json"
    subprocess.run([stdplan, "check", scenario, plan_json, "--format", "json", "--output", report], capture_output=True, text=True)
    if not os.path.exists(report):
        return None
    violations = json.load(open(report, encoding="utf-8")).get("violations", [])
    return collections.Counter(v.get("kind", "?") for v in violations)


def rules_text(broken):
    if broken is None:
        return "not checked"
    return f"{sum(broken.values())}" + (" (" + ", ".join(f"{kind} {count}" for kind, count in sorted(broken.items())) + ")" if broken else "")


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
            plan_json = os.path.join(work, "stdplan-plan.json")
            subprocess.run([args.stdplan, "plan", scenario, "--time-limit", args.time_limit, "--format", "json", "--output", plan_json],
                           capture_output=True, text=True)
            have_plan = os.path.exists(plan_json)
            ours_broken = check_counts(args.stdplan, scenario, plan_json, work) if have_plan else None
            broken = broken_rules(args.stdplan, scenario, tjp, results, plan_json, work) if have_plan else None
            rows.append((scenario, ours, theirs, ours_seconds, tj_seconds, warnings, ours_broken, broken))
    print()
    print(f"{'Scenario':<40} {'Tool':<12} {'Status':<9} {'On time':>8} {'Weighted months late':>21} {'Months late':>12} {'Seconds':>8}  Rules broken")
    print("-" * 130)
    for scenario, ours, theirs, ours_seconds, tj_seconds, warnings, ours_broken, broken in rows:
        name = os.path.basename(scenario) if scenario != "baseline" else "built-in baseline"
        print(f"{name:<40} {'stdplan':<12} {ours['status']:<9} {ours['on_time'] + '/' + ours['with_target']:>8} "
              f"{ours['weighted_months_late']:>21} {ours['months_late']:>12} {ours_seconds:>8.1f}  {rules_text(ours_broken)}")
        rules = rules_text(broken)
        print(f"{'':<40} {'TaskJuggler':<12} {'-':<9} {str(theirs['on_time']) + '/' + str(theirs['with_target']):>8} "
              f"{theirs['weighted_months_late']:>21} {theirs['months_late']:>12} {tj_seconds:>8.1f}  {rules}"
              + (f"; {warnings} tj3 warnings" if warnings else ""))
    print()
    print("stdplan: GLPK's optimum (or best plan within --time-limit, status feasible). TaskJuggler 3: its priority-driven")
    print("scheduling of the same project, lead units fixed to stdplan's choice; seconds include stdplan's planning for the export.")
    print("Rules broken: `stdplan check` on each schedule put on months, by kind (TaskJuggler cannot express calendar gates,")
    print("the longest a draft may wait, or capacity dips, so a schedule that breaks them can be less late than the optimum).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
