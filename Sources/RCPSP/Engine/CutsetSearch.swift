/// The exact search that proves the hard instances: the branching scheme of Demeulemeester and
/// Herroelen (1992, 1997) with the engine's propagation as node bound and their cutset dominance.
///
/// A node is a decision point `t`. Every job whose predecessors have finished by `t` joins the
/// jobs in progress; if that overloads a resource, the node branches over the minimal delaying
/// alternatives (minimal sets of jobs, possibly in progress, whose removal resolves the
/// conflict; a delayed job in progress loses its start and is restarted later). The next
/// decision point is the earliest finish among the jobs kept. A node is pruned when the
/// propagator refutes a makespan below the incumbent for the windows it leaves (jobs not yet
/// started may start at the next decision point at the earliest), or when a fully explored
/// node had the same set of started jobs, an earlier decision point and no later finishes
/// (then anything this node can reach, that one could reach no later).
struct CutsetSearch {
    let network: ProjectNetwork
    private var propagator: Propagator
    private let deadline: Deadline
    /// Where the current run stops: `nodes` plus the run's budget.
    private var nodeLimit = Int.max
    /// Makespan of the incumbent; only shorter schedules are searched for.
    private(set) var upper: Int
    private(set) var found: [Int]?
    private(set) var nodes = 0
    private(set) var timedOut = false
    /// A proven lower bound: a schedule this short ends the search at once.
    private let lowerBound: Int
    /// Set when a schedule reached `lowerBound`, or the time or node limit ran out.
    private var halted = false
    /// The tree was exhausted, or a schedule met the lower bound: `upper` is optimal.
    private(set) var complete = false

    /// `starts[job]`, or -1 while the job is not started.
    private var starts: [Int]
    private var scheduled: [UInt64]
    /// Fully explored states by their set of started jobs, packed as `[time, count, job₁, finish₁,
    /// …]` per state, where the pairs are the jobs still in progress at `time` (every other started
    /// job had finished by then, so only these can make a state dominate or not). Packed because
    /// the dominance check runs at every child and dominated most of the search's time when each
    /// state kept an array of all finishes.
    private var cutsets: [[UInt64]: [Int32]] = [:]
    private var storedStates = 0
    private var earliestBuffer: [Int]
    private var latestBuffer: [Int]
    private let maxStoredStates: Int

    init(
        network: ProjectNetwork, incumbent: Int, lowerBound: Int = 0, deadline: Deadline, maxStoredStates: Int = 2_000_000
    ) {
        self.network = network
        self.lowerBound = lowerBound
        propagator = Propagator(network: network)
        self.deadline = deadline
        upper = incumbent
        starts = Array(repeating: -1, count: network.jobCount)
        scheduled = Array(repeating: 0, count: network.words)
        self.maxStoredStates = maxStoredStates
        earliestBuffer = Array(repeating: 0, count: network.jobCount)
        latestBuffer = earliestBuffer
    }

    /// Searches on for at most `budget` more nodes, or until the deadline; true when the tree was
    /// exhausted or a schedule met the lower bound, so that `upper` is optimal.
    ///
    /// A search that ran out of budget can be run again: it starts from the root, but the states
    /// it fully explored before are kept and prune their subtrees at once, so a second run
    /// mostly continues where the first stopped. States are only kept once fully explored, so an
    /// interrupted run leaves nothing unsound behind.
    mutating func run(budget: Int = Int.max) -> Bool {
        if complete { return true }
        nodeLimit = budget >= Int.max - nodes ? Int.max : nodes + budget
        halted = false
        timedOut = false
        visit(time: 0)
        complete = !timedOut
        return complete
    }

    /// Lowers the incumbent to a makespan found elsewhere (by the genetic stages between runs).
    /// States explored under a larger incumbent stay valid: no completion below the larger one
    /// means none below the smaller.
    mutating func tighten(to incumbent: Int) {
        if incumbent < upper { upper = incumbent }
    }

    @inline(__always) private mutating func setStart(_ job: Int, _ value: Int) {
        starts[job] = value
        if value >= 0 {
            scheduled[job / 64] |= 1 << UInt64(job % 64)
        } else {
            scheduled[job / 64] &= ~(1 << UInt64(job % 64))
        }
    }

    private mutating func visit(time t: Int) {
        nodes += 1
        if nodes & 15 == 0, nodes >= nodeLimit || deadline.passed {
            timedOut = true
            halted = true
        }
        if halted { return }
        let net = network
        let n = net.jobCount
        let d = net.durations

        // Start zero-duration jobs that are ready, then collect the eligible ones.
        var startedHere: [Int] = []
        var eligible: [Int] = []
        var progress = true
        while progress {
            progress = false
            eligible.removeAll(keepingCapacity: true)
            for j in 0..<n where starts[j] < 0 {
                var ready = true
                for p in net.predecessors[j] where starts[p] < 0 || starts[p] + d[p] > t {
                    ready = false
                    break
                }
                guard ready else { continue }
                if d[j] == 0 {
                    setStart(j, t)
                    startedHere.append(j)
                    progress = true
                } else {
                    eligible.append(j)
                }
            }
        }
        defer { for j in startedHere { setStart(j, -1) } }

        var inProgress: [Int] = []
        var unscheduled = 0
        for j in 0..<n {
            if starts[j] < 0 {
                unscheduled += 1
            } else if starts[j] + d[j] > t {
                inProgress.append(j)
            }
        }
        if unscheduled == 0 {
            var makespan = 0
            for j in 0..<n { makespan = max(makespan, starts[j] + d[j]) }
            if makespan < upper {
                upper = makespan
                found = starts
                if upper <= lowerBound { halted = true }
            }
            return
        }
        guard !eligible.isEmpty || !inProgress.isEmpty else { return }

        let candidates = inProgress + eligible
        let candidateStarts = candidates.map { starts[$0] }
        /// Puts the alternative's decisions in place (delayed jobs unstarted, the others started
        /// at `t` if they were waiting) and returns the next decision point.
        func apply(_ delayed: UInt64, _ search: inout CutsetSearch) -> Int {
            var next = Int.max
            for (position, j) in candidates.enumerated() {
                if delayed & (1 << UInt64(position)) != 0 {
                    if search.starts[j] >= 0 { search.setStart(j, -1) }
                } else {
                    if search.starts[j] < 0 { search.setStart(j, t) }
                    next = min(next, search.starts[j] + d[j])
                }
            }
            return next
        }
        func undo(_ search: inout CutsetSearch) {
            for (position, j) in candidates.enumerated() where search.starts[j] != candidateStarts[position] {
                search.setStart(j, candidateStarts[position])
            }
        }
        var alternatives = delayingAlternatives(candidates, at: t)
        if alternatives.count > 1 {
            // Nine in ten alternatives lead to a state an explored one dominates (j3013_1: 9.4 of
            // 10.3 million), so those are dropped before the costlier ordering. Dominance only
            // grows while the siblings are explored, so the loop below sees the same children.
            alternatives.removeAll { delayed in
                let next = apply(delayed, &self)
                let skip = next == Int.max || dominated(at: next)
                undo(&self)
                return skip
            }
            // Most promising first (smallest critical-path bound), so good schedules come early.
            if alternatives.count > 1 {
                let keyed = alternatives.map { ($0, criticalPathBound(candidates, delayed: $0, at: t)) }
                alternatives = keyed.sorted { ($0.1, $0.0.nonzeroBitCount, $0.0) < ($1.1, $1.0.nonzeroBitCount, $1.0) }.map(\.0)
            }
        }
        for delayed in alternatives {
            if halted { return }
            let next = apply(delayed, &self)
            if next != Int.max, !dominated(at: next) {
                if bounded(at: next) {
                    visit(time: next)
                }
                // Refuted or fully explored: no completion below the incumbent from this state.
                if !halted { remember(at: next) }
            }
            undo(&self)
        }
    }

    /// Critical-path bound of a delaying alternative: kept jobs keep their starts, delayed and
    /// waiting jobs start at the next decision point at the earliest.
    private func criticalPathBound(_ candidates: [Int], delayed: UInt64, at t: Int) -> Int {
        let d = network.durations
        var next = Int.max
        for (position, j) in candidates.enumerated() where delayed & (1 << UInt64(position)) == 0 {
            next = min(next, (starts[j] >= 0 ? starts[j] : t) + d[j])
        }
        var bound = 0
        for (position, j) in candidates.enumerated() {
            let start = delayed & (1 << UInt64(position)) != 0 ? next : (starts[j] >= 0 ? starts[j] : t)
            bound = max(bound, start + network.tails[j])
        }
        return bound
    }

    /// Minimal sets (bit masks over `candidates`) whose delay removes every overload at `t`;
    /// `[0]` when there is no conflict.
    func delayingAlternatives(_ candidates: [Int], at t: Int) -> [UInt64] {
        let net = network
        let r = net.resourceCount
        var excess = Array(repeating: 0, count: r)
        for j in candidates { for load in net.loads[j] { excess[load.resource] += load.amount } }
        var conflict = false
        for k in 0..<r {
            excess[k] -= net.capacities[k]
            if excess[k] > 0 { conflict = true }
        }
        if !conflict { return [0] }
        let m = candidates.count
        precondition(m < 63, "too many jobs in parallel for the delaying alternatives")
        // Only short resources matter, and only jobs that free some of one can belong to a minimal
        // set. `need[u * width + i]` is what the u-th useful job frees of the i-th short resource;
        // `reach[u * width + i]` what the useful jobs from the u-th on can free together.
        var short: [Int] = []
        for k in 0..<r where excess[k] > 0 { short.append(k) }
        let width = short.count
        var useful: [Int] = []
        var need: [Int] = []
        for p in 0..<m {
            let job = candidates[p]
            var frees = false
            for k in short where net.demand[job * r + k] > 0 { frees = true }
            guard frees else { continue }
            useful.append(p)
            for k in short { need.append(net.demand[job * r + k]) }
        }
        let count = useful.count
        var reach = Array(repeating: 0, count: (count + 1) * width)
        for u in stride(from: count - 1, through: 0, by: -1) {
            for i in 0..<width { reach[u * width + i] = reach[(u + 1) * width + i] + need[u * width + i] }
        }
        var target: [Int] = short.map { excess[$0] }
        var alternatives: [UInt64] = []
        // Depth first over the useful jobs, each taken or left, as an explicit stack of decisions
        // (`taken[u]`): a set stops growing once it frees every excess and is kept if every member
        // is needed, so the sets are exactly the minimal ones. (A breadth-first enumeration by
        // size, which this replaced, spent 90 % of the time on j60 instances with many jobs in
        // parallel checking supersets; a recursive closure over arrays spent a fifth of the
        // search's time on reference counting.)
        need.withUnsafeBufferPointer { need in
        reach.withUnsafeBufferPointer { reach in
        target.withUnsafeMutableBufferPointer { target in
            var freed = [Int](repeating: 0, count: width)
            var taken = [Bool](repeating: false, count: count + 1)
            freed.withUnsafeMutableBufferPointer { freed in
            taken.withUnsafeMutableBufferPointer { taken in
                var u = 0
                var mask: UInt64 = 0
                // `descend` is true while going down; false after a leaf, to backtrack.
                var descend = true
                while true {
                    if descend {
                        var covered = true
                        var hopeless = false
                        for i in 0..<width where freed[i] < target[i] {
                            covered = false
                            if freed[i] + reach[u * width + i] < target[i] {
                                hopeless = true
                                break
                            }
                        }
                        if covered && !hopeless {
                            var minimal = true
                            for v in 0..<u where taken[v] {
                                var needed = false
                                for i in 0..<width where freed[i] - need[v * width + i] < target[i] {
                                    needed = true
                                    break
                                }
                                if !needed {
                                    minimal = false
                                    break
                                }
                            }
                            if minimal { alternatives.append(mask) }
                        }
                        if !covered && !hopeless && u < count {
                            // Take the u-th useful job first.
                            taken[u] = true
                            mask |= 1 << UInt64(useful[u])
                            for i in 0..<width { freed[i] += need[u * width + i] }
                            u += 1
                            continue
                        }
                        descend = false
                    }
                    // Backtrack: undo to the last taken job, then try leaving it out.
                    var resumed = false
                    while u > 0 {
                        u -= 1
                        if taken[u] {
                            taken[u] = false
                            mask &= ~(1 << UInt64(useful[u]))
                            for i in 0..<width { freed[i] -= need[u * width + i] }
                            u += 1
                            descend = true
                            resumed = true
                            break
                        }
                    }
                    if !resumed { break }
                }
            }
            }
        }
        }
        }
        return alternatives
    }

    /// The propagator's verdict on a makespan below the incumbent, with finished jobs fixed, jobs in
    /// progress starting where they started or later, and the others at `next` or later.
    private mutating func bounded(at next: Int) -> Bool {
        let n = network.jobCount
        var earliest = earliestBuffer, latest = latestBuffer
        defer {
            earliestBuffer = earliest
            latestBuffer = latest
        }
        for j in 0..<n {
            if starts[j] >= 0 && starts[j] + network.durations[j] <= next {
                // Finished by the next decision point: final.
                earliest[j] = starts[j]
                latest[j] = starts[j]
            } else if starts[j] >= 0 {
                // In progress: a later conflict may still delay (restart) it, but never earlier.
                earliest[j] = starts[j]
                latest[j] = upper - 1 - network.tails[j]
                if earliest[j] > latest[j] { return false }
            } else {
                earliest[j] = max(next, network.heads[j])
                latest[j] = upper - 1 - network.tails[j]
                if earliest[j] > latest[j] { return false }
            }
        }
        return propagator.propagate(earliest: &earliest, latest: &latest, limit: upper - 1)
    }

    /// Whether an explored state with the same started jobs dominates this one.
    private func dominated(at time: Int) -> Bool {
        guard let packed = cutsets[scheduled] else { return false }
        let d = network.durations
        var i = 0
        outer: while i < packed.count {
            let entryTime = Int(packed[i]), count = Int(packed[i + 1])
            let pairs = i + 2
            i = pairs + 2 * count
            if entryTime > time { continue }
            for p in 0..<count {
                let j = Int(packed[pairs + 2 * p])
                if Int(packed[pairs + 2 * p + 1]) > max(time, starts[j] + d[j]) { continue outer }
            }
            return true
        }
        return false
    }

    private mutating func remember(at time: Int) {
        guard storedStates < maxStoredStates else { return }
        let d = network.durations
        var entry: [Int32] = [Int32(time), 0]
        for j in 0..<network.jobCount where starts[j] >= 0 && starts[j] + d[j] > time {
            entry.append(Int32(j))
            entry.append(Int32(starts[j] + d[j]))
        }
        let count = (entry.count - 2) / 2
        entry[1] = Int32(count)
        guard let old = cutsets[scheduled] else {
            cutsets[scheduled] = entry
            storedStates += 1
            return
        }
        // Drop the states the new one dominates (no earlier, and no job finishing earlier than in
        // the new one; a job missing from an old state's pairs finished by its time), so the
        // lists stay short.
        var kept: [Int32] = []
        kept.reserveCapacity(old.count + entry.count)
        var dropped = 0
        var i = 0
        while i < old.count {
            let oldTime = Int(old[i]), oldCount = Int(old[i + 1])
            let end = i + 2 + 2 * oldCount
            var newDominates = oldTime >= time
            if newDominates {
                for p in 0..<count {
                    let job = entry[2 + 2 * p], finish = Int(entry[3 + 2 * p])
                    var oldFinish = oldTime
                    var q = i + 2
                    while q < end {
                        if old[q] == job { oldFinish = Int(old[q + 1]); break }
                        q += 2
                    }
                    if finish > oldFinish { newDominates = false; break }
                }
            }
            if newDominates {
                dropped += 1
            } else {
                kept.append(contentsOf: old[i..<end])
            }
            i = end
        }
        kept.append(contentsOf: entry)
        storedStates += 1 - dropped
        cutsets[scheduled] = kept
    }
}
