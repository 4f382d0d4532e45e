/// One open standard's share of the Lagrangian relaxation: a start for each task of its chain,
/// each within its window (the calendars' allowed months only, a fixed start kept), consecutive
/// tasks at least `minGap` and at most `maxGap` months apart (their precedence and max-wait limit),
/// at the least total of per-start costs.
///
/// Solved exactly by dynamic programming along the chain: the best cost of the first j + 1 tasks
/// with task j starting in s is its own cost in s plus the least best cost of task j − 1 over the
/// starts s − maxGap … s − minGap, a window that slides right with s, so a monotone deque gives each
/// minimum in amortised constant time. Time and memory are linear in the total window width.
struct ChainSubproblem: Sendable {
    /// Index of the standard in `problem.open`.
    let standard: Int
    /// Its tasks in phase order.
    let tasks: [Int]
    /// Per position, the first and last start considered.
    let earliest: [Int]
    let latest: [Int]
    /// Per position j > 0, the least and most months from the start of task j − 1 to that of task j
    /// (no limit: ±``unlimited``); entry 0 is unused.
    let minGap: [Int]
    let maxGap: [Int]
    /// Where each position's starts begin in a flat cost array (`earliest[j]` at `offsets[j]`); the
    /// last entry is the total size.
    let offsets: [Int]

    /// A gap no schedule reaches: far beyond any horizon, far from overflowing when added to a start.
    static let unlimited = 1 << 40

    init(standard: Int, tasks: [Int], earliest: [Int], latest: [Int], minGap: [Int], maxGap: [Int]) {
        self.standard = standard
        self.tasks = tasks
        self.earliest = earliest
        self.latest = latest
        self.minGap = minGap
        self.maxGap = maxGap
        var offsets = [0]
        for (first, last) in zip(earliest, latest) { offsets.append(offsets[offsets.count - 1] + max(0, last - first + 1)) }
        self.offsets = offsets
    }

    /// Total number of (task, start) pairs.
    var size: Int { offsets[offsets.count - 1] }

    /// The least total cost and the starts that reach it (written to `starts[task]`), or nil when no
    /// choice of starts meets the gaps. `costs[offsets[j] + s − earliest[j]]` is the cost of task j
    /// starting in s, +∞ where it may not start. Ties go to the earliest start of the last task,
    /// then of each task before it given the next, so the answer is deterministic.
    /// `best` and `choice` are scratch space of at least ``size`` entries, `queue` of the largest width.
    func minimise(costs: UnsafeBufferPointer<Double>, best: UnsafeMutableBufferPointer<Double>, choice: UnsafeMutableBufferPointer<Int>,
                  queue: UnsafeMutableBufferPointer<Int>, starts: inout [Int]) -> Double? {
        let count = tasks.count
        guard count > 0, zip(earliest, latest).allSatisfy({ $0 <= $1 }) else { return nil }
        for i in 0..<(offsets[1]) { best[i] = costs[i] }
        for j in 1..<count {
            let previous = offsets[j - 1], here = offsets[j]
            let previousFirst = earliest[j - 1], previousLast = latest[j - 1]
            if maxGap[j] >= Self.unlimited {
                // No most: the window only grows, and a running minimum (the earliest among equals) serves.
                var minimum = Double.infinity, at = previousFirst
                var next = previousFirst
                for s in earliest[j]...latest[j] {
                    let index = here + s - earliest[j]
                    let upper = min(previousLast, s - minGap[j])
                    while next <= upper {
                        let value = best[previous + next - previousFirst]
                        if value < minimum {
                            minimum = value
                            at = next
                        }
                        next += 1
                    }
                    let cost = costs[index]
                    if minimum < .infinity, cost < .infinity {
                        best[index] = cost + minimum
                        choice[index] = at
                    } else {
                        best[index] = .infinity
                    }
                }
                continue
            }
            var head = 0, tail = 0  // queue[head..<tail]: previous starts, their best costs increasing
            var next = previousFirst  // the next previous start to enter the window
            for s in earliest[j]...latest[j] {
                let index = here + s - earliest[j]
                let upper = min(previousLast, s - minGap[j])
                while next <= upper {
                    let value = best[previous + next - previousFirst]
                    if value < .infinity {
                        // Drop starts no better than this later one: a strictly better earlier start stays in front.
                        while tail > head, best[previous + queue[tail - 1] - previousFirst] > value { tail -= 1 }
                        queue[tail] = next
                        tail += 1
                    }
                    next += 1
                }
                let lower = s - maxGap[j]
                while tail > head, queue[head] < lower { head += 1 }
                let cost = costs[index]
                if tail > head, cost < .infinity {
                    best[index] = cost + best[previous + queue[head] - previousFirst]
                    choice[index] = queue[head]
                } else {
                    best[index] = .infinity
                }
            }
        }
        let last = count - 1
        var bestStart = -1
        var bestValue = Double.infinity
        for s in earliest[last]...latest[last] where best[offsets[last] + s - earliest[last]] < bestValue {
            bestValue = best[offsets[last] + s - earliest[last]]
            bestStart = s
        }
        guard bestValue < .infinity else { return nil }
        var s = bestStart
        for j in stride(from: last, through: 0, by: -1) {
            starts[tasks[j]] = s
            if j > 0 { s = choice[offsets[j] + s - earliest[j]] }
        }
        return bestValue
    }
}
