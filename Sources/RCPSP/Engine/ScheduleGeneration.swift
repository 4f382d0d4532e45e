/// Schedule generation schemes on one project network: the serial scheme (jobs in a given
/// order, each at its earliest precedence- and resource-feasible start), the parallel scheme
/// (time moves forward, eligible jobs start in priority order while they fit) and the
/// forward–backward improvement ("double justification", Valls et al. 2005) that shifts every
/// job right and then left and never lengthens a schedule.
struct ScheduleGenerator {
    let network: ProjectNetwork
    /// The same network with precedences reversed, for right-justification.
    let reversedNetwork: ProjectNetwork
    /// Resource use per period, `used[period * resourceCount + resource]`; cleared after each pass.
    private var used: [Int]
    private var touchedUntil = 0
    /// Schedules generated so far (every pass counts one).
    private(set) var generated = 0

    init(network: ProjectNetwork) {
        self.network = network
        reversedNetwork = network.reversed()
        used = Array(repeating: 0, count: (network.horizon + 2) * max(1, network.resourceCount))
    }

    private mutating func clear() {
        let r = network.resourceCount
        for k in 0..<min(used.count, touchedUntil * r) { used[k] = 0 }
        touchedUntil = 0
    }

    /// Serial SGS on `net` (the network or its reverse) in the given precedence-feasible order.
    /// Returns start times; `order` must list every job once with predecessors first.
    private mutating func serial(_ net: ProjectNetwork, order: [Int]) -> [Int] {
        generated += 1
        clear()
        let r = net.resourceCount
        var starts = Array(repeating: 0, count: net.jobCount)
        for j in order {
            var t = 0
            for p in net.predecessors[j] { t = max(t, starts[p] + net.durations[p]) }
            let d = net.durations[j]
            let loads = net.loads[j]
            if d > 0, !loads.isEmpty {
                var tau = t
                while tau < t + d {
                    var fits = true
                    let base = tau * r
                    for load in loads where used[base + load.resource] + load.amount > net.capacities[load.resource] {
                        fits = false
                        break
                    }
                    if fits {
                        tau += 1
                    } else {
                        t = tau + 1
                        tau = t
                    }
                }
                for tau in t..<(t + d) {
                    let base = tau * r
                    for load in loads { used[base + load.resource] += load.amount }
                }
                touchedUntil = max(touchedUntil, t + d)
            }
            starts[j] = t
        }
        return starts
    }

    /// Serial SGS forward in `order` (predecessors first).
    mutating func forward(order: [Int]) -> [Int] { serial(network, order: order) }

    /// Makespan of start times on this network.
    func makespan(_ starts: [Int]) -> Int {
        var m = 0
        for j in 0..<network.jobCount { m = max(m, starts[j] + network.durations[j]) }
        return m
    }

    /// Jobs sorted by start (then finish, then topological rank): a precedence-feasible order.
    func order(byStart starts: [Int]) -> [Int] {
        let d = network.durations, rank = network.rank
        return (0..<network.jobCount).sorted { (a: Int, b: Int) -> Bool in
            if starts[a] != starts[b] { return starts[a] < starts[b] }
            let fa: Int = starts[a] + d[a], fb: Int = starts[b] + d[b]
            if fa != fb { return fa < fb }
            return rank[a] < rank[b]
        }
    }

    /// Double justification: right-justify in order of decreasing finish, then left-justify in
    /// order of increasing start. The result is never longer than `starts`.
    mutating func justify(_ starts: [Int]) -> [Int] {
        let d = network.durations, rank = network.rank
        let rightOrder = (0..<network.jobCount).sorted { (a: Int, b: Int) -> Bool in
            let fa: Int = starts[a] + d[a], fb: Int = starts[b] + d[b]
            if fa != fb { return fa > fb }
            if starts[a] != starts[b] { return starts[a] > starts[b] }
            return rank[a] > rank[b]
        }
        let reversedStarts = serial(reversedNetwork, order: rightOrder)
        var m = 0
        for j in 0..<network.jobCount { m = max(m, reversedStarts[j] + d[j]) }
        let right = (0..<network.jobCount).map { m - reversedStarts[$0] - d[$0] }
        let left = serial(network, order: order(byStart: right))
        return makespan(left) <= makespan(starts) ? left : starts
    }

    /// Repeats double justification while it shortens the schedule.
    mutating func improve(_ starts: [Int]) -> [Int] {
        var current = starts
        var length = makespan(current)
        while true {
            let next = justify(current)
            let nextLength = makespan(next)
            if nextLength >= length { return nextLength == length ? next : current }
            current = next
            length = nextLength
        }
    }

    /// Parallel SGS: at each decision time, eligible jobs start in ascending `priority` while they fit.
    mutating func parallel(priority: [Double]) -> [Int] {
        generated += 1
        clear()
        let net = network
        let n = net.jobCount, r = net.resourceCount
        var starts = Array(repeating: -1, count: n)
        var missing = net.predecessors.map(\.count)
        var readyAt = Array(repeating: 0, count: n)
        var eligible = (0..<n).filter { missing[$0] == 0 }
        var scheduled = 0
        var t = 0
        var finishes: [Int] = []
        while scheduled < n {
            eligible.sort { (priority[$0], $0) < (priority[$1], $1) }
            var rest: [Int] = []
            var startedZero = false
            for j in eligible {
                guard readyAt[j] <= t else {
                    rest.append(j)
                    continue
                }
                let dj = net.durations[j]
                var fits = true
                if dj > 0 {
                    check: for tau in t..<(t + dj) {
                        for load in net.loads[j] where used[tau * r + load.resource] + load.amount > net.capacities[load.resource] {
                            fits = false
                            break check
                        }
                    }
                }
                guard fits else {
                    rest.append(j)
                    continue
                }
                starts[j] = t
                scheduled += 1
                if dj > 0 {
                    for tau in t..<(t + dj) { for load in net.loads[j] { used[tau * r + load.resource] += load.amount } }
                    touchedUntil = max(touchedUntil, t + dj)
                    finishes.append(t + dj)
                }
                for s in net.successors[j] {
                    missing[s] -= 1
                    readyAt[s] = max(readyAt[s], t + dj)
                    if missing[s] == 0 {
                        rest.append(s)
                        if t + dj == t { startedZero = true }
                    }
                }
            }
            eligible = rest
            if startedZero { continue }  // successors of zero-duration jobs may start now
            // Next decision time: the next finish after t, or the next release of an eligible job.
            var next = Int.max
            for f in finishes where f > t { next = min(next, f) }
            for j in eligible where readyAt[j] > t { next = min(next, readyAt[j]) }
            if next == Int.max { next = t + 1 }
            finishes.removeAll { $0 <= t }
            t = next
        }
        return starts
    }
}
