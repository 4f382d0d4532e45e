#!/usr/bin/env python3
"""Checks stdplan's documents with real readers: Chromium for the HTML report, MPXJ for the
MS Project XML, the `icalendar` parser for the calendar. Called by Scripts/check-documents.

Each check prints one line, PASS or FAIL with figures; the last line is
`check-documents: N passed, M failed`, and the exit code is 1 if any failed.
"""

import argparse
import base64
import calendar
import datetime
import json
import os
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cdp  # noqa: E402
import png  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HOSTILE = os.path.join(ROOT, "Tests", "Fixtures", "hostile-names.yaml")
DATE = "2025-01-15"      # the report's date, fixed so the files are the same bytes every run
LATER = "2025-02-20"     # a later export, for the iCalendar update check
SCREEN_WIDTH = 1123      # A4 landscape at 96 CSS pixels per inch
PRINT_WIDTH = 1031       # A4 landscape less the report's page margins (12 mm each side)

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    print(f"{'PASS' if ok else 'FAIL'} {name}" + (f": {detail}" if detail else ""), flush=True)
    return ok


def run(stdplan, *args):
    completed = subprocess.run([stdplan, *args], capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"stdplan {' '.join(args)} failed ({completed.returncode}):\n{completed.stderr}")


# ---------------------------------------------------------------------------------------------
# What a name looks like once escaped: the documents replace characters no format can carry.

def carried(name, mode="html"):
    """`name` as a document carries it: characters no format allows become U+FFFD; line breaks
    and tabs become spaces in HTML, stay in XML, and are one line feed each in iCalendar."""
    if mode == "ics":
        name = name.replace("\r\n", "\n").replace("\r", "\n")
    out = []
    for ch in name:
        o = ord(ch)
        if ch in "\r\n\t":
            out.append(" " if mode == "html" else ch)
        elif o < 0x20 or 0x7F <= o <= 0x9F or o in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)


def squash(text):
    return re.sub(r"\s+", " ", text).strip()


def first_weekday(year, month):
    day = datetime.date(year, month, 1)
    while day.weekday() >= 5:
        day += datetime.timedelta(days=1)
    return day


def last_weekday(year, month):
    day = datetime.date(year, month, calendar.monthrange(year, month)[1])
    while day.weekday() >= 5:
        day -= datetime.timedelta(days=1)
    return day


def month(text):
    year, m = text.split("-")
    return int(year), int(m)


def weekdays(start, finish):
    return sum(1 for k in range((finish - start).days + 1) if (start + datetime.timedelta(days=k)).weekday() < 5)


# ---------------------------------------------------------------------------------------------
# The HTML report in Chromium.

PAGE_FACTS = r"""
(() => {
  const width = document.documentElement.clientWidth;
  const outside = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 0.5 || r.left < -0.5) {
      const cls = typeof el.className === 'string' ? el.className : (el.className && el.className.baseVal) || '';
      outside.push(`${el.tagName.toLowerCase()}.${cls} right=${Math.round(r.right)}`);
    }
  }
  const figure = document.querySelector('figure');
  return {
    width, scrollWidth: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight,
    outside: outside.slice(0, 10), outsideCount: outside.length,
    bars: document.querySelectorAll('[data-bar="phase"]').length,
    text: document.body.innerText,
    titles: Array.from(document.querySelectorAll('title')).map(t => t.textContent),
    scripts: document.querySelectorAll('script').length,
    injected: document.querySelectorAll('main b, main i, main img, main x, script, iframe, object').length,
    external: Array.from(document.querySelectorAll('[src], link[href], image[href]')).length,
    cjkFont: document.fonts.check('12px "Noto Sans CJK SC"', '中文'),
    ganttBottom: figure ? figure.getBoundingClientRect().bottom + window.scrollY : 0,
  };
})()
"""


def browser_checks(chromium_binary, workdir, plan, hostile_plan, readme_png):
    html = os.path.join(workdir, "report.html")
    source = open(html, encoding="utf-8").read()
    check("report is self-contained", not re.search(r"<script|<link|\bsrc=|@import|url\((?!#)", source, re.I),
          f"{len(source.encode())} bytes, no script, link, src, @import or url() but fragment references")
    browser = cdp.Chromium(chromium_binary)
    try:
        session = browser.open_page("file://" + html, SCREEN_WIDTH, 794)
        facts = browser.evaluate(session, PAGE_FACTS)
        open_standards = [s for s in plan["standards"] if s["status"] != "published"]
        phases = sum(len(s["phases"]) for s in plan["standards"])
        text = squash(facts["text"])
        missing = [s["name"] for s in plan["standards"] if squash(s["name"]) not in text]
        check("every standard's name is on the page", not missing,
              f"{len(plan['standards'])} names ({len(open_standards)} open, {len(plan['standards']) - len(open_standards)} published)"
              + (f"; missing {missing}" if missing else ""))
        check("Gantt bars equal scheduled phases", facts["bars"] == phases, f"{facts['bars']} bars, {phases} phases in plan.json")
        check("nothing outside the page width (screen, A4 landscape width)",
              facts["outsideCount"] == 0 and facts["scrollWidth"] <= facts["width"],
              f"viewport {facts['width']} px, document {facts['scrollWidth']} px wide and {facts['height']} px high, "
              f"{facts['outsideCount']} elements outside {facts['outside']}")
        check("no scripts and no external resources in the DOM", facts["scripts"] == 0 and facts["external"] == 0,
              f"{facts['scripts']} scripts, {facts['external']} external references")
        check("a CJK font is there for the names", facts["cjkFont"], "document.fonts.check for Noto Sans CJK SC")

        # Print: A4 landscape less margins.
        browser.send("Emulation.setEmulatedMedia", {"media": "print"}, session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": PRINT_WIDTH, "height": 700, "deviceScaleFactor": 1, "mobile": False}, session)
        printed = browser.evaluate(session, PAGE_FACTS)
        check("nothing outside the printed page width", printed["outsideCount"] == 0 and printed["scrollWidth"] <= printed["width"],
              f"print media at {printed['width']} px: {printed['outsideCount']} elements outside {printed['outside']}")
        pdf = browser.send("Page.printToPDF", {"landscape": True, "paperWidth": 11.69, "paperHeight": 8.27,
                                               "preferCSSPageSize": True, "printBackground": True}, session)
        pdf_bytes = base64.b64decode(pdf["data"])
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf_bytes))
        check("prints to PDF on A4 landscape", pdf_bytes[:5] == b"%PDF-" and pages >= 1, f"{pages} pages, {len(pdf_bytes)} bytes")

        # Screenshot of the whole page on screen, at half scale to keep the pixel count quick.
        browser.send("Emulation.setEmulatedMedia", {"media": "screen"}, session)
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": SCREEN_WIDTH, "height": 794, "deviceScaleFactor": 1, "mobile": False}, session)
        height = browser.evaluate(session, "document.documentElement.scrollHeight")
        shot = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                       "clip": {"x": 0, "y": 0, "width": SCREEN_WIDTH, "height": height, "scale": 0.5}}, session)
        path = os.path.join(workdir, "report.png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(shot["data"]))
        width, pixels_high, share, colours = png.ink(path)
        check("screenshot is not blank", share > 0.05 and colours > 20,
              f"{width}×{pixels_high} px, {share:.1%} of sampled pixels not white, {colours} distinct colours")
        if readme_png:
            bottom = int(facts["ganttBottom"]) + 12
            top = browser.send("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True,
                                                          "clip": {"x": 0, "y": 0, "width": SCREEN_WIDTH, "height": bottom, "scale": 0.8}}, session)
            with open(readme_png, "wb") as f:
                f.write(base64.b64decode(top["data"]))
            print(f"     wrote {readme_png} ({os.path.getsize(readme_png)} bytes)")

        # Hostile names: text on the page, never markup.
        session = browser.open_page("file://" + os.path.join(workdir, "hostile.html"), SCREEN_WIDTH, 794)
        facts = browser.evaluate(session, PAGE_FACTS)
        names = [hostile_plan["scenario"]] + [s["name"] for s in hostile_plan["standards"]]
        text = squash(facts["text"])
        missing = [repr(n) for n in names if squash(carried(n)) not in text]
        check("hostile names are shown as text", not missing, f"{len(names)} names" + (f"; not found {missing}" if missing else ""))
        check("hostile names inject no element", facts["injected"] == 0 and facts["scripts"] == 0,
              f"{facts['injected']} injected elements, {facts['scripts']} scripts")
        check("hostile names fit the page", facts["outsideCount"] == 0, f"{facts['outsideCount']} elements outside {facts['outside']}")
    finally:
        browser.close()


# ---------------------------------------------------------------------------------------------
# MS Project XML read back with MPXJ.

def mspdi_checks(workdir, plan, name="plan.xml", label=""):
    import jpype
    import mpxj  # noqa: F401  (puts MPXJ's jars on the class path)
    if not jpype.isJVMStarted():
        jpype.startJVM()
    from org.mpxj.reader import UniversalProjectReader
    from org.mpxj import TimeUnit

    project = UniversalProjectReader().read(os.path.join(workdir, name))
    check(f"MPXJ reads the MSPDI file{label}", project is not None, name)
    tasks = {str(t.getText(1)): t for t in project.getTasks() if t.getText(1) is not None}

    def date(value):
        return datetime.date(value.getYear(), value.getMonthValue(), value.getDayOfMonth())

    problems = []
    expected_links = set()
    phase_count = 0
    for standard in plan["standards"]:
        if standard["status"] == "published" or not standard["phases"]:
            continue
        summary = tasks.get(standard["id"])
        if summary is None:
            problems.append(f"no summary task for {standard['id']}")
            continue
        if str(summary.getName()) != carried(standard["name"], "xml"):
            problems.append(f"{standard['id']}: name {str(summary.getName())!r}")
        parent = summary.getParentTask()
        if parent is None or str(parent.getText(1)) != standard["category"] or str(parent.getName()) != standard["category_name"]:
            problems.append(f"{standard['id']}: not under its category {standard['category']}")
        if not summary.getSummary():
            problems.append(f"{standard['id']}: its task is not a summary")
        if standard["target_year"] is not None:
            deadline = summary.getDeadline()
            if deadline is None or date(deadline) != last_weekday(standard["target_year"], 12):
                problems.append(f"{standard['id']}: deadline {deadline}")
        if standard["urgency"] is not None and summary.getPriority().getValue() != 200 + 100 * standard["urgency"]:
            problems.append(f"{standard['id']}: priority {summary.getPriority().getValue()}")
        previous = None
        for phase in standard["phases"]:
            phase_count += 1
            key = f"{standard['id']}/{phase['id']}"
            task = tasks.get(key)
            if task is None:
                problems.append(f"no task {key}")
                continue
            if str(task.getName()) != carried(phase["name"], "xml"):
                problems.append(f"{key}: name {str(task.getName())!r}")
            start, finish = first_weekday(*month(phase["start"])), last_weekday(*month(phase["finish"]))
            if date(task.getStart()) != start or date(task.getFinish()) != finish:
                problems.append(f"{key}: {task.getStart()} – {task.getFinish()}, expected {start} – {finish}")
            if (task.getStart().getHour(), task.getFinish().getHour()) != (8, 17):
                problems.append(f"{key}: times {task.getStart()} – {task.getFinish()}")
            duration = task.getDuration()
            days = duration.convertUnits(TimeUnit.DAYS, project.getProjectProperties()).getDuration()
            if abs(days - weekdays(start, finish)) > 1e-6:
                problems.append(f"{key}: duration {duration}, expected {weekdays(start, finish)} working days")
            if task.getBaselineStart() is None or date(task.getBaselineStart()) != start or date(task.getBaselineFinish()) != finish:
                problems.append(f"{key}: baseline {task.getBaselineStart()} – {task.getBaselineFinish()}")
            if str(task.getParentTask().getText(1)) != standard["id"]:
                problems.append(f"{key}: not under its standard")
            if previous is not None:
                expected_links.add((previous, key, 0.0))
            previous = key
            # Assignments: the lead unit with the phase's unit load, each shared resource it loads.
            assigned = {}
            for assignment in task.getResourceAssignments():
                resource = assignment.getResource()
                assigned[str(resource.getCode())] = assignment.getUnits().doubleValue() / 100
            expected = {standard["lead_unit"]: float(phase["unit_load"])} if standard["lead_unit"] else {}
            expected.update({k: float(v) for k, v in phase["resource_loads"].items()})
            if assigned != expected:
                problems.append(f"{key}: assignments {assigned}, expected {expected}")
    for dependency in plan["dependencies"]:
        if dependency["predecessor_phase"] is None:
            continue
        source = f"{dependency['predecessor']}/{dependency['predecessor_phase']}"
        target = f"{dependency['successor']}/{dependency['successor_phase']}"
        if source in tasks and target in tasks:
            expected_links.add((source, target, float(dependency["lag"])))
    links = set()
    for task in project.getTasks():
        for relation in task.getPredecessors():
            lag = relation.getLag()
            months = lag.convertUnits(TimeUnit.MONTHS, project.getProjectProperties()).getDuration()
            if str(relation.getType()) != "FS":
                problems.append(f"link type {relation.getType()}")
            links.add((str(relation.getPredecessorTask().getText(1)), str(relation.getSuccessorTask().getText(1)), float(months)))
    if links != expected_links:
        problems.append(f"links: missing {sorted(expected_links - links)[:5]}, extra {sorted(links - expected_links)[:5]}")
    # Resources: every unit and shared resource with its capacity.
    resources = {str(r.getCode()): r for r in project.getResources() if r.getCode() is not None}
    for entry in plan["units"] + plan["resources"]:
        resource = resources.get(entry["id"])
        if resource is None:
            problems.append(f"no resource {entry['id']}")
        elif resource.getMaxUnits().doubleValue() != 100 * entry["capacity"] or str(resource.getName()) != carried(entry["name"], "xml"):
            problems.append(f"resource {entry['id']}: {resource.getName()} max units {resource.getMaxUnits()}")
    check(f"MSPDI read back equals plan.json{label}", not problems,
          f"{phase_count} phase tasks (dates, durations, baseline, parents), {len(expected_links)} links with lags, "
          f"{len(plan['units']) + len(plan['resources'])} resources with capacities, assignments per phase"
          + (f"; {len(problems)} differences: {problems[:8]}" if problems else ""))
    return project


def mspdi_schema_order(workdir, name="plan.xml"):
    """Every element is one the MSPDI schema knows, in the order its sequence requires (read from
    MPXJ's JAXB classes of the schema), which MS Project enforces."""
    import xml.etree.ElementTree as ET
    import jpype
    XmlType = jpype.JClass("jakarta.xml.bind.annotation.XmlType")
    XmlElement = jpype.JClass("jakarta.xml.bind.annotation.XmlElement")
    ns = "{http://schemas.microsoft.com/project}"
    cache = {}

    def order(path):
        if path in cache:
            return cache[path]
        cls = jpype.JClass("org.mpxj.mspdi.schema." + "$".join(path)).class_
        names = []
        for field in cls.getAnnotation(XmlType).propOrder():
            annotation = cls.getDeclaredField(field).getAnnotation(XmlElement)
            names.append(str(annotation.name()) if annotation is not None and str(annotation.name()) != "##default" else str(field))
        cache[path] = names
        return names

    problems, elements = [], 0

    def walk(element, path):
        nonlocal elements
        children = list(element)
        if not children:
            return
        try:
            names = order(path)
        except Exception:
            return  # a simple-content element
        last = -1
        for child in children:
            elements += 1
            tag = child.tag.replace(ns, "")
            if tag not in names:
                problems.append(f"{'/'.join(path)}: unknown element {tag}")
                continue
            index = names.index(tag)
            if index < last:
                problems.append(f"{'/'.join(path)}: {tag} out of order")
            last = max(last, index)
            walk(child, path + (tag,))

    root = ET.parse(os.path.join(workdir, name)).getroot()
    walk(root, ("Project",))
    check(f"MSPDI elements follow the schema's order ({name})", not problems,
          f"{elements} elements checked" + (f"; {problems[:5]}" if problems else ""))


# ---------------------------------------------------------------------------------------------
# iCalendar with the icalendar parser.

def ics_checks(workdir, plan, name, later_name=None, label=""):
    import icalendar
    raw = open(os.path.join(workdir, name), "rb").read()
    lines = raw.split(b"\r\n")
    bad = [n for n, line in enumerate(lines[:-1]) if b"\n" in line or b"\r" in line or len(line) > 75]
    try:
        for line in lines:
            line.decode("utf-8")
        split_utf8 = False
    except UnicodeDecodeError:
        split_utf8 = True
    check(f"iCalendar lines: CRLF, folded at 75 octets, no split character{label}",
          raw.endswith(b"\r\n") and not bad and not split_utf8,
          f"{len(lines) - 1} physical lines, longest {max(len(l) for l in lines)} octets" + (f"; bad lines {bad[:5]}" if bad else ""))
    cal = icalendar.Calendar.from_ical(raw)
    events = [e for e in cal.walk("VEVENT")]
    expected = {}
    for standard in plan["standards"]:
        if standard["status"] == "published":
            continue
        for k, phase in enumerate(standard["phases"]):
            name, phase_name = carried(standard["name"], "ics"), carried(phase["name"], "ics")
            last = k == len(standard["phases"]) - 1
            summary = f"Publication ({phase_name}): {name}" if last else f"{phase_name} finishes: {name}"
            expected[summary] = last_weekday(*month(phase["finish"]))
    problems = []
    uids = [str(e["UID"]) for e in events]
    if len(set(uids)) != len(uids):
        problems.append("duplicate UIDs")
    for event in events:
        summary = str(event["SUMMARY"])
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if not isinstance(start, datetime.date) or isinstance(start, datetime.datetime) or end != start + datetime.timedelta(days=1):
            problems.append(f"{summary!r}: not one all-day date")
        if summary not in expected:
            problems.append(f"unexpected event {summary!r}")
        elif start != expected[summary]:
            problems.append(f"{summary!r}: on {start}, expected {expected[summary]}")
    if len(events) != len(expected):
        problems.append(f"{len(events)} events for {len(expected)} phase finishes")
    check(f"icalendar parses every event on the right day{label}", not problems,
          f"{len(events)} all-day events (phase finishes and publications), {len(set(uids))} distinct UIDs"
          + (f"; {problems[:6]}" if problems else ""))
    if later_name:
        later = icalendar.Calendar.from_ical(open(os.path.join(workdir, later_name), "rb").read())
        later_events = {str(e["UID"]): int(e["SEQUENCE"]) for e in later.walk("VEVENT")}
        same = set(later_events) == set(uids)
        newer = all(later_events[str(e["UID"])] > int(e["SEQUENCE"]) for e in events) if same else False
        check("a later export keeps every UID and raises SEQUENCE (re-import updates)", same and newer,
              f"{len(later_events)} UIDs identical across exports dated {DATE} and {LATER}")


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--stdplan", required=True)
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--workdir", required=True)
    parser.add_argument("--readme-png", help="also write the top of the report (header and Gantt chart) here")
    args = parser.parse_args()
    work = args.workdir
    s = args.stdplan
    out = lambda name: os.path.join(work, name)  # noqa: E731
    run(s, "plan", "--format", "json", "--output", out("plan.json"))
    run(s, "report", "--date", DATE, "--output", out("report.html"))
    run(s, "export", "--to", "mspdi", "--date", DATE, "--output", out("plan.xml"))
    run(s, "export", "--to", "ics", "--date", DATE, "--output", out("plan.ics"))
    run(s, "export", "--to", "ics", "--date", LATER, "--output", out("later.ics"))
    run(s, "plan", HOSTILE, "--format", "json", "--output", out("hostile.json"))
    run(s, "report", HOSTILE, "--date", DATE, "--output", out("hostile.html"))
    run(s, "export", "--to", "mspdi", HOSTILE, "--date", DATE, "--output", out("hostile.xml"))
    run(s, "export", "--to", "ics", HOSTILE, "--date", DATE, "--output", out("hostile.ics"))
    plan = json.load(open(out("plan.json"), encoding="utf-8"))
    hostile = json.load(open(out("hostile.json"), encoding="utf-8"))

    browser_checks(args.chromium, work, plan, hostile, args.readme_png)
    mspdi_checks(work, plan)
    mspdi_schema_order(work)
    mspdi_checks(work, hostile, "hostile.xml", " (hostile names)")
    ics_checks(work, plan, "plan.ics", "later.ics")
    ics_checks(work, hostile, "hostile.ics", label=" (hostile names)")
    print(f"check-documents: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
