import Foundation
import Scheduling

/// `plan --search-log FILE`: how the search converged, one JSON object per line (JSON Lines), for a
/// planner who wants to see when the first schedule came, how the bound rose and when each level of
/// the objective was proven, and for `Scripts/bench-portfolio`, which reads the times to the first
/// schedule, to a 1 % gap and to each proof from it.
///
/// Each line is one of the planner's progress reports (``PlanProgress``): after the heuristics,
/// during GLPK's search (at most four times a second), after each level and at the end:
///
///     {"seconds":0.412,"stage":"level_done","level":"lateness","best":421,"bound":421,"gap":0,"proven":true}
///
/// `best` and `bound` are the level's values (null before there is one), `gap` their relative gap.
/// Times vary between runs, as `seconds` in the plan's JSON does. The lines are kept in memory and
/// written whole when planning ends, like every other file stdplan writes (never a partial file).
final class SearchLog: @unchecked Sendable {
    // `lines` is guarded by `lock`; @unchecked because the compiler cannot see that.
    private let lock = NSLock()
    private var lines: [String] = []

    /// `handler` followed by this log's own recording.
    func recording(after handler: ProgressHandler?) -> ProgressHandler {
        ProgressHandler { [self] progress in
            handler?.report(progress)
            record(progress)
        }
    }

    /// The log so far, one line per report.
    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return lines.map { $0 + "\n" }.joined()
    }

    private func record(_ progress: PlanProgress) {
        let line = Self.line(progress)
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    /// One report as a JSON object on one line, keys in a fixed order.
    static func line(_ progress: PlanProgress) -> String {
        let stage: String
        switch progress.stage {
        case .heuristic: stage = "heuristic"
        case .searching: stage = "searching"
        case .levelDone: stage = "level_done"
        case .finished(let status): stage = "finished_" + status.rawValue
        }
        let fields = [
            ("seconds", String(format: "%.3f", progress.seconds)),
            ("stage", quoted(stage)),
            ("level", quoted(progress.level)),
            ("best", number(progress.incumbent)),
            ("bound", number(progress.bound)),
            ("gap", progress.gap.map { String(format: "%.6g", $0) } ?? "null"),
            ("proven", progress.proven ? "true" : "false"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// A value as JSON: whole numbers without a fraction, others with enough digits, null when absent
    /// or not finite.
    private static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "null" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6f", value)
    }

    /// Level names and stages are plain ASCII identifiers; quoted without escaping.
    private static func quoted(_ text: String) -> String { "\"" + text + "\"" }
}
