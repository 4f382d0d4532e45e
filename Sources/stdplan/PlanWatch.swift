import Foundation
import Scheduling

/// Turns the planner's progress reports into the status line of a ``TerminalProgress``: for a
/// plan on its own, its best schedule and bound as they improve; for plans solved together
/// (compare, sweep, bottleneck re-solves), how many are done of how many, what each running one
/// has, and a line for each as it ends.
///
/// Reports without a position (`PlanProgress.portfolio` nil) are about plans made one after
/// another, named by `single` in turn (e.g. the baseline, then the re-plan); reports with one
/// are about `names[position]`.
final class PlanWatch: @unchecked Sendable {
    // Every mutable field is guarded by `lock`; @unchecked because the compiler cannot see that.
    private let lock = NSLock()
    private let progress: TerminalProgress
    private let names: [String]
    private let single: [String]
    private var singleDone = 0
    private var latest: [Int: PlanProgress] = [:]
    private var lateness: [Int: Double] = [:]
    private var done = 0
    private var waiting: String?

    /// A watch on `progress` for the plans made together, `names`, and those made one after
    /// another, `single`.
    init(_ progress: TerminalProgress, names: [String], single: [String] = []) {
        self.progress = progress
        self.names = names
        self.single = single
    }

    /// Clears the status line: the report follows.
    func finish() { progress.finish() }

    /// A line that stays above the status line.
    func note(_ text: String) { progress.note(text) }

    /// Says what is happening while no plan reports (e.g. computing shadow prices).
    func waiting(for text: String) {
        lock.lock()
        waiting = text
        let status = statusText()
        lock.unlock()
        progress.update(status)
    }

    /// The handler to put into `PlanOptions.progress`.
    var handler: ProgressHandler { ProgressHandler { [self] in receive($0) } }

    /// The key of a report: its position, or -1 for the plan made on its own.
    private static func key(_ report: PlanProgress) -> Int { report.portfolio ?? -1 }

    private func name(_ key: Int) -> String {
        if key < 0 { return single.isEmpty ? "planning" : single[min(singleDone, single.count - 1)] }
        return key < names.count ? names[key] : "#\(key + 1)"
    }

    private func receive(_ report: PlanProgress) {
        lock.lock()
        let key = Self.key(report)
        waiting = nil
        if report.level == "lateness", report.proven || report.stage == .levelDone, let value = report.incumbent { lateness[key] = value }
        var note: String?
        if case .finished(let status) = report.stage {
            latest[key] = nil
            if key < 0 {
                if single.count > 1 || !names.isEmpty { note = "  \(name(key)): \(Self.outcome(status, report))" }
                singleDone += 1
            } else {
                done += 1
                note = "  [\(done)/\(names.count)] \(name(key)): \(Self.outcome(status, report))"
            }
            lateness[key] = nil
        } else {
            latest[key] = report
        }
        let text = statusText()
        lock.unlock()
        progress.update(text)
        if let note { progress.note(note) }  // drawn after the update, so the line under it is current
    }

    /// The status line; the caller holds the lock.
    private func statusText() -> String {
        var parts: [String] = []
        if let report = latest[-1] { parts.append("\(name(-1)): " + describe(report, lateness: lateness[-1])) }
        if !names.isEmpty, done > 0 || latest.keys.contains(where: { $0 >= 0 }) || latest[-1] == nil {
            var text = "\(done) of \(names.count) done"
            let running = latest.keys.filter { $0 >= 0 }.sorted()
            if !running.isEmpty {
                text += "; " + running.map { "\(name($0)): " + describe(latest[$0]!, lateness: lateness[$0]) }.joined(separator: "; ")
            }
            parts.append(text)
        }
        if let waiting { parts.append(waiting) }
        return parts.isEmpty ? name(-1) : parts.joined(separator: "; ")
    }

    /// A report in words, e.g. "best 288 weighted months late, bound 250, gap 13.2%".
    private func describe(_ report: PlanProgress, lateness proven: Double?) -> String {
        var parts: [String] = []
        if report.level != "lateness", let proven { parts.append("\(Int(proven)) weighted months late, proven") }
        let completion = report.level == "completion"
        let what: String
        switch report.level {
        case "lateness": what = " weighted months late"
        case "completion": what = " to publication"
        case "stability": what = " months moved from the base plan"
        default: what = " objective"
        }
        switch report.stage {
        case .heuristic:
            parts.append("heuristic " + (report.incumbent.map { "\(Int($0))\(what)" } ?? "found nothing"))
        case .searching, .levelDone:
            if report.proven, let value = report.incumbent {
                parts.append("\(Int(value))\(what), proven")
            } else {
                var text = (completion ? "earliest publications: best " : "best ") + (report.incumbent.map { "\(Int($0))" + (completion ? "" : what) } ?? "none yet")
                if let bound = report.bound { text += ", bound \(Int(bound))" }
                if let gap = report.gap { text += String(format: ", gap %.1f%%", gap * 100) }
                parts.append(text)
            }
        case .finished(let status):
            parts.append(status.rawValue)
        }
        return parts.joined(separator: "; ")
    }

    /// One plan's outcome, e.g. "optimal, 421 weighted months late, 2.5 s".
    private static func outcome(_ status: PlanStatus, _ report: PlanProgress) -> String {
        var text = status.rawValue
        if report.level == "lateness", let value = report.incumbent { text += ", \(Int(value)) weighted months late" }
        return text + String(format: ", %.1f s", report.seconds)
    }
}
