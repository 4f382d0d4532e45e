/// The standards whose predecessors are all placed, highest priority first (the lower index
/// first on equal priority, so the order never depends on how the heap happens to be laid out).
struct ReadyQueue {
    private var heap: [(priority: Double, index: Int)] = []

    var isEmpty: Bool { heap.isEmpty }

    private static func before(_ a: (priority: Double, index: Int), _ b: (priority: Double, index: Int)) -> Bool {
        a.priority > b.priority || (a.priority == b.priority && a.index < b.index)
    }

    mutating func push(_ index: Int, priority: Double) {
        heap.append((priority, index))
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard Self.before(heap[child], heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let top = heap.first else { return nil }
        heap[0] = heap[heap.count - 1]
        heap.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var first = parent
            if left < heap.count, Self.before(heap[left], heap[first]) { first = left }
            if right < heap.count, Self.before(heap[right], heap[first]) { first = right }
            guard first != parent else { break }
            heap.swapAt(first, parent)
            parent = first
        }
        return top.index
    }
}
