/// A precedence-feasible order by priority: repeatedly the ready job with the smallest priority
/// value (ties by index, so the order is reproducible). Shared by the PSPLIB engine's priority
/// rules and the portfolio planner's LP-guided lists.
public enum PriorityOrder {
    /// The order of the jobs reachable from `ready`: `waiting[j]` is how many predecessors of `j`
    /// must come first, `successors[j]` the jobs that wait for `j`.
    public static func order(ready: [Int], waiting: [Int], successors: [[Int]], priority: [Double]) -> [Int] {
        var waiting = waiting
        var eligible = ready
        var result: [Int] = []
        result.reserveCapacity(waiting.count)
        while !eligible.isEmpty {
            var pick = 0
            for k in 1..<eligible.count where (priority[eligible[k]], eligible[k]) < (priority[eligible[pick]], eligible[pick]) { pick = k }
            let j = eligible.remove(at: pick)
            result.append(j)
            for s in successors[j] {
                waiting[s] -= 1
                if waiting[s] == 0 { eligible.append(s) }
            }
        }
        return result
    }
}
