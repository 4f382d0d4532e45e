/// One way in which a schedule breaks an RCPSP instance's rules.
public enum RCPSPViolation: Sendable, Hashable, CustomStringConvertible {
    /// The schedule does not give exactly one start per job.
    case wrongJobCount(expected: Int, got: Int)
    /// A job starts before period 0.
    case negativeStart(job: Int, start: Int)
    /// A successor starts before its predecessor has finished.
    case precedence(predecessor: Int, successor: Int, finish: Int, start: Int)
    /// More of a resource is used in a period than it has.
    case capacity(resource: Int, period: Int, used: Int, capacity: Int)
    /// The stated makespan is not the latest finish.
    case makespan(stated: Int, actual: Int)

    /// Jobs and resources are shown 1-based, as in the PSPLIB files.
    public var description: String {
        switch self {
        case .wrongJobCount(let expected, let got): "\(got) start times for \(expected) jobs"
        case .negativeStart(let job, let start): "job \(job + 1) starts at \(start), before period 0"
        case .precedence(let p, let s, let finish, let start): "job \(s + 1) starts at \(start) before its predecessor \(p + 1) finishes at \(finish)"
        case .capacity(let r, let t, let used, let cap): "resource \(r + 1) is used \(used) > \(cap) in period \(t)"
        case .makespan(let stated, let actual): "the stated makespan \(stated) is not the latest finish \(actual)"
        }
    }
}

/// The independent checker for RCPSP schedules. Deliberately simple and separate from the engine:
/// it reads only the instance and the start times, and counts resource use period by period.
public enum RCPSPValidator {
    /// Every violation of `starts` (one per job; a job runs in periods `start ..< start + duration`),
    /// and of `makespan` if one is stated. Empty means the schedule is feasible.
    public static func violations(of starts: [Int], makespan: Int? = nil, in instance: RCPSPInstance) -> [RCPSPViolation] {
        let n = instance.jobCount
        guard starts.count == n else { return [.wrongJobCount(expected: n, got: starts.count)] }
        var found: [RCPSPViolation] = []
        for j in 0..<n where starts[j] < 0 { found.append(.negativeStart(job: j, start: starts[j])) }
        for j in 0..<n {
            for s in instance.successors[j] where starts[s] < starts[j] + instance.durations[j] {
                found.append(.precedence(predecessor: j, successor: s, finish: starts[j] + instance.durations[j], start: starts[s]))
            }
        }
        let finish = (0..<n).map { starts[$0] + instance.durations[$0] }.max() ?? 0
        if let makespan, makespan != finish { found.append(.makespan(stated: makespan, actual: finish)) }
        if finish > 0 {
            for r in 0..<instance.resourceCount {
                var used = Array(repeating: 0, count: finish)
                for j in 0..<n where starts[j] >= 0 {
                    for t in starts[j]..<(starts[j] + instance.durations[j]) { used[t] += instance.demands[j][r] }
                }
                for t in 0..<finish where used[t] > instance.capacities[r] {
                    found.append(.capacity(resource: r, period: t, used: used[t], capacity: instance.capacities[r]))
                }
            }
        }
        return found
    }
}
