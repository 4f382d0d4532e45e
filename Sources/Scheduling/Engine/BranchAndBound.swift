/// The exact search: depth-first branch-and-bound over start times with constraint propagation
/// at every node ("schedule or postpone", Le Pape et al.). The job with the smallest earliest
/// start (ties: smallest latest start) is either started at its earliest start, or postponed:
/// it is then not chosen again until propagation pushes its earliest start later. Some optimal
/// schedule is left-justified, so this misses none. Each schedule found lowers the makespan
/// limit to one below it; when the tree is exhausted the last schedule found (or the one given)
/// is optimal.
struct BranchAndBound {
    let network: ProjectNetwork
    private var propagator: Propagator
    private let deadline: Deadline
    /// Largest makespan still of interest (one below the incumbent's).
    private(set) var limit: Int
    /// Best schedule found by the search (nil if none was better than the incumbent).
    private(set) var found: [Int]?
    private(set) var nodes = 0
    private(set) var timedOut = false
    private let nodeLimit: Int
    /// Whether to run the energetic check at nodes up to this depth.
    private let energeticDepth: Int

    private var earliest: [Int]
    private var latest: [Int]
    /// `postponedAt[job]`: the earliest start when the job was postponed, or -1.
    private var postponedAt: [Int]
    private var depth = 0

    /// Searches for schedules with makespan at most `incumbent - 1`, starting from the given windows.
    init(network: ProjectNetwork, incumbent: Int, earliest: [Int], latest: [Int], deadline: Deadline,
         nodeLimit: Int = Int.max, energeticDepth: Int = 0) {
        self.network = network
        propagator = Propagator(network: network)
        self.deadline = deadline
        limit = incumbent - 1
        self.earliest = earliest
        self.latest = latest
        postponedAt = Array(repeating: -1, count: network.jobCount)
        self.nodeLimit = nodeLimit
        self.energeticDepth = energeticDepth
    }

    /// Runs the search. Returns true when the tree was exhausted (the final limit + 1 is optimal).
    mutating func run() -> Bool {
        dive()
        return !timedOut
    }

    private mutating func dive() {
        nodes += 1
        if nodes & 255 == 0, deadline.passed || nodes >= nodeLimit {
            timedOut = true
        }
        if timedOut { return }
        let savedEarliest = earliest, savedLatest = latest, savedPostponed = postponedAt
        defer {
            earliest = savedEarliest
            latest = savedLatest
            postponedAt = savedPostponed
        }
        guard propagator.propagate(earliest: &earliest, latest: &latest, limit: limit) else { return }
        if depth < energeticDepth, !propagator.energeticCheck(earliest: earliest, latest: latest) { return }

        let n = network.jobCount
        var pick = -1
        var open = false
        for j in 0..<n where earliest[j] < latest[j] {
            open = true
            if postponedAt[j] >= 0 {
                if earliest[j] <= postponedAt[j] {
                    // Postponed jobs must start later than when they were postponed.
                    if latest[j] <= postponedAt[j] { return }
                    continue
                }
                postponedAt[j] = -1
            }
            if pick < 0 || earliest[j] < earliest[pick] || (earliest[j] == earliest[pick] && latest[j] < latest[pick]) {
                pick = j
            }
        }
        guard open else {
            // Every window is a single point, and propagation left no overload: a schedule.
            for j in 0..<n where postponedAt[j] >= 0 && earliest[j] <= postponedAt[j] { return }
            var makespan = 0
            for j in 0..<n { makespan = max(makespan, earliest[j] + network.durations[j]) }
            found = earliest
            limit = makespan - 1
            return
        }
        guard pick >= 0 else { return }
        // Jobs already fixed at a postponed time contradict the postponement.
        for j in 0..<n where postponedAt[j] >= 0 && earliest[j] == latest[j] && earliest[j] <= postponedAt[j] { return }

        depth += 1
        defer { depth -= 1 }
        let start = earliest[pick]
        let beforeLatest = latest[pick]
        latest[pick] = start
        dive()
        if timedOut { return }
        latest[pick] = beforeLatest
        postponedAt[pick] = start
        dive()
    }
}
