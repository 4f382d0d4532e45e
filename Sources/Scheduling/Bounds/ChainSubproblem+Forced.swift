extension ChainSubproblem {
    /// For every (task, start) pair, the least total cost of a solution of this chain that starts the
    /// task there (+∞ when none), merged into `forced[first + offsets[j] + s − earliest[j]]` by
    /// keeping the smaller value: called once per candidate unit, the entries end as the least over
    /// units. `costs` is laid out as for ``minimise(costs:best:choice:queue:starts:)``.
    ///
    /// Best prefix (forward) plus best suffix (backward) less the pair's own cost, each a plain
    /// minimum over the gap's window: quadratic in a window's width, written to be obviously right
    /// rather than fast, since it runs once per plan (for ``LagrangianBound/reducedStarts(at:ceiling:)``),
    /// not once per subgradient step.
    func mergeForcedMinima(costs: UnsafeBufferPointer<Double>, into forced: UnsafeMutableBufferPointer<Double>, at first: Int) {
        let count = tasks.count
        guard count > 0, zip(earliest, latest).allSatisfy({ $0 <= $1 }) else { return }
        var forward = Array(repeating: Double.infinity, count: size)
        var backward = Array(repeating: Double.infinity, count: size)
        func index(_ j: Int, _ s: Int) -> Int { offsets[j] + s - earliest[j] }
        for s in earliest[0]...latest[0] { forward[index(0, s)] = costs[index(0, s)] }
        for j in 1..<count {
            for s in earliest[j]...latest[j] where costs[index(j, s)] < .infinity {
                // Task j − 1 starts between s − maxGap and s − minGap.
                let low = max(earliest[j - 1], s - maxGap[j]), high = min(latest[j - 1], s - minGap[j])
                guard low <= high else { continue }
                var least = Double.infinity
                for p in low...high { least = min(least, forward[index(j - 1, p)]) }
                if least < .infinity { forward[index(j, s)] = costs[index(j, s)] + least }
            }
        }
        let last = count - 1
        for s in earliest[last]...latest[last] { backward[index(last, s)] = costs[index(last, s)] }
        for j in stride(from: last - 1, through: 0, by: -1) {
            for s in earliest[j]...latest[j] where costs[index(j, s)] < .infinity {
                // Task j + 1 starts between s + minGap and s + maxGap.
                let low = max(earliest[j + 1], s + minGap[j + 1]), high = min(latest[j + 1], s + maxGap[j + 1])
                guard low <= high else { continue }
                var least = Double.infinity
                for p in low...high { least = min(least, backward[index(j + 1, p)]) }
                if least < .infinity { backward[index(j, s)] = costs[index(j, s)] + least }
            }
        }
        for j in 0..<count {
            for s in earliest[j]...latest[j] {
                let i = index(j, s)
                guard forward[i] < .infinity, backward[i] < .infinity else { continue }
                forced[first + i] = min(forced[first + i], forward[i] + backward[i] - costs[i])
            }
        }
    }
}
