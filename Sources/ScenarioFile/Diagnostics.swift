import Yams

/// Collects problems while a file is read, so that all of them are reported at once.
final class Diagnostics {
    let file: String
    /// Errors: any of them rejects the file.
    private(set) var problems: [ScenarioProblem] = []
    /// Warnings: the file loads, and they are shown beside the result.
    private(set) var warnings: [ScenarioProblem] = []

    init(file: String) { self.file = file }

    func report(_ node: Node?, _ key: String, _ message: String, hint: String? = nil, code: ProblemCode? = nil) {
        record(ScenarioProblem(file: file, line: node?.mark?.line, column: node?.mark?.column, key: key, message: message, hint: hint, code: code))
    }

    func report(line: Int?, column: Int?, _ key: String, _ message: String, hint: String? = nil, code: ProblemCode? = nil) {
        record(ScenarioProblem(file: file, line: line, column: column, key: key, message: message, hint: hint, code: code))
    }

    private func record(_ problem: ScenarioProblem) {
        if problem.isWarning { warnings.append(problem) } else { problems.append(problem) }
    }

    /// Problems sorted by position, so the report reads top to bottom.
    var sortedProblems: [ScenarioProblem] { Self.sorted(problems) }

    /// Warnings sorted by position.
    var sortedWarnings: [ScenarioProblem] { Self.sorted(warnings) }

    private static func sorted(_ problems: [ScenarioProblem]) -> [ScenarioProblem] {
        problems.enumerated().sorted { a, b in
            let la = a.element.line ?? 0, lb = b.element.line ?? 0
            if la != lb { return la < lb }
            let ca = a.element.column ?? 0, cb = b.element.column ?? 0
            if ca != cb { return ca < cb }
            return a.offset < b.offset
        }.map(\.element)
    }
}
