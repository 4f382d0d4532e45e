/// The order among standards that the dependencies impose (a phase-level dependency orders
/// the two standards too).
public struct DependencyGraph: Sendable {
    /// Standard ids in the portfolio's order.
    public let ids: [StandardID]
    /// `successors[i]`: indices of the standards that wait for standard `i`.
    public let successors: [[Int]]

    /// Builds the graph; dependencies that name unknown standards are ignored (the scenario
    /// loader reports those).
    public init(_ portfolio: Portfolio) {
        ids = portfolio.standards.map(\.id)
        var position: [StandardID: Int] = [:]
        for (i, id) in ids.enumerated() where position[id] == nil { position[id] = i }
        var successors = Array(repeating: [Int](), count: ids.count)
        for dependency in portfolio.dependencies {
            guard let from = position[dependency.predecessor], let to = position[dependency.successor] else { continue }
            if !successors[from].contains(to) { successors[from].append(to) }
        }
        self.successors = successors.map { $0.sorted() }
    }

    /// A cycle of standards (the first repeated at the end), or nil when there is none.
    public func cycle() -> [StandardID]? {
        var state = Array(repeating: 0, count: ids.count)  // 0 new, 1 on stack, 2 done
        var stack: [Int] = []
        func visit(_ node: Int) -> [Int]? {
            state[node] = 1
            stack.append(node)
            for next in successors[node] {
                if state[next] == 1, let start = stack.firstIndex(of: next) {
                    return Array(stack[start...]) + [next]
                }
                if state[next] == 0, let found = visit(next) { return found }
            }
            stack.removeLast()
            state[node] = 2
            return nil
        }
        for node in ids.indices where state[node] == 0 {
            if let found = visit(node) { return found.map { ids[$0] } }
        }
        return nil
    }

    /// Indices of the standards so that every predecessor comes before its successors; among
    /// the standards free at each step, the one `before` ranks first goes first.
    /// Returns nil if the graph has a cycle.
    public func topologicalOrder(by before: (Int, Int) -> Bool) -> [Int]? {
        var indegree = Array(repeating: 0, count: ids.count)
        for list in successors { for next in list { indegree[next] += 1 } }
        var ready = ids.indices.filter { indegree[$0] == 0 }
        var order: [Int] = []
        while !ready.isEmpty {
            ready.sort { before($0, $1) }
            let node = ready.removeFirst()
            order.append(node)
            for next in successors[node] {
                indegree[next] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        }
        return order.count == ids.count ? order : nil
    }
}
