import PlanModel
import Scheduling

/// Microsoft Project XML (MSPDI, namespace `http://schemas.microsoft.com/project`) of a plan,
/// for MS Project, ProjectLibre and every tool built on MPXJ (`stdplan export --to mspdi`).
///
/// - Tasks: the project summary (UID 0); a summary task per category and per standard; a task
///   per scheduled phase with its duration. Work published before the plan is left out.
///   Each task's stdplan id is in the custom field Text1 (alias "stdplan id"): the category id,
///   the standard id, or `standard/phase` for a phase.
/// - Links: finish-to-start from each phase to the next of its standard, and for every
///   dependency of the scenario from the predecessor's phase to the phase that waits, with its lag in months (MS Project's `mo`, 20 working days each).
/// - Dates follow ``WorkingCalendar``; each phase is pinned with "start no earlier than" its
///   planned day, so a tool that reschedules keeps the plan's dates (capacity is stdplan's
///   business: MS Project does not level unless asked).
/// - Each standard's summary has a deadline at the end of its target year; urgency is the
///   task priority (300 for one star … 700 for five).
/// - Resources: each lead unit and shared resource, its capacity as maximum units (1 = 100 %),
///   changes of capacity as availability periods. Every phase is assigned to its standard's lead
///   unit with the phase's unit load as units (0 where the drafting group is not at work, so the
///   lead unit is never lost), and to each shared resource it loads.
/// - The plan is saved as baseline 0 of every task and assignment.
///
/// Element order follows the MSPDI schema's sequences, which MS Project enforces.
public struct MSPDIWriter: Sendable {
    /// What was planned.
    public var portfolio: Portfolio
    /// The schedule to write (a plan with a schedule).
    public var schedule: Schedule
    /// The date the file is created, YYYY-MM-DD.
    public var date: String

    /// Creates a writer.
    public init(portfolio: Portfolio, schedule: Schedule, date: String) {
        self.portfolio = portfolio
        self.schedule = schedule
        self.date = date
    }

    /// MS Project's field id of the task custom field Text1.
    static let text1FieldID = "188743731"

    private struct TaskRecord {
        var uid: Int
        var name: String
        var stdplanID: String
        var outline: String
        var start: CalendarDay
        var finish: CalendarDay
        var summary: Bool
        var priority = 500
        var deadline: CalendarDay?
        var constrained = false
        var actualStart: CalendarDay?
        var percentComplete = 0
        var links: [(predecessor: Int, lagMonths: Int)] = []
        var notes: String?
    }

    private struct AssignmentRecord {
        var task: Int
        var resource: Int
        var units: Int
    }

    /// The XML document.
    public func render() -> String {
        let (tasks, assignments, resources) = build()
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        out += "<Project xmlns=\"http://schemas.microsoft.com/project\">\n"
        let projectStart = tasks.map(\.start).min() ?? WorkingCalendar.firstWorkingDay(of: portfolio.planStart)
        let projectFinish = tasks.map(\.finish).max() ?? projectStart
        out += element("SaveVersion", "14")
        out += element("Name", portfolio.name + ".xml")
        out += element("Title", portfolio.name)
        out += element("Author", "stdplan")
        out += element("CreationDate", "\(date)T00:00:00")
        out += element("ScheduleFromStart", "1")
        out += element("StartDate", Self.start(projectStart))
        out += element("FinishDate", Self.finish(projectFinish))
        out += element("CalendarUID", "1")
        out += element("DefaultStartTime", "08:00:00")
        out += element("DefaultFinishTime", "17:00:00")
        out += element("MinutesPerDay", "\(WorkingCalendar.hoursPerDay * 60)")
        out += element("MinutesPerWeek", "\(WorkingCalendar.hoursPerDay * 60 * 5)")
        out += element("DaysPerMonth", "\(Self.daysPerMonth)")
        out += element("DefaultTaskType", "1")  // fixed duration: a phase takes its months whatever is assigned
        out += element("DurationFormat", "7")   // days
        out += element("WorkFormat", "2")       // hours
        out += element("HonorConstraints", "1")
        out += element("NewTasksEffortDriven", "0")
        out += element("CurrentDate", Self.start(WorkingCalendar.firstWorkingDay(of: portfolio.planStart)))
        out += "<ExtendedAttributes><ExtendedAttribute><FieldID>\(Self.text1FieldID)</FieldID><FieldName>Text1</FieldName>"
        out += "<Alias>stdplan id</Alias></ExtendedAttribute></ExtendedAttributes>\n"
        out += calendar()
        out += "<Tasks>\n"
        for (id, task) in tasks.enumerated() { out += self.task(task, id: id) }
        out += "</Tasks>\n<Resources>\n"
        for resource in resources { out += resource }
        out += "</Resources>\n<Assignments>\n"
        for (uid, assignment) in assignments.enumerated() {
            guard let task = tasks.first(where: { $0.uid == assignment.task }) else { continue }
            out += self.assignment(assignment, uid: uid + 1, task: task)
        }
        out += "</Assignments>\n</Project>\n"
        return out
    }

    /// MS Project's month for lags and month durations.
    static let daysPerMonth = 20

    // MARK: Building the records

    private func build() -> (tasks: [TaskRecord], assignments: [AssignmentRecord], resources: [String]) {
        var tasks: [TaskRecord] = []
        var assignments: [AssignmentRecord] = []
        var uid = 0
        func nextUID() -> Int { uid += 1; return uid }

        // Resources: units, then shared resources.
        var unitUID: [UnitID: Int] = [:], resourceUID: [ResourceID: Int] = [:]
        var resources: [String] = []
        var resourceNumber = 0
        for unit in portfolio.units {
            resourceNumber += 1
            unitUID[unit.id] = resourceNumber
            resources.append(resource(uid: resourceNumber, id: unit.id.rawValue, name: unit.name, group: "lead unit", capacity: unit.capacity))
        }
        for shared in portfolio.resources {
            resourceNumber += 1
            resourceUID[shared.id] = resourceNumber
            resources.append(resource(uid: resourceNumber, id: shared.id.rawValue, name: shared.name, group: "shared resource", capacity: shared.capacity))
        }

        // Categories in the order the scenario first names them.
        var categories: [CategoryLabel] = []
        for standard in portfolio.standards where standard.isOpen && !categories.contains(CategoryLabel.of(standard)) {
            categories.append(CategoryLabel.of(standard))
        }
        var phaseUID: [StandardID: [PhaseID: Int]] = [:]
        let root = TaskRecord(uid: 0, name: portfolio.name, stdplanID: "", outline: "0", start: CalendarDay(serial: 0), finish: CalendarDay(serial: 0), summary: true)
        tasks.append(root)
        for (c, category) in categories.enumerated() {
            let categoryIndex = tasks.count
            tasks.append(TaskRecord(uid: nextUID(), name: category.name, stdplanID: category.id, outline: "\(c + 1)",
                                    start: CalendarDay(serial: 0), finish: CalendarDay(serial: 0), summary: true))
            var s = 0
            for standard in portfolio.standards where CategoryLabel.of(standard) == category {
                // Work published before the plan is not part of it (it would stretch the project back by years).
                guard standard.isOpen, let entry = schedule.entry(for: standard.id), !entry.phases.isEmpty else { continue }
                s += 1
                let outline = "\(c + 1).\(s)"
                let summaryIndex = tasks.count
                var summary = TaskRecord(uid: nextUID(), name: standard.name, stdplanID: standard.id.rawValue, outline: outline,
                                         start: CalendarDay(serial: 0), finish: CalendarDay(serial: 0), summary: true)
                summary.priority = Self.priority(urgency: standard.urgency)
                summary.deadline = standard.deadline.map(WorkingCalendar.lastWorkingDay(of:))
                if let unit = entry.leadUnit {
                    summary.notes = "lead unit: \(portfolio.unit(unit)?.name ?? unit.rawValue); urgency \(standard.urgency) of 5"
                        + (standard.targetYear.map { "; target: published by the end of \($0)" } ?? "")
                }
                tasks.append(summary)
                var previous: Int?
                for (p, dated) in entry.phases.enumerated() {
                    let phase = standard.phases.first { $0.id == dated.phase }
                    var record = TaskRecord(uid: nextUID(), name: phase?.name ?? dated.phase.rawValue,
                                            stdplanID: "\(standard.id.rawValue)/\(dated.phase.rawValue)", outline: "\(outline).\(p + 1)",
                                            start: WorkingCalendar.firstWorkingDay(of: dated.start), finish: WorkingCalendar.lastWorkingDay(of: dated.finish),
                                            summary: false)
                    record.priority = summary.priority
                    record.constrained = true
                    if dated.start < portfolio.planStart {
                        // Under way when the plan starts: a fact, with the share of its months already worked.
                        record.actualStart = record.start
                        record.percentComplete = min(99, (portfolio.planStart - dated.start) * 100 / max(dated.months, 1))
                    }
                    if let previous { record.links.append((previous, 0)) }
                    previous = record.uid
                    phaseUID[standard.id, default: [:]][dated.phase] = record.uid
                    if let unit = entry.leadUnit, let r = unitUID[unit] {
                        assignments.append(AssignmentRecord(task: record.uid, resource: r, units: phase?.unitLoad ?? 0))
                    }
                    for load in phase?.resourceLoads ?? [] where load.amount > 0 {
                        if let r = resourceUID[load.resource] { assignments.append(AssignmentRecord(task: record.uid, resource: r, units: load.amount)) }
                    }
                    tasks.append(record)
                }
                let children = tasks[(summaryIndex + 1)...]
                tasks[summaryIndex].start = children.map(\.start).min() ?? tasks[summaryIndex].start
                tasks[summaryIndex].finish = children.map(\.finish).max() ?? tasks[summaryIndex].finish
            }
            let children = tasks[(categoryIndex + 1)...]
            tasks[categoryIndex].start = children.map(\.start).min() ?? CalendarDay(serial: 0)
            tasks[categoryIndex].finish = children.map(\.finish).max() ?? CalendarDay(serial: 0)
        }
        let all = tasks.dropFirst()
        tasks[0].start = all.map(\.start).min() ?? WorkingCalendar.firstWorkingDay(of: portfolio.planStart)
        tasks[0].finish = all.map(\.finish).max() ?? tasks[0].start

        // The scenario's dependencies, on the tasks they connect.
        for dependency in portfolio.dependencies {
            guard let document = PlanDocument.DependencyEntry(dependency: dependency, in: portfolio),
                  let successor = phaseUID[StandardID(document.successor)]?[PhaseID(document.successorPhase)]
            else { continue }
            // A dependency on work published before the plan, or on a phase finished before it, is met already.
            guard let phase = document.predecessorPhase, let predecessor = phaseUID[StandardID(document.predecessor)]?[PhaseID(phase)],
                  let index = tasks.firstIndex(where: { $0.uid == successor }) else { continue }
            tasks[index].links.append((predecessor, document.lag))
        }
        return (tasks, assignments, resources)
    }

    /// Task priority for an urgency of 1–5 stars: 300 … 700 around MS Project's default 500.
    static func priority(urgency: Int) -> Int { 200 + 100 * min(max(urgency, 1), 5) }

    // MARK: Elements

    private func element(_ name: String, _ value: String) -> String { "<\(name)>\(DocumentEscaping.xml(value))</\(name)>\n" }

    static func start(_ day: CalendarDay) -> String { "\(day.iso)T08:00:00" }
    static func finish(_ day: CalendarDay) -> String { "\(day.iso)T17:00:00" }

    /// Working time from `start` 08:00 to `finish` 17:00, as an ISO 8601 duration of hours.
    static func duration(_ start: CalendarDay, _ finish: CalendarDay) -> String {
        "PT\(workingDays(start, finish) * WorkingCalendar.hoursPerDay)H0M0S"
    }

    static func workingDays(_ start: CalendarDay, _ finish: CalendarDay) -> Int {
        guard finish >= start else { return 0 }
        return (start.serial...finish.serial).reduce(0) { $0 + (CalendarDay(serial: $1).isWeekday ? 1 : 0) }
    }

    private func calendar() -> String {
        var out = "<Calendars><Calendar><UID>1</UID><Name>Standard</Name><IsBaseCalendar>1</IsBaseCalendar><BaseCalendarUID>-1</BaseCalendarUID><WeekDays>"
        for day in 1...7 {
            if day == 1 || day == 7 {
                out += "<WeekDay><DayType>\(day)</DayType><DayWorking>0</DayWorking></WeekDay>"
            } else {
                out += "<WeekDay><DayType>\(day)</DayType><DayWorking>1</DayWorking><WorkingTimes>"
                out += "<WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>"
                out += "<WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes></WeekDay>"
            }
        }
        return out + "</WeekDays></Calendar></Calendars>\n"
    }

    private func task(_ task: TaskRecord, id: Int) -> String {
        var out = "<Task>"
        let duration = Self.duration(task.start, task.finish)
        let start = Self.start(task.start), finish = Self.finish(task.finish)
        out += "<UID>\(task.uid)</UID><ID>\(id)</ID><Name>\(DocumentEscaping.xml(task.name))</Name><Type>1</Type><IsNull>0</IsNull>"
        out += "<CreateDate>\(date)T00:00:00</CreateDate><OutlineNumber>\(task.outline)</OutlineNumber>"
        out += "<OutlineLevel>\(task.outline == "0" ? 0 : task.outline.split(separator: ".").count)</OutlineLevel><Priority>\(task.priority)</Priority>"
        out += "<Start>\(start)</Start><Finish>\(finish)</Finish><Duration>\(duration)</Duration><DurationFormat>7</DurationFormat>"
        out += "<Milestone>0</Milestone><Summary>\(task.summary ? 1 : 0)</Summary>"
        out += "<PercentComplete>\(task.percentComplete)</PercentComplete>"
        if let actual = task.actualStart { out += "<ActualStart>\(Self.start(actual))</ActualStart>" }
        out += task.constrained ? "<ConstraintType>4</ConstraintType><ConstraintDate>\(start)</ConstraintDate>" : "<ConstraintType>0</ConstraintType>"
        if let deadline = task.deadline { out += "<Deadline>\(Self.finish(deadline))</Deadline>" }
        if let notes = task.notes { out += "<Notes>\(DocumentEscaping.xml(notes))</Notes>" }
        for link in task.links {
            // LinkLag is in tenths of a minute; format 11 shows it in months.
            let lag = link.lagMonths * Self.daysPerMonth * WorkingCalendar.hoursPerDay * 60 * 10
            out += "<PredecessorLink><PredecessorUID>\(link.predecessor)</PredecessorUID><Type>1</Type><CrossProject>0</CrossProject>"
            out += "<LinkLag>\(lag)</LinkLag><LagFormat>11</LagFormat></PredecessorLink>"
        }
        if task.uid != 0 {
            out += "<ExtendedAttribute><FieldID>\(Self.text1FieldID)</FieldID><Value>\(DocumentEscaping.xml(task.stdplanID))</Value></ExtendedAttribute>"
        }
        out += "<Baseline><Number>0</Number><Start>\(start)</Start><Finish>\(finish)</Finish><Duration>\(duration)</Duration>"
        out += "<DurationFormat>7</DurationFormat><EstimatedDuration>0</EstimatedDuration></Baseline>"
        return out + "</Task>\n"
    }

    private func resource(uid: Int, id: String, name: String, group: String, capacity: CapacityProfile) -> String {
        var out = "<Resource><UID>\(uid)</UID><ID>\(uid)</ID><Name>\(DocumentEscaping.xml(name))</Name><Type>1</Type><IsNull>0</IsNull>"
        out += "<Code>\(DocumentEscaping.xml(id))</Code><Group>\(DocumentEscaping.xml(group))</Group><MaxUnits>\(Self.units(capacity.initial))</MaxUnits>"
        if !capacity.changes.isEmpty {
            out += "<AvailabilityPeriods>"
            var from = WorkingCalendar.firstWorkingDay(of: portfolio.planStart)
            var value = capacity.initial
            for change in capacity.changes {
                let to = WorkingCalendar.lastWorkingDay(of: change.from - 1)
                if to >= from {
                    out += "<AvailabilityPeriod><AvailableFrom>\(Self.start(from))</AvailableFrom><AvailableTo>\(Self.finish(to))</AvailableTo>"
                    out += "<AvailableUnits>\(Self.units(value))</AvailableUnits></AvailabilityPeriod>"
                }
                from = WorkingCalendar.firstWorkingDay(of: change.from)
                value = change.value
            }
            let end = WorkingCalendar.lastWorkingDay(of: portfolio.horizonEnd)
            out += "<AvailabilityPeriod><AvailableFrom>\(Self.start(from))</AvailableFrom><AvailableTo>\(Self.finish(end))</AvailableTo>"
            out += "<AvailableUnits>\(Self.units(value))</AvailableUnits></AvailabilityPeriod></AvailabilityPeriods>"
        }
        return out + "</Resource>\n"
    }

    private func assignment(_ assignment: AssignmentRecord, uid: Int, task: TaskRecord) -> String {
        let hours = Self.workingDays(task.start, task.finish) * WorkingCalendar.hoursPerDay * assignment.units
        let work = "PT\(hours)H0M0S"
        var out = "<Assignment><UID>\(uid)</UID><TaskUID>\(assignment.task)</TaskUID><ResourceUID>\(assignment.resource)</ResourceUID>"
        out += "<Finish>\(Self.finish(task.finish))</Finish><Start>\(Self.start(task.start))</Start>"
        out += "<Units>\(Self.units(assignment.units))</Units><Work>\(work)</Work>"
        out += "<Baseline><Number>0</Number><Start>\(Self.start(task.start))</Start><Finish>\(Self.finish(task.finish))</Finish><Work>\(work)</Work></Baseline>"
        return out + "</Assignment>\n"
    }

    /// Units as MSPDI writes them: 1 is 100 %.
    static func units(_ value: Int) -> String { "\(value)" }
}
