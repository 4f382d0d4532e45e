/// Constraint propagation on start-time windows `[earliest, latest]` under a makespan limit:
/// precedences both ways, the time-table rule on compulsory parts (a job whose window is
/// shorter than its duration surely runs in `[latest, earliest + duration)`), and pairwise
/// disjunctions (two jobs that cannot overlap and cannot be ordered one way must go the other).
/// `energeticCheck` adds the energetic-reasoning feasibility test on intervals (Baptiste, Le Pape
/// and Nuijten 1999), which is stronger and costlier; it is used where nodes are few, and so is
/// `shave`, which tries one end of each window at a time (Martin and Shmoys 1996).
///
/// Every rule only removes start times that no schedule within the limit can use, so a failure
/// proves that no such schedule exists below the current decisions.
struct Propagator {
    let network: ProjectNetwork
    /// Resource profile scratch, `profile[resource * length + period]`.
    private var profile: [Int] = []
    private var length = 0

    init(network: ProjectNetwork) {
        self.network = network
    }

    /// Tightens the windows to a fixpoint; false when some window becomes empty or a resource is
    /// overloaded. `limit` is the largest allowed makespan.
    mutating func propagate(earliest: inout [Int], latest: inout [Int], limit: Int) -> Bool {
        let net = network
        let n = net.jobCount
        for j in 0..<n {
            let bound = limit - net.tails[j]
            if latest[j] > bound { latest[j] = bound }
            if earliest[j] > latest[j] { return false }
        }
        var rounds = 0
        while true {
            rounds += 1
            var changed = false
            // Precedences, forward then backward, in topological order.
            for j in net.order {
                var e = earliest[j]
                for p in net.predecessors[j] { e = max(e, earliest[p] + net.durations[p]) }
                if e != earliest[j] {
                    earliest[j] = e
                    changed = true
                }
            }
            for j in net.order.reversed() {
                var l = latest[j]
                for s in net.successors[j] { l = min(l, latest[s] - net.durations[j]) }
                if l != latest[j] {
                    latest[j] = l
                    changed = true
                }
                if earliest[j] > l { return false }
            }
            // Disjunctions.
            for (i, j) in net.disjunctions {
                let di = net.durations[i], dj = net.durations[j]
                let iFirst = earliest[i] + di <= latest[j]
                let jFirst = earliest[j] + dj <= latest[i]
                if !iFirst && !jFirst { return false }
                if !iFirst {
                    if earliest[i] < earliest[j] + dj { earliest[i] = earliest[j] + dj; changed = true }
                    if latest[j] > latest[i] - dj { latest[j] = latest[i] - dj; changed = true }
                    if earliest[i] > latest[i] || earliest[j] > latest[j] { return false }
                } else if !jFirst {
                    if earliest[j] < earliest[i] + di { earliest[j] = earliest[i] + di; changed = true }
                    if latest[i] > latest[j] - di { latest[i] = latest[j] - di; changed = true }
                    if earliest[i] > latest[i] || earliest[j] > latest[j] { return false }
                }
            }
            if changed { continue }
            // Time-table.
            switch timetable(earliest: &earliest, latest: &latest, limit: limit) {
            case .failed: return false
            case .changed: continue
            case .unchanged: return true
            }
        }
    }

    private enum Outcome { case failed, changed, unchanged }

    private mutating func timetable(earliest: inout [Int], latest: inout [Int], limit: Int) -> Outcome {
        let net = network
        let n = net.jobCount, r = net.resourceCount
        let span = max(1, limit + 1)
        if length != span || profile.count != span * r {
            length = span
            profile = Array(repeating: 0, count: span * r)
        } else {
            for k in 0..<profile.count { profile[k] = 0 }
        }
        var any = false
        for j in 0..<n where !net.loads[j].isEmpty {
            let from = latest[j], to = earliest[j] + net.durations[j]
            if from < to {
                any = true
                for load in net.loads[j] {
                    let base = load.resource * span
                    for t in from..<to {
                        profile[base + t] += load.amount
                        if profile[base + t] > net.capacities[load.resource] { return .failed }
                    }
                }
            }
        }
        guard any else { return .unchanged }
        var changed = false
        for j in 0..<n where !net.loads[j].isEmpty && earliest[j] < latest[j] {
            let d = net.durations[j]
            let ownFrom = latest[j], ownTo = earliest[j] + d
            // Earliest start.
            var t = earliest[j]
            scan: while t <= latest[j] {
                for tau in stride(from: t + d - 1, through: t, by: -1) {
                    for load in net.loads[j] {
                        var busy = profile[load.resource * span + tau]
                        if tau >= ownFrom && tau < ownTo { busy -= load.amount }
                        if busy + load.amount > net.capacities[load.resource] {
                            t = tau + 1
                            continue scan
                        }
                    }
                }
                break
            }
            if t > latest[j] { return .failed }
            if t != earliest[j] {
                earliest[j] = t
                changed = true
            }
            // Latest start.
            t = latest[j]
            scan: while t >= earliest[j] {
                for tau in t..<(t + d) {
                    for load in net.loads[j] {
                        var busy = profile[load.resource * span + tau]
                        if tau >= ownFrom && tau < ownTo { busy -= load.amount }
                        if busy + load.amount > net.capacities[load.resource] {
                            t = tau - d
                            continue scan
                        }
                    }
                }
                break
            }
            if t < earliest[j] { return .failed }
            if t != latest[j] {
                latest[j] = t
                changed = true
            }
        }
        return changed ? .changed : .unchanged
    }

    /// Energetic reasoning: for intervals `[a, b)` bounded by window ends, the work that must fall
    /// inside must fit in `capacity × (b − a)`. False when some interval is overloaded.
    func energeticCheck(earliest: [Int], latest: [Int]) -> Bool {
        let net = network
        let n = net.jobCount
        var lefts = Set<Int>(), rights = Set<Int>()
        for j in 0..<n where net.durations[j] > 0 {
            lefts.insert(earliest[j]); lefts.insert(latest[j]); lefts.insert(earliest[j] + net.durations[j])
            rights.insert(latest[j] + net.durations[j]); rights.insert(earliest[j] + net.durations[j]); rights.insert(latest[j])
        }
        let starts = lefts.sorted(), ends = rights.sorted()
        for resource in 0..<net.resourceCount {
            let cap = net.capacities[resource]
            let users = (0..<n).filter { net.durations[$0] > 0 && net.demand[$0 * net.resourceCount + resource] > 0 }
            if users.isEmpty { continue }
            for a in starts {
                for b in ends where b > a {
                    var energy = 0
                    let limit = cap * (b - a)
                    for j in users {
                        let d = net.durations[j]
                        let inside = min(d, b - a, earliest[j] + d - a, b - latest[j])
                        if inside > 0 {
                            energy += inside * net.demand[j * net.resourceCount + resource]
                            if energy > limit { return false }
                        }
                    }
                }
            }
        }
        return true
    }

    /// Shaving: start times are removed from one end of a window when restricting the job to a
    /// range of them at that end (half the window, then a quarter, … down to the single end
    /// value) is refuted by propagation. Repeats over all jobs to a fixpoint; false when a window
    /// becomes empty, which refutes `limit`. Sound because every removed range was refuted within
    /// windows that already hold every schedule within the limit. The deadline only stops it early.
    mutating func shave(earliest: inout [Int], latest: inout [Int], limit: Int, deadline: Deadline) -> Bool {
        let net = network
        func refuted(_ e: [Int], _ l: [Int]) -> Bool {
            var e = e, l = l
            return !propagate(earliest: &e, latest: &l, limit: limit)
        }
        guard propagate(earliest: &earliest, latest: &latest, limit: limit) else { return false }
        var changed = true
        while changed {
            changed = false
            for j in 0..<net.jobCount where net.durations[j] > 0 && earliest[j] < latest[j] {
                if deadline.passed { return true }
                // Low end: is a start in [earliest, earliest + step] impossible?
                var step = (latest[j] - earliest[j]) / 2
                while step >= 0 && earliest[j] <= latest[j] {
                    var l = latest
                    l[j] = min(latest[j], earliest[j] + step)
                    if refuted(earliest, l) {
                        earliest[j] = l[j] + 1
                        changed = true
                        if earliest[j] > latest[j] { return false }
                        guard propagate(earliest: &earliest, latest: &latest, limit: limit) else { return false }
                    } else {
                        if step == 0 { break }
                        step /= 2
                    }
                }
                // High end.
                step = (latest[j] - earliest[j]) / 2
                while step >= 0 && earliest[j] <= latest[j] {
                    var e = earliest
                    e[j] = max(earliest[j], latest[j] - step)
                    if refuted(e, latest) {
                        latest[j] = e[j] - 1
                        changed = true
                        if earliest[j] > latest[j] { return false }
                        guard propagate(earliest: &earliest, latest: &latest, limit: limit) else { return false }
                    } else {
                        if step == 0 { break }
                        step /= 2
                    }
                }
            }
        }
        return true
    }
}
