import PlanModel
import Scheduling

/// A TaskJuggler project (`.tjp`, TaskJuggler 3) of a scenario, for scheduling it with
/// TaskJuggler and comparing (`stdplan export --to tjp`, `Scripts/compare-taskjuggler`).
///
/// What is carried over, and how:
/// - A lead unit of capacity c is a group of c resources (its drafting groups); a shared
///   resource of capacity c likewise. A capacity that changes over time becomes leaves of the
///   members above the lower value. TaskJuggler books a resource to one task per time slot, so
///   the number of members is what caps concurrent work, as stdplan's capacity does.
/// - A phase with load is an effort task: it allocates, for each unit of load, one member of its
///   lead unit and of each shared resource it loads, all `mandatory` (booked together or not at
///   all), with effort = months × allocations, so it lasts its months when it is not held up. A
///   phase without load is a `duration` task.
/// - Phase order and the scenario's dependencies are `depends` with `gapduration` for lags; the
///   plan start and earliest starts are `start`; urgency is `priority` (300 … 700).
/// - A phase under way at the plan start is given the months it has left, and the highest
///   priority (1000), since stdplan keeps work under way as a fact.
/// - **The lead unit is fixed to the one stdplan chose** for each standard. TaskJuggler's
///   alternative resources choose per task (per phase), not once per standard, so they cannot
///   express "one lead unit per standard from its candidates".
///
/// What TaskJuggler cannot model: phases that may not be interrupted (TaskJuggler pauses an
/// effort task when its resources are taken by a task of higher priority and resumes it later);
/// months as the unit (it schedules hours and reports dates); and the objective: it places
/// tasks by priority, first come first served, and does not minimise lateness.
///
/// The header carries stdplan's own figures of the same plan, and one `# stdplan-standard` line
/// per standard (task id, target year, urgency weight) for the comparison script to read.
public struct TaskJugglerWriter: Sendable {
    /// What was planned.
    public var portfolio: Portfolio
    /// stdplan's plan of it (the lead units are taken from its schedule).
    public var result: PlanResult

    /// Creates a writer.
    public init(portfolio: Portfolio, result: PlanResult) {
        self.portfolio = portfolio
        self.result = result
    }

    /// The name of the CSV report the project writes: `<name>.csv` (id, start, end of every task).
    public static let resultsReport = "stdplan-results"

    private func q(_ text: String) -> String { "\"" + DocumentEscaping.taskJugglerString(text) + "\"" }

    /// TaskJuggler's date of the first day of `month`.
    private func day(_ month: Month) -> String { "\(month.year)-\(CalendarDay.digits(month.month, 2))-01" }

    /// The project file.
    public func render() -> String {
        let schedule = result.schedule ?? Schedule(standards: [])
        let summary = PlanSummary(portfolio: portfolio, schedule: result.schedule)
        var out = "# TaskJuggler project written by `stdplan export --to tjp` from \"\(DocumentEscaping.taskJugglerString(portfolio.name))\".\n"
        out += "# Lead units are fixed to those stdplan chose; see docs/documents.md for what is and is not modelled.\n"
        out += "# stdplan-figures status=\(result.status.rawValue) on_time=\(summary?.onTime ?? 0) with_target=\(summary?.withTarget ?? 0)"
        out += " weighted_months_late=\(summary?.weightedMonthsLate ?? 0) months_late=\(summary?.monthsLate ?? 0)\n"
        let standardIDs = Dictionary(uniqueKeysWithValues: portfolio.standards.enumerated().map { ($0.element.id, "std\($0.offset + 1)") })
        for (index, standard) in portfolio.standards.enumerated() where standard.isOpen && schedule.entry(for: standard.id) != nil {
            out += "# stdplan-standard task=std\(index + 1) target=\(standard.targetYear.map(String.init) ?? "none")"
            out += " weight=\(portfolio.weights.weight(urgency: standard.urgency)) id=\(Self.plain(standard.id.rawValue))\n"
        }
        let end = projectEnd
        out += "project stdplan \(q(portfolio.name)) \(day(portfolio.planStart)) - \(day(end)) {\n"
        out += "  timezone \"UTC\"\n  timingresolution 60min\n  now \(day(portfolio.planStart))\n}\n\n"
        out += resources(schedule: schedule)
        out += "\n"
        var phaseTask: [StandardID: [PhaseID: String]] = [:]
        for (index, standard) in portfolio.standards.enumerated() where standard.isOpen {
            guard let entry = schedule.entry(for: standard.id), let first = standard.firstOpenPhaseIndex else { continue }
            for k in first..<standard.phases.count { phaseTask[standard.id, default: [:]][standard.phases[k].id] = "std\(index + 1).ph\(k + 1)" }
            out += task(standard, index: index, entry: entry, first: first)
        }
        out += dependencies(phaseTask: phaseTask, standardIDs: standardIDs)
        out += "\ntaskreport \(Self.resultsReport.replacingOccurrences(of: "-", with: "_")) \"\(Self.resultsReport)\" {\n"
        out += "  formats csv\n  columns id, start, end\n  timeformat \"%Y-%m-%d %H:%M\"\n  hideresource 1\n}\n"
        return out
    }

    /// The project's end: room beyond the horizon, since TaskJuggler stops with an error when work
    /// does not fit, but no later than TaskJuggler's last year (2035).
    private var projectEnd: Month { Month(year: min(portfolio.horizonEnd.year + 15, 2035), month: 1) }

    /// Members a capacity needs: its largest value over time.
    static func groupSize(_ capacity: CapacityProfile) -> Int { max(0, ([capacity.initial] + capacity.changes.map(\.value)).max() ?? 0) }

    /// Members of `id`'s group: `<prefix>_1` … `<prefix>_<n>`.
    private func members(_ prefix: String, _ count: Int) -> [String] { (0..<count).map { "\(prefix)_\($0 + 1)" } }

    private func unitPrefix(_ index: Int) -> String { "unit\(index + 1)" }
    private func resourcePrefix(_ index: Int) -> String { "res\(index + 1)" }

    private func resources(schedule: Schedule) -> String {
        var out = ""
        func group(_ prefix: String, _ name: String, _ capacity: CapacityProfile) {
            out += "resource \(prefix) \(q(name)) {\n"
            for (k, member) in members(prefix, Self.groupSize(capacity)).enumerated() {
                out += "  resource \(member) \(q("\(name) \(k + 1)"))"
                let leaves = leaves(capacity, member: k + 1)
                out += leaves.isEmpty ? "\n" : " {\n" + leaves.map { "    leaves project \($0)\n" }.joined() + "  }\n"
            }
            out += "}\n"
        }
        for (index, unit) in portfolio.units.enumerated() { group(unitPrefix(index), unit.name, unit.capacity) }
        for (index, resource) in portfolio.resources.enumerated() { group(resourcePrefix(index), resource.name, resource.capacity) }
        return out
    }

    /// The periods in which member `k` (1-based) is not there: where the capacity is below `k`.
    private func leaves(_ capacity: CapacityProfile, member k: Int) -> [String] {
        var periods: [String] = []
        var month = portfolio.planStart
        let last = projectEnd
        var start: Month?
        while month < last {
            let away = capacity.capacity(in: month) < k
            if away, start == nil { start = month }
            if !away, let s = start { periods.append("\(day(s)) - \(day(month))"); start = nil }
            // Capacities change only at their change months: jump to the next one.
            let next = capacity.changes.map(\.from).filter { $0 > month }.min() ?? last
            month = next
        }
        if let s = start { periods.append("\(day(s)) - \(day(last))") }
        return periods
    }

    private func task(_ standard: Standard, index: Int, entry: StandardSchedule, first: Int) -> String {
        var out = "task std\(index + 1) \(q(standard.name)) {\n"
        out += "  priority \(MSPDIWriter.priority(urgency: standard.urgency))\n"
        var start = max(portfolio.planStart, standard.earliestStart ?? portfolio.planStart)
        // A dependency on work published before the plan releases the standard a month after
        // publication (plus the lag); applied to the standard as a whole.
        for dependency in portfolio.resolvedDependencies where portfolio.standards[dependency.successor].id == standard.id {
            if case .publishedIn(let month) = dependency.predecessor { start = max(start, month + 1 + dependency.lag) }
        }
        out += "  start \(day(start))\n"
        let unitIndex = entry.leadUnit.flatMap { id in portfolio.units.firstIndex { $0.id == id } }
        for k in first..<standard.phases.count {
            let phase = standard.phases[k]
            let months = standard.plannedMonths(ofPhaseAt: k, planStart: portfolio.planStart)
            // Under way since before the plan start: only what is left of it.
            let left: Int
            if case .inProgress(_, let since) = standard.status, k == first { left = max(1, since + months - portfolio.planStart) } else { left = months }
            out += "  task ph\(k + 1) \(q(phase.name)) {\n"
            if k > first { out += "    depends !ph\(k)\n" }
            // Work under way at the plan start is a fact stdplan keeps: it goes first here too.
            if k == first, case .inProgress = standard.status { out += "    priority 1000\n" }
            var allocations: [String] = []
            if let unitIndex, phase.unitLoad > 0 {
                let group = members(unitPrefix(unitIndex), Self.groupSize(portfolio.units[unitIndex].capacity))
                allocations += Array(repeating: allocation(group), count: phase.unitLoad)
            }
            for load in phase.resourceLoads where load.amount > 0 {
                guard let r = portfolio.resources.firstIndex(where: { $0.id == load.resource }) else { continue }
                let group = members(resourcePrefix(r), Self.groupSize(portfolio.resources[r].capacity))
                allocations += Array(repeating: allocation(group), count: load.amount)
            }
            if allocations.isEmpty || allocations.contains("") {
                out += "    duration \(left)m\n"
            } else {
                out += "    effort \(left * allocations.count)m\n"
                out += "    allocate " + allocations.joined(separator: ", ") + "\n"
            }
            out += "  }\n"
        }
        return out + "}\n"
    }

    /// One allocation of any member of `group`, booked together with the task's other allocations
    /// (`mandatory`); empty when the group has no member. Not `persistent`: capacity is a count of
    /// interchangeable slots, and a persistent choice would wait for one busy member while another
    /// is free.
    private func allocation(_ group: [String]) -> String {
        guard let first = group.first else { return "" }
        let alternatives = group.dropFirst()
        return "\(first) { " + (alternatives.isEmpty ? "" : "alternative \(alternatives.joined(separator: ", ")) ") + "mandatory select order }"
    }

    private func dependencies(phaseTask: [StandardID: [PhaseID: String]], standardIDs: [StandardID: String]) -> String {
        var out = ""
        for dependency in portfolio.dependencies {
            guard let document = PlanDocument.DependencyEntry(dependency: dependency, in: portfolio),
                  let predecessorPhase = document.predecessorPhase,
                  let from = phaseTask[StandardID(document.predecessor)]?[PhaseID(predecessorPhase)],
                  let to = phaseTask[StandardID(document.successor)]?[PhaseID(document.successorPhase)]
            else { continue }
            out += "supplement task \(to) {\n  depends \(from)" + (document.lag > 0 ? " { gapduration \(document.lag)m }" : "") + "\n}\n"
        }
        return out
    }

    /// `text` with anything but ASCII letters, digits, `-` and `_` replaced by `_`, for comments.
    static func plain(_ text: String) -> String {
        String(text.unicodeScalars.map { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_")) ? Character($0) : "_" })
    }
}
