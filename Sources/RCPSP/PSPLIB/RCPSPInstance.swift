/// A single-mode resource-constrained project scheduling problem (RCPSP): jobs with fixed
/// durations and per-period demands on renewable resources, finish–start precedences, and the
/// goal of a short makespan. Jobs are numbered from 0; PSPLIB's dummy source and sink are
/// ordinary jobs of duration 0 here.
public struct RCPSPInstance: Sendable, Hashable {
    /// Name shown in reports, e.g. `j301_1`.
    public var name: String
    /// Duration of every job, in periods.
    public var durations: [Int]
    /// Direct successors of every job: `start(successor) ≥ start(job) + duration(job)`.
    public var successors: [[Int]]
    /// Per-period demand of every job on every resource: `demands[job][resource]`.
    public var demands: [[Int]]
    /// Per-period capacity of every resource.
    public var capacities: [Int]

    /// Creates an instance; ``RCPSPInstance/problems`` lists what makes it unusable.
    public init(name: String, durations: [Int], successors: [[Int]], demands: [[Int]], capacities: [Int]) {
        self.name = name
        self.durations = durations
        self.successors = successors
        self.demands = demands
        self.capacities = capacities
    }

    /// Number of jobs, dummies included.
    public var jobCount: Int { durations.count }
    /// Number of renewable resources.
    public var resourceCount: Int { capacities.count }

    /// Structural problems (sizes that disagree, negative numbers, a job demanding more than a
    /// resource's capacity, a precedence cycle); empty when the instance can be scheduled.
    public var problems: [String] {
        var found: [String] = []
        let n = jobCount
        if successors.count != n { found.append("\(successors.count) successor lists for \(n) jobs") }
        if demands.count != n { found.append("\(demands.count) demand rows for \(n) jobs") }
        for (r, c) in capacities.enumerated() where c < 0 { found.append("resource \(r + 1) has negative capacity \(c)") }
        for j in 0..<n {
            if durations[j] < 0 { found.append("job \(j + 1) has negative duration \(durations[j])") }
            if j < demands.count {
                if demands[j].count != resourceCount {
                    found.append("job \(j + 1) has \(demands[j].count) demands for \(resourceCount) resources")
                } else {
                    for (r, d) in demands[j].enumerated() {
                        if d < 0 { found.append("job \(j + 1) has negative demand \(d) on resource \(r + 1)") }
                        if d > capacities[r] && durations[j] > 0 {
                            found.append("job \(j + 1) demands \(d) of resource \(r + 1), whose capacity is \(capacities[r])")
                        }
                    }
                }
            }
            if j < successors.count {
                for s in successors[j] where !(0..<n).contains(s) || s == j {
                    found.append("job \(j + 1) has an invalid successor \(s + 1)")
                }
            }
        }
        if found.isEmpty, topologicalOrder == nil { found.append("the precedences form a cycle") }
        return found
    }

    /// The jobs in an order where every precedence points forward, or `nil` if there is a cycle.
    public var topologicalOrder: [Int]? {
        let n = jobCount
        var indegree = Array(repeating: 0, count: n)
        for list in successors { for s in list where (0..<n).contains(s) { indegree[s] += 1 } }
        var ready = (0..<n).filter { indegree[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        order.reserveCapacity(n)
        while let j = ready.popLast() {
            order.append(j)
            for s in successors[j].reversed() where (0..<n).contains(s) {
                indegree[s] -= 1
                if indegree[s] == 0 { ready.append(s) }
            }
        }
        return order.count == n ? order : nil
    }
}
