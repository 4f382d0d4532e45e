/// Upper bounds: priority-rule schedules (serial and parallel generation), regret-biased random
/// sampling, and a genetic algorithm on activity lists (Hartmann 1998: two-point crossover,
/// adjacent-swap mutation, survival of the fittest), with every schedule improved by double
/// justification and written back into its list. All randomness comes from one seed, and the
/// budget is a number of generated schedules, so the result does not depend on the clock
/// unless the deadline cuts the search short.
struct HeuristicSearch {
    private(set) var generator: ScheduleGenerator
    private var random: SplitMix64
    /// Best schedule so far and its makespan.
    private(set) var best: [Int] = []
    private(set) var bestMakespan = Int.max
    /// Search stops early once this makespan is reached.
    var lowerBound: Int
    let deadline: Deadline

    private var network: ProjectNetwork { generator.network }

    init(network: ProjectNetwork, lowerBound: Int, seed: UInt64, deadline: Deadline) {
        generator = ScheduleGenerator(network: network)
        random = SplitMix64(seed: seed)
        self.lowerBound = lowerBound
        self.deadline = deadline
    }

    var reachedBound: Bool { bestMakespan <= lowerBound }
    /// Schedules generated so far.
    var generated: Int { generator.generated }

    /// Records a schedule if it is the best so far.
    mutating func offer(_ starts: [Int]) {
        let m = generator.makespan(starts)
        if m < bestMakespan {
            bestMakespan = m
            best = starts
        }
    }

    /// A precedence-feasible list: repeatedly the eligible job with the smallest priority value.
    func list(priority: [Double]) -> [Int] {
        let net = network
        let missing = net.predecessors.map(\.count)
        return PriorityOrder.order(ready: (0..<net.jobCount).filter { missing[$0] == 0 }, waiting: missing,
                                   successors: net.successors, priority: priority)
    }

    /// The classic priority rules, smaller value first.
    func priorityRules() -> [[Double]] {
        let net = network
        let n = net.jobCount
        let upper = net.horizon
        let lft = (0..<n).map { Double(upper - net.tails[$0] + net.durations[$0]) }
        let lst = (0..<n).map { Double(upper - net.tails[$0]) }
        let mts = (0..<n).map { j in -Double((0..<net.words).reduce(0) { $0 + net.after[j * net.words + $1].nonzeroBitCount }) }
        let grpw = (0..<n).map { j in -Double(net.durations[j] + net.successors[j].reduce(0) { $0 + net.durations[$1] }) }
        let slack = (0..<n).map { lst[$0] - Double(net.heads[$0]) }
        let work = (0..<n).map { j in
            -Double(net.durations[j]) * (0..<net.resourceCount).reduce(0.0) { $0 + Double(net.demand[j * net.resourceCount + $1]) / Double(max(1, net.capacities[$1])) }
        }
        return [lft, lst, mts, grpw, slack, (0..<n).map { lft[$0] + 0.01 * mts[$0] }, (0..<n).map { lst[$0] + 0.1 * work[$0] }]
    }

    /// Runs every priority rule through serial and parallel generation, each improved.
    mutating func runPriorityRules() -> [[Int]] { run(rules: priorityRules()) }

    /// Each rule through serial and parallel generation, each schedule improved; the lists in the
    /// order of the improved schedules. Stops once a schedule meets the lower bound.
    private mutating func run(rules: [[Double]]) -> [[Int]] {
        var lists: [[Int]] = []
        for rule in rules {
            if reachedBound { break }
            let serial = generator.improve(generator.forward(order: list(priority: rule)))
            offer(serial)
            lists.append(generator.order(byStart: serial))
            let parallel = generator.improve(generator.parallel(priority: rule))
            offer(parallel)
            lists.append(generator.order(byStart: parallel))
        }
        return lists
    }

    /// Priority rules from start windows under a makespan limit (latest start, latest finish,
    /// latest start with ties to the earliest start), run as ``runPriorityRules()`` runs its rules.
    mutating func runWindowRules(earliest: [Int], latest: [Int]) -> [[Int]] {
        let n = network.jobCount
        let d = network.durations
        return run(rules: [
            (0..<n).map { Double(latest[$0]) },
            (0..<n).map { Double(latest[$0] + d[$0]) },
            (0..<n).map { Double(latest[$0]) + 0.001 * Double(earliest[$0]) },
        ])
    }

    /// A list drawn by regret-based biased random sampling on latest finish times (Kolisch 1995).
    mutating func sampledList() -> [Int] {
        let net = network
        let lft = (0..<net.jobCount).map { net.horizon - net.tails[$0] + net.durations[$0] }
        var missing = net.predecessors.map(\.count)
        var eligible = (0..<net.jobCount).filter { missing[$0] == 0 }
        var result: [Int] = []
        while !eligible.isEmpty {
            let worst = eligible.map { lft[$0] }.max()!
            let weights = eligible.map { Double(worst - lft[$0] + 1) }
            let total = weights.reduce(0, +)
            var draw = Double.random(in: 0..<total, using: &random)
            var pick = eligible.count - 1
            for (k, w) in weights.enumerated() {
                if draw < w { pick = k; break }
                draw -= w
            }
            let j = eligible.remove(at: pick)
            result.append(j)
            for s in net.successors[j] {
                missing[s] -= 1
                if missing[s] == 0 { eligible.append(s) }
            }
        }
        return result
    }

    private struct Individual {
        var list: [Int]
        var makespan: Int
    }

    /// Evaluates a list: serial generation, double justification, and the list rewritten in the
    /// order of the improved schedule.
    private mutating func evaluate(_ list: [Int]) -> Individual {
        let starts = generator.improve(generator.forward(order: list))
        offer(starts)
        return Individual(list: generator.order(byStart: starts), makespan: generator.makespan(starts))
    }

    /// The genetic algorithm, until `budget` schedules have been generated in total, the lower
    /// bound is reached or the deadline passes.
    mutating func genetic(seedLists: [[Int]], budget: Int, populationSize: Int = 40) {
        guard !reachedBound, generated < budget else { return }
        var population: [Individual] = seedLists.prefix(populationSize).map { evaluate($0) }
        while population.count < populationSize, !reachedBound { population.append(evaluate(sampledList())) }
        let n = network.jobCount
        var generation = 0
        while generated < budget, !reachedBound {
            generation += 1
            if generation % 4 == 0, deadline.passed { return }
            population.shuffle(using: &random)
            var children: [Individual] = []
            var k = 0
            while k + 1 < population.count {
                let mother = population[k].list, father = population[k + 1].list
                let a = Int.random(in: 0..<n, using: &random), b = Int.random(in: 0..<n, using: &random)
                let (q1, q2) = (min(a, b), max(a, b))
                for (x, y) in [(mother, father), (father, mother)] {
                    var child = crossover(x, y, q1, q2)
                    mutate(&child)
                    children.append(evaluate(child))
                }
                k += 2
            }
            // Survival of the fittest, keeping one copy of each list so the population stays diverse.
            var seen = Set<[Int]>()
            var next: [Individual] = []
            for individual in (population + children).enumerated().sorted(by: { ($0.element.makespan, $0.offset) < ($1.element.makespan, $1.offset) }).map(\.element) {
                if next.count == populationSize { break }
                if seen.insert(individual.list).inserted { next.append(individual) }
            }
            while next.count < populationSize { next.append(evaluate(sampledList())) }
            population = next
        }
    }

    /// Two-point crossover of precedence-feasible lists; the child is precedence-feasible too.
    private func crossover(_ x: [Int], _ y: [Int], _ q1: Int, _ q2: Int) -> [Int] {
        let n = x.count
        var taken = Array(repeating: false, count: n)
        var child: [Int] = []
        child.reserveCapacity(n)
        for j in x[0..<q1] { child.append(j); taken[j] = true }
        for j in y where child.count < q2 && !taken[j] { child.append(j); taken[j] = true }
        for j in x where !taken[j] { child.append(j); taken[j] = true }
        return child
    }

    /// Swaps neighbours with probability 5 % where no precedence forbids it.
    private mutating func mutate(_ list: inout [Int]) {
        guard list.count > 1 else { return }
        for k in 0..<(list.count - 1) where Double.random(in: 0..<1, using: &random) < 0.05 {
            if !network.precedes(list[k], list[k + 1]) { list.swapAt(k, k + 1) }
        }
    }
}
