import Dispatch

/// A lower bound on one objective level of a compiled problem, in seconds where the root LP of the
/// time-indexed MIP takes minutes: Lagrangian relaxation of everything that ties standards together.
///
/// Relaxed, each with a non-negative price (``LagrangianMultipliers``): the capacity of every lead
/// unit and shared resource in every period (λ), every precedence that is not between consecutive
/// tasks of one standard — dependencies between standards (μ), and every level held at its proven
/// value (ν). What remains falls apart into one ``ChainSubproblem`` per open standard and per
/// candidate lead unit: starts within the time windows and the calendars, the chain's own
/// precedences and max-wait limits, fixed starts kept; cost = its level cost at publication (plus the
/// guide; idle months at the completion level, linear in the starts as the MIP counts them: idle
/// cost × (start b − start a − duration a), which a chain's precedence keeps non-negative) plus the
/// priced loads and links. Each is solved exactly, so for
/// every choice of prices the dual function
///
///     L(λ, μ, ν) = Σ_k min_k(…) − Σ λ·capacity + Σ μ·delay − Σ ν·held value
///
/// is a lower bound on the objective of every schedule within the windows (of the optimum when the
/// windows are the plain ``TimeWindows``; of every improving schedule when they are tightened by an
/// incumbent). Max-wait limits between tasks that are not consecutive in a chain are left out,
/// which only loosens the bound.
///
/// ``maximise(_:from:)`` raises L by projected subgradient steps (``LagrangianOptions``). The maximum
/// of L is at least the root LP bound of the time-indexed MIP over the same windows (the relaxation
/// keeps each standard's chain and its choice of unit integral, where the LP has the chain's
/// step-variable polytope, which is integral, and weak big-M shares for the unit); the steps approach
/// that maximum from below. Measured (`Scripts/bench-bounds`): the generated 100-standard portfolio's
/// lateness bound is 298, as the MIP's; the baseline's, 421, its proven optimum.
struct LagrangianBound: Sendable {
    let problem: PlanningProblem
    let windows: TimeWindows
    let objective: BoundObjective
    /// One per open standard, in `problem.open` order.
    let chains: [ChainSubproblem]
    /// Per precedence, whether it is priced (true) or kept as a gap inside its standard's chain.
    let isRelaxed: [Bool]
    /// The most the guide can add: `objective.guideScale` × this, the gap between a bound on the
    /// objective with its guide and a bound on the level alone.
    let guideMaximum: Int
    /// Consecutive tasks (a, b) of a chain where waiting costs: idle cost × (start b − start a − duration a).
    private let idleLinks: [(chain: Int, a: Int, b: Int, cost: Int)]
    /// Per chain, the part of each (task, start) cost that no price changes: +∞ where the calendars
    /// forbid the start, the level's (and guide's) cost of the publication it leads to for the last task.
    private let fixedCosts: [[Double]]
    /// Per chain, the largest absolute publication cost in `fixedCosts`.
    private let publicationMagnitude: [Double]
    /// Per chain, the months its unit-loading tasks may run in (nil: it loads no unit).
    private let unitLoadSpan: [Range<Int>?]
    /// Entries the subproblems' scratch space needs: the largest chain's (task, start) pairs and window.
    private let largestChain: Int
    private let widestWindow: Int
    /// The longest chain of roundings any computed term goes through (see ``roundingMargin(magnitude:)``).
    private let roundingDepth: Int

    /// Prepares the relaxation of `objective` over `problem` within `windows`.
    init(problem: PlanningProblem, windows: TimeWindows, objective: BoundObjective) {
        self.problem = problem
        self.windows = windows
        self.objective = objective
        let tasks = problem.tasks
        (chains, isRelaxed) = Self.chains(problem, windows)
        (fixedCosts, publicationMagnitude) = Self.fixedCosts(chains, problem, objective)
        unitLoadSpan = chains.map { chain in
            let loaded = chain.tasks.indices.filter { tasks[chain.tasks[$0]].unitLoad > 0 }
            guard let low = loaded.map({ chain.earliest[$0] }).min(),
                  let high = loaded.map({ chain.latest[$0] + tasks[chain.tasks[$0]].duration }).max(), low < high else { return nil }
            return low..<high
        }
        idleLinks = problem.open.enumerated().flatMap { k, standard in
            zip(standard.tasks, standard.tasks.dropFirst()).filter { tasks[$1].idleCost > 0 }.map { (k, $0, $1, tasks[$1].idleCost) }
        }
        guideMaximum = objective.guide.map { BoundObjective.largestValue(of: $0, problem, windows) } ?? 0
        largestChain = chains.map(\.size).max() ?? 0
        widestWindow = chains.flatMap { zip($0.earliest, $0.latest).map { $1 - $0 + 1 } }.max() ?? 0

        var degree = Array(repeating: 0, count: tasks.count)
        for (index, precedence) in problem.precedences.enumerated() where isRelaxed[index] {
            degree[precedence.predecessor] += 1
            degree[precedence.successor] += 1
        }
        // Prefix sums and their differences, a task's resources and links, the publication's levels,
        // the chain, the standards, and the constant terms (see `roundingMargin`), with room to spare.
        let periods = problem.periodCount
        roundingDepth = 2 * periods + (tasks.map(\.resourceLoads.count).max() ?? 0) + (degree.max() ?? 0)
            + 3 * objective.held.count + (chains.map(\.tasks.count).max() ?? 0) + problem.open.count
            + (problem.unitCapacity.count + problem.resourceCapacity.count) * periods + problem.precedences.count + 32
    }

    /// One chain per open standard: its tasks' windows (a fixed start as a window of one month), the
    /// least gap between consecutive tasks from their precedences and the most from their max-wait
    /// limits; and which precedences are left to price (all but those between consecutive tasks).
    private static func chains(_ problem: PlanningProblem, _ windows: TimeWindows) -> ([ChainSubproblem], [Bool]) {
        let tasks = problem.tasks
        var chainOf = Array(repeating: -1, count: tasks.count)
        var position = Array(repeating: -1, count: tasks.count)
        for (k, standard) in problem.open.enumerated() {
            for (j, task) in standard.tasks.enumerated() {
                chainOf[task] = k
                position[task] = j
            }
        }
        func consecutive(_ a: Int, _ b: Int) -> Bool { chainOf[a] >= 0 && chainOf[a] == chainOf[b] && position[b] == position[a] + 1 }
        let unlimited = ChainSubproblem.unlimited
        var minGap = problem.open.map { Array(repeating: -unlimited, count: $0.tasks.count) }
        var maxGap = problem.open.map { Array(repeating: unlimited, count: $0.tasks.count) }
        var isRelaxed = Array(repeating: true, count: problem.precedences.count)
        for (index, precedence) in problem.precedences.enumerated() where consecutive(precedence.predecessor, precedence.successor) {
            let b = precedence.successor
            minGap[chainOf[b]][position[b]] = max(minGap[chainOf[b]][position[b]], precedence.delay)
            isRelaxed[index] = false
        }
        for lag in problem.maxLags where consecutive(lag.predecessor, lag.successor) {
            let b = lag.successor
            maxGap[chainOf[b]][position[b]] = min(maxGap[chainOf[b]][position[b]], lag.limit)
        }
        let chains = problem.open.enumerated().map { k, standard in
            ChainSubproblem(standard: k, tasks: standard.tasks,
                            earliest: standard.tasks.map { tasks[$0].fixedStart ?? windows.earliest[$0] },
                            latest: standard.tasks.map { tasks[$0].fixedStart ?? windows.latest[$0] },
                            minGap: minGap[k], maxGap: maxGap[k])
        }
        return (chains, isRelaxed)
    }

    /// Per chain, the costs no price changes (+∞ where the calendars forbid a start; the publication's
    /// level and guide for the last task) and the largest of them in absolute value.
    private static func fixedCosts(_ chains: [ChainSubproblem], _ problem: PlanningProblem,
                                   _ objective: BoundObjective) -> ([[Double]], [Double]) {
        var tables: [[Double]] = []
        var magnitudes: [Double] = []
        for chain in chains {
            let standard = problem.open[chain.standard]
            var table = Array(repeating: 0.0, count: chain.size)
            var largest = 0.0
            for (j, task) in chain.tasks.enumerated() where chain.earliest[j] <= chain.latest[j] {
                let t = problem.tasks[task]
                for s in chain.earliest[j]...chain.latest[j] {
                    let index = chain.offsets[j] + s - chain.earliest[j]
                    if t.fixedStart == nil, !t.mayStart(at: s) {
                        table[index] = .infinity
                    } else if j == chain.tasks.count - 1 {
                        table[index] = objective.publicationCost(standard, period: problem.publication(of: standard, lastStart: s), heldWeights: [])
                        largest = max(largest, abs(table[index]))
                    }
                }
            }
            tables.append(table)
            magnitudes.append(largest)
        }
        return (tables, magnitudes)
    }

    /// Zero prices, shaped for this relaxation.
    var zeroMultipliers: LagrangianMultipliers { LagrangianMultipliers(zeroFor: problem, heldCount: objective.held.count) }

    /// How much round-off can have raised a computed dual value above the exact one, given the sum
    /// `magnitude` of the absolute values of the terms that make it up.
    ///
    /// Every computed quantity (prefix sums of prices, a task's price, a chain's total in the dynamic
    /// programme, the sum over standards and the constant terms) is built from products and sums, and
    /// no term passes through more than `roundingDepth` = n roundings on its way into the total. With
    /// unit round-off u = 2⁻⁵³, the computed total then differs from the exact one by at most
    /// γₙ · Σ|terms|, γₙ = nu / (1 − nu) ≤ 2nu while nu ≤ ½ (Higham, *Accuracy and Stability of
    /// Numerical Algorithms*, §3.1–3.4). The minimum in each subproblem compares computed values only,
    /// and rounding is monotone, so the computed minimum is at most the computed cost of the exact
    /// minimiser, whose own error the same bound covers. Hence value − 2nu · magnitude is a lower bound
    /// in exact arithmetic. `magnitude` is taken over the largest terms any start could bring, so it
    /// holds for the unknown exact minimiser too. At 3,000 standards n is about 10⁵ and the margin
    /// about 10⁻¹¹ of the magnitude: invisible next to one unit of an integral level, yet never zero.
    func roundingMargin(magnitude: Double) -> Double {
        2 * Double(roundingDepth) * (Double.ulpOfOne / 2) * magnitude
    }

    /// The dual function at `multipliers`, with the subproblems' solutions and the subgradient.
    /// `multipliers` must be shaped for this relaxation (``zeroMultipliers``) and non-negative.
    func evaluate(_ multipliers: LagrangianMultipliers) -> DualEvaluation { evaluate(multipliers, forced: nil, chainValues: nil) }

    /// ``evaluate(_:)``, and when `forced` is given (``chainPairOffsets``-laid out, every entry +∞ on
    /// entry) each (task, start) pair's least chain cost with the task forced there, and when
    /// `chainValues` is given each chain's least cost.
    func evaluate(_ multipliers: LagrangianMultipliers, forced: UnsafeMutableBufferPointer<Double>?,
                  chainValues: UnsafeMutableBufferPointer<Double>?) -> DualEvaluation {
        precondition(multipliers.hasShape(for: problem, heldCount: objective.held.count), "multipliers shaped for another problem")
        assert(multipliers.isValid(for: problem, heldCount: objective.held.count), "negative or infinite multipliers")
        let tasks = problem.tasks
        let periods = problem.periodCount
        let unitPrefix = Self.prefixSums(multipliers.units, rows: problem.unitCapacity.count, periods: periods)
        let resourcePrefix = Self.prefixSums(multipliers.resources, rows: problem.resourceCapacity.count, periods: periods)
        defer {
            unitPrefix.deallocate()
            resourcePrefix.deallocate()
        }

        // Linear price of each task's start: relaxed precedences (μ) and idle months.
        var slope = Array(repeating: 0.0, count: tasks.count)
        var slopeMagnitude = Array(repeating: 0.0, count: tasks.count)
        for (index, precedence) in problem.precedences.enumerated() where isRelaxed[index] && multipliers.precedences[index] > 0 {
            let price = multipliers.precedences[index]
            slope[precedence.predecessor] += price
            slope[precedence.successor] -= price
            slopeMagnitude[precedence.predecessor] += price
            slopeMagnitude[precedence.successor] += price
        }
        let idleWeight = objective.idleWeight(heldWeights: multipliers.held)
        var chainConstant = Array(repeating: 0.0, count: chains.count)
        if idleWeight > 0 {
            for link in idleLinks {
                let price = idleWeight * Double(link.cost)
                slope[link.b] += price
                slope[link.a] -= price
                slopeMagnitude[link.b] += price
                slopeMagnitude[link.a] += price
                chainConstant[link.chain] -= price * Double(tasks[link.a].duration)
            }
        }

        var starts = Array(repeating: 0, count: tasks.count)
        var units = Array(repeating: -1, count: chains.count)
        var values = Array(repeating: 0.0, count: chains.count)
        var magnitudes = Array(repeating: 0.0, count: chains.count)
        slope.withUnsafeBufferPointer { slope in
            slopeMagnitude.withUnsafeBufferPointer { slopeMagnitude in
                starts.withUnsafeMutableBufferPointer { startBuffer in
                    units.withUnsafeMutableBufferPointer { unitBuffer in
                        values.withUnsafeMutableBufferPointer { valueBuffer in
                            magnitudes.withUnsafeMutableBufferPointer { magnitudeBuffer in
                                let prices = Prices(periods: periods, unitPrefix: UnsafeBufferPointer(unitPrefix),
                                                    resourcePrefix: UnsafeBufferPointer(resourcePrefix),
                                                    slope: slope, slopeMagnitude: slopeMagnitude,
                                                    heldWeights: multipliers.held.contains { $0 > 0 } ? multipliers.held : nil)
                                let output = ChainOutput(starts: startBuffer, units: unitBuffer, values: valueBuffer, magnitudes: magnitudeBuffer,
                                                         forced: forced, forcedOffsets: forced == nil ? [] : chainPairOffsets)
                                // Standards are independent: two halves on two threads, each writing only its own
                                // standards' entries; the totals are summed afterwards in standard order, so the result
                                // is the same bytes on one core or two.
                                let parts = chains.count >= 200 ? 2 : 1
                                DispatchQueue.concurrentPerform(iterations: parts) { part in
                                    solveChains((part * chains.count / parts)..<((part + 1) * chains.count / parts), prices: prices, output: output)
                                }
                            }
                        }
                    }
                }
            }
        }

        if let chainValues { for k in chains.indices { chainValues[k] = values[k] } }
        var value = 0.0
        var magnitude = 0.0
        var infeasible = false
        for k in chains.indices {
            if values[k] == .infinity { infeasible = true }
            value += values[k] + chainConstant[k]
            magnitude += magnitudes[k] + abs(chainConstant[k])
        }
        // Constant terms of the relaxed rows.
        for (u, row) in problem.unitCapacity.enumerated() {
            for t in 0..<periods where multipliers.units[u * periods + t] > 0 {
                let term = multipliers.units[u * periods + t] * Double(row[t])
                value -= term
                magnitude += abs(term)
            }
        }
        for (r, row) in problem.resourceCapacity.enumerated() {
            for t in 0..<periods where multipliers.resources[r * periods + t] > 0 {
                let term = multipliers.resources[r * periods + t] * Double(row[t])
                value -= term
                magnitude += abs(term)
            }
        }
        for (index, precedence) in problem.precedences.enumerated() where isRelaxed[index] && multipliers.precedences[index] > 0 {
            let term = multipliers.precedences[index] * Double(precedence.delay)
            value += term
            magnitude += abs(term)
        }
        for (h, held) in objective.held.enumerated() where multipliers.held[h] > 0 {
            let term = multipliers.held[h] * Double(held.atMost)
            value -= term
            magnitude += abs(term)
        }
        if infeasible { value = .infinity }
        return subgradient(value: value, margin: infeasible ? 0 : roundingMargin(magnitude: magnitude), starts: starts, units: units)
    }

    /// The prices the subproblems pay, computed once per evaluation.
    private struct Prices: @unchecked Sendable {  // read-only buffers that outlive every reader (see `evaluate`)
        var periods: Int
        /// Per unit (resource) row, `periods + 1` prefix sums of its prices.
        var unitPrefix: UnsafeBufferPointer<Double>
        var resourcePrefix: UnsafeBufferPointer<Double>
        /// Per task, the price of starting a month later, and the sum of the absolute values making it up.
        var slope: UnsafeBufferPointer<Double>
        var slopeMagnitude: UnsafeBufferPointer<Double>
        /// ν, when some held level has a price.
        var heldWeights: [Double]?

        /// The sum of a row's prices over the months a task of `duration` started in `start` runs within the horizon.
        @inline(__always)
        func running(_ prefix: UnsafeBufferPointer<Double>, row: Int, start: Int, duration: Int) -> Double {
            let low = min(periods, max(0, start)), high = min(periods, max(0, start + duration))
            return prefix[row * (periods + 1) + high] - prefix[row * (periods + 1) + low]
        }

        /// Adds `amount` × the row's prices over the months a task of `duration` runs to `costs[first...]`,
        /// for starts `earliest, earliest + 1, …` (`count` of them), each on top of `from[…]`.
        @inline(__always)
        func addRunning(_ prefix: UnsafeBufferPointer<Double>, row: Int, amount: Double, duration: Int, earliest: Int, count: Int,
                        from: UnsafeMutableBufferPointer<Double>, to costs: UnsafeMutableBufferPointer<Double>, at first: Int) {
            let base = row * (periods + 1)
            for offset in 0..<count {
                let start = earliest + offset
                let low = min(periods, max(0, start)), high = min(periods, max(0, start + duration))
                costs[first + offset] = from[first + offset] + amount * (prefix[base + high] - prefix[base + low])
            }
        }

        /// The sum of a row's prices over the whole horizon.
        func total(_ prefix: UnsafeBufferPointer<Double>, row: Int) -> Double { prefix[row * (periods + 1) + periods] }
    }

    /// Where the subproblems write their answers: each standard's own entries only.
    private struct ChainOutput: @unchecked Sendable {  // disjoint writes, one thread per range of standards
        var starts: UnsafeMutableBufferPointer<Int>
        var units: UnsafeMutableBufferPointer<Int>
        var values: UnsafeMutableBufferPointer<Double>
        var magnitudes: UnsafeMutableBufferPointer<Double>
        /// Per (task, start) pair of every chain, the least cost with the task forced there (nil: not wanted).
        var forced: UnsafeMutableBufferPointer<Double>?
        /// Where each chain's pairs begin in `forced`.
        var forcedOffsets: [Int]
    }

    /// Solves the subproblems of `range`, every candidate unit of each, keeping the cheapest unit
    /// (the first among equals).
    private func solveChains(_ range: Range<Int>, prices: Prices, output: ChainOutput) {
        guard !range.isEmpty else { return }
        let tasks = problem.tasks
        let base = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, largestChain))
        let costs = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, largestChain))
        let best = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, largestChain))
        let choice = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, largestChain))
        let queue = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, widestWindow))
        defer {
            base.deallocate(); costs.deallocate(); best.deallocate(); choice.deallocate(); queue.deallocate()
        }
        var trial = Array(repeating: 0, count: tasks.count)
        for k in range {
            let chain = chains[k]
            let fixed = fixedCosts[k]
            let last = chain.tasks.count - 1
            var magnitude = publicationMagnitude[k]
            // Everything but the unit's prices.
            for (j, task) in chain.tasks.enumerated() {
                let t = tasks[task]
                let slope = prices.slope[task]
                let first = chain.offsets[j], earliest = chain.earliest[j]
                magnitude += prices.slopeMagnitude[task] * Double(max(abs(earliest), abs(chain.latest[j])))
                for index in first..<chain.offsets[j + 1] { base[index] = fixed[index] + slope * Double(earliest + index - first) }
                for load in t.resourceLoads where load.amount > 0 {
                    let amount = Double(load.amount)
                    magnitude += 2 * amount * prices.total(prices.resourcePrefix, row: load.resource)
                    prices.addRunning(prices.resourcePrefix, row: load.resource, amount: amount, duration: t.duration, earliest: earliest,
                                      count: chain.offsets[j + 1] - first, from: base, to: base, at: first)
                }
                if j == last, let weights = prices.heldWeights {
                    let standard = problem.open[k]
                    var largest = 0.0
                    for index in first..<chain.offsets[j + 1] where base[index] < .infinity {
                        let period = problem.publication(of: standard, lastStart: earliest + index - first)
                        let held = zip(objective.held, weights).reduce(0.0) { $0 + $1.1 * Double(standard.cost(publishedIn: period, level: $1.0.level)) }
                        base[index] += held
                        largest = max(largest, held)
                    }
                    magnitude += largest
                }
            }
            let span = unitLoadSpan[k]
            let candidates = problem.open[k].candidates
            let choices = candidates.isEmpty ? [-1] : span == nil ? [candidates[0]] : candidates
            var bestValue = Double.infinity
            var bestUnit = choices[0]
            var unitMagnitude = 0.0
            // A unit whose prices are all 0 while the standard may load it costs the same as no unit;
            // that subproblem is solved once, and later such units cannot beat it (ties go to the first).
            // The test is exact: the prefix sums are non-decreasing, so a zero sum over the span makes
            // every task's unit price exactly 0.
            var unpricedSolved = false
            for unit in choices {
                var costTable = UnsafeBufferPointer(base)
                let priced = unit >= 0 && span.map { prices.running(prices.unitPrefix, row: unit, start: $0.lowerBound, duration: $0.count) > 0 } ?? false
                if !priced {
                    if unpricedSolved { continue }
                    unpricedSolved = true
                } else {
                    var total = 0.0
                    for (j, task) in chain.tasks.enumerated() {
                        let t = tasks[task]
                        let first = chain.offsets[j], earliest = chain.earliest[j]
                        guard t.unitLoad > 0 else {
                            for index in first..<chain.offsets[j + 1] { costs[index] = base[index] }
                            continue
                        }
                        let load = Double(t.unitLoad)
                        total += 2 * load * prices.total(prices.unitPrefix, row: unit)
                        prices.addRunning(prices.unitPrefix, row: unit, amount: load, duration: t.duration, earliest: earliest,
                                          count: chain.offsets[j + 1] - first, from: base, to: costs, at: first)
                    }
                    unitMagnitude = max(unitMagnitude, total)
                    costTable = UnsafeBufferPointer(costs)
                }
                if let forced = output.forced { chain.mergeForcedMinima(costs: costTable, into: forced, at: output.forcedOffsets[k]) }
                guard let value = chain.minimise(costs: costTable, best: best, choice: choice, queue: queue, starts: &trial),
                      value < bestValue else { continue }
                bestValue = value
                bestUnit = unit
                for task in chain.tasks { output.starts[task] = trial[task] }
            }
            if bestValue == .infinity {
                for (j, task) in chain.tasks.enumerated() { output.starts[task] = chain.earliest[j] }
            }
            output.units[k] = bestUnit
            output.values[k] = bestValue
            output.magnitudes[k] = magnitude + unitMagnitude
        }
    }

    /// Prefix sums of each row of a flat price table: `periods + 1` entries per row, the first 0.
    /// The caller deallocates them.
    private static func prefixSums(_ prices: [Double], rows: Int, periods: Int) -> UnsafeMutableBufferPointer<Double> {
        let prefix = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, rows * (periods + 1)))
        for row in 0..<rows {
            prefix[row * (periods + 1)] = 0
            var total = 0.0
            for t in 0..<periods {
                total += prices[row * periods + t]
                prefix[row * (periods + 1) + t + 1] = total
            }
        }
        return prefix
    }

    /// The excess of every relaxed constraint under the subproblems' solutions.
    private func subgradient(value: Double, margin: Double, starts: [Int], units: [Int]) -> DualEvaluation {
        let tasks = problem.tasks
        let periods = problem.periodCount
        // Loads by difference arrays: + at the first running period, − after the last.
        var unitLoad = Array(repeating: 0, count: problem.unitCapacity.count * (periods + 1))
        var resourceLoad = Array(repeating: 0, count: problem.resourceCapacity.count * (periods + 1))
        for (k, chain) in chains.enumerated() {
            for task in chain.tasks {
                let t = tasks[task]
                let low = min(periods, max(0, starts[task])), high = min(periods, max(0, starts[task] + t.duration))
                guard low < high else { continue }
                if t.unitLoad > 0, units[k] >= 0 {
                    unitLoad[units[k] * (periods + 1) + low] += t.unitLoad
                    unitLoad[units[k] * (periods + 1) + high] -= t.unitLoad
                }
                for load in t.resourceLoads where load.amount > 0 {
                    resourceLoad[load.resource * (periods + 1) + low] += load.amount
                    resourceLoad[load.resource * (periods + 1) + high] -= load.amount
                }
            }
        }
        func excess(_ loads: [Int], _ capacity: [[Int]]) -> [Double] {
            var result = Array(repeating: 0.0, count: capacity.count * periods)
            for (row, caps) in capacity.enumerated() {
                var running = 0
                for t in 0..<periods {
                    running += loads[row * (periods + 1) + t]
                    result[row * periods + t] = Double(running - caps[t])
                }
            }
            return result
        }
        let precedenceExcess = problem.precedences.enumerated().map { index, p -> Double in
            isRelaxed[index] ? Double(starts[p.predecessor] + p.delay - starts[p.successor]) : 0
        }
        let heldExcess = objective.held.map { held -> Double in
            let assignment = Assignment(starts: starts, units: units)
            return Double(assignment.cost(in: problem, level: held.level) - held.atMost)
        }
        return DualEvaluation(value: value, margin: margin, starts: starts, units: units,
                              unitExcess: excess(unitLoad, problem.unitCapacity), resourceExcess: excess(resourceLoad, problem.resourceCapacity),
                              precedenceExcess: precedenceExcess, heldExcess: heldExcess)
    }

    /// A bound on the objective (level plus guide) as a bound on the level alone, which is integral:
    /// the guide adds at most `guideScale × guideMaximum`. Nil for an infinite bound.
    func levelBound(from bound: Double) -> Int? {
        guard bound.isFinite else { return nil }
        let guide = objective.guideScale * Double(guideMaximum)
        // Two more roundings (the product and the difference), covered with room to spare.
        let slack = 4 * (Double.ulpOfOne / 2) * (abs(bound) + guide)
        let level = (bound - guide - slack).rounded(.up)
        return abs(level) < 1e15 ? Int(level) : nil
    }
}
