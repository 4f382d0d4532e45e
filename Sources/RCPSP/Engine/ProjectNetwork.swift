/// An RCPSP instance compiled for the engine: adjacency both ways, a topological rank, the
/// critical-path heads and tails, demands as flat arrays and the transitive precedence closure.
///
/// Everything the heuristics, bounds and search read is precomputed here once per instance.
struct ProjectNetwork: Sendable {
    let instance: RCPSPInstance
    let jobCount: Int
    let resourceCount: Int
    let durations: [Int]
    let successors: [[Int]]
    let predecessors: [[Int]]
    let capacities: [Int]
    /// `demand[job * resourceCount + resource]`.
    let demand: [Int]
    /// Per job, the resources it uses, with amounts.
    let loads: [[(resource: Int, amount: Int)]]
    /// Jobs in topological order and each job's position in it.
    let order: [Int]
    let rank: [Int]
    /// Earliest start by the longest path from the jobs without predecessors.
    let heads: [Int]
    /// Duration plus the longest path from the job's end to the end of the project, so that
    /// `makespan ≥ start + tail` in every schedule.
    let tails: [Int]
    /// Sum of all durations: no job needs to start later than this in a left-justified schedule.
    let horizon: Int
    /// 64-bit words per job in the bit sets below.
    let words: Int
    /// `after[job]` as a bit set: every job that must start after `job` finishes (transitively).
    let after: [UInt64]
    /// `before[job]`: every job that must finish before `job` starts (transitively).
    let before: [UInt64]
    /// Pairs of jobs with positive durations, unrelated by precedence, that can never run in parallel
    /// because together they need more of some resource than there is.
    let disjunctions: [(Int, Int)]

    /// Compiles `instance`, which must have passed ``RCPSPInstance/problems``.
    init(_ instance: RCPSPInstance) {
        self.instance = instance
        let n = instance.jobCount
        let r = instance.resourceCount
        jobCount = n
        resourceCount = r
        durations = instance.durations
        capacities = instance.capacities
        successors = instance.successors.map { Array(Set($0)).sorted() }
        var predecessors = Array(repeating: [Int](), count: n)
        for j in 0..<n { for s in successors[j] { predecessors[s].append(j) } }
        self.predecessors = predecessors
        demand = instance.demands.flatMap { $0 }
        loads = instance.demands.enumerated().map { j, row in
            instance.durations[j] == 0 ? [] : row.enumerated().compactMap { $0.element > 0 ? ($0.offset, $0.element) : nil }
        }
        let order = instance.topologicalOrder ?? Array(0..<n)
        self.order = order
        var rank = Array(repeating: 0, count: n)
        for (position, j) in order.enumerated() { rank[j] = position }
        self.rank = rank
        var heads = Array(repeating: 0, count: n)
        for j in order { for s in successors[j] { heads[s] = max(heads[s], heads[j] + durations[j]) } }
        self.heads = heads
        var tails = durations
        for j in order.reversed() { for s in successors[j] { tails[j] = max(tails[j], durations[j] + tails[s]) } }
        self.tails = tails
        horizon = durations.reduce(0, +)

        let words = (n + 63) / 64
        self.words = words
        var after = Array(repeating: UInt64(0), count: n * words)
        for j in order.reversed() {
            for s in successors[j] {
                after[j * words + s / 64] |= 1 << UInt64(s % 64)
                for w in 0..<words { after[j * words + w] |= after[s * words + w] }
            }
        }
        var before = Array(repeating: UInt64(0), count: n * words)
        for j in 0..<n {
            for k in 0..<n where after[j * words + k / 64] & (1 << UInt64(k % 64)) != 0 {
                before[k * words + j / 64] |= 1 << UInt64(j % 64)
            }
        }
        self.after = after
        self.before = before

        var disjunctions: [(Int, Int)] = []
        for i in 0..<n where durations[i] > 0 {
            for j in (i + 1)..<max(i + 1, n) where durations[j] > 0 {
                let related = after[i * words + j / 64] & (1 << UInt64(j % 64)) != 0
                    || after[j * words + i / 64] & (1 << UInt64(i % 64)) != 0
                if related { continue }
                let caps = instance.capacities
                if (0..<r).contains(where: { instance.demands[i][$0] + instance.demands[j][$0] > caps[$0] }) {
                    disjunctions.append((i, j))
                }
            }
        }
        self.disjunctions = disjunctions
    }

    /// Whether `b` must follow `a` (transitively).
    @inline(__always)
    func precedes(_ a: Int, _ b: Int) -> Bool { after[a * words + b / 64] & (1 << UInt64(b % 64)) != 0 }

    /// Critical-path lower bound on the makespan.
    var criticalPathBound: Int { (0..<jobCount).map { heads[$0] + tails[$0] }.max() ?? 0 }

    /// The same project with every precedence reversed, for backward scheduling.
    func reversed() -> ProjectNetwork {
        ProjectNetwork(RCPSPInstance(
            name: instance.name, durations: durations, successors: predecessors,
            demands: instance.demands, capacities: capacities))
    }
}
