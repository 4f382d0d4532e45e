extension LagrangianBound {
    /// Where each chain's (task, start) pairs begin in one flat table; the last entry is the total.
    var chainPairOffsets: [Int] {
        var offsets = [0]
        for chain in chains { offsets.append(offsets[offsets.count - 1] + chain.size) }
        return offsets
    }

    /// Per task of `problem`, the starts a schedule within the windows whose objective is at most
    /// `ceiling` can use (nil: every start in its window): Lagrangian reduced-cost fixing. With the
    /// prices `multipliers`, the dual function with one task forced to a start is a lower bound on
    /// every schedule that starts it there; where that bound exceeds `ceiling`, no such schedule is
    /// at most `ceiling`, and the start goes. The margin of round-off (``roundingMargin(magnitude:)``,
    /// doubled for the forced sums) keeps every start a schedule at most `ceiling` could use.
    ///
    /// Returns nil when the dual function is infinite, or when some task would keep no start at all
    /// (then `ceiling` is below every schedule's objective, which a caller holding a schedule at
    /// `ceiling` never sees unless round-off lies; nothing is reduced).
    func reducedStarts(at multipliers: LagrangianMultipliers, ceiling: Double) -> [ClosedRange<Int>?]? {
        guard multipliers.isValid(for: problem, heldCount: objective.held.count), ceiling.isFinite else { return nil }
        let offsets = chainPairOffsets
        let forced = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, offsets[offsets.count - 1]))
        let chainValues = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, chains.count))
        defer {
            forced.deallocate()
            chainValues.deallocate()
        }
        forced.initialize(repeating: .infinity)
        chainValues.initialize(repeating: .infinity)
        let evaluation = evaluate(multipliers, forced: forced, chainValues: chainValues)
        guard evaluation.value.isFinite else { return nil }
        let slack = 2 * evaluation.margin + 1e-9 * (1 + abs(ceiling))
        var ranges = [ClosedRange<Int>?](repeating: nil, count: problem.tasks.count)
        for (k, chain) in chains.enumerated() {
            // The dual value less this chain's least cost: what every other chain contributes.
            let others = evaluation.value - chainValues[k]
            for (j, task) in chain.tasks.enumerated() where problem.tasks[task].fixedStart == nil {
                guard chain.earliest[j] <= chain.latest[j] else { return nil }
                var low: Int?, high: Int?
                for s in chain.earliest[j]...chain.latest[j] {
                    let value = forced[offsets[k] + chain.offsets[j] + s - chain.earliest[j]]
                    guard value < .infinity, others + value - slack <= ceiling else { continue }
                    low = low ?? s
                    high = s
                }
                guard let low, let high else { return nil }
                ranges[task] = low...high
            }
        }
        return ranges
    }
}
