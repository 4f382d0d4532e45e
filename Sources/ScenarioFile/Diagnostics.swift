import Yams

/// Collects problems while a file is read, so that all of them are reported at once.
final class Diagnostics {
    let file: String
    private(set) var problems: [ScenarioProblem] = []

    init(file: String) { self.file = file }

    func report(_ node: Node?, _ key: String, _ message: String, hint: String? = nil) {
        problems.append(ScenarioProblem(
            file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message, hint: hint))
    }

    func report(line: Int?, column: Int?, _ key: String, _ message: String, hint: String? = nil) {
        problems.append(ScenarioProblem(file: file, line: line, column: column, key: key, message: message, hint: hint))
    }

    /// Problems sorted by position, so the report reads top to bottom.
    var sortedProblems: [ScenarioProblem] {
        problems.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            let ca = a.element.column ?? 0, cb = b.element.column ?? 0
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
