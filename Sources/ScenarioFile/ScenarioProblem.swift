/// One thing wrong in a scenario file, with where it is and how to fix it.
public struct ScenarioProblem: Hashable, Sendable, CustomStringConvertible {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line, or nil when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column, or nil.
    public var column: Int?
    /// The offending key as a path, e.g. `standards[3].lead_units`.
    public var key: String
    /// What is wrong.
    public var message: String
    /// How to fix it.
    public var hint: String?
    /// Its stable code (docs/errors.md); warnings have `SP-W` codes.
    public var code: ProblemCode

    /// Creates a problem report; without a `code`, the code is found from the message's words.
    public init(file: String, line: Int?, column: Int?, key: String, message: String, hint: String? = nil, code: ProblemCode? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.hint = hint
        self.code = code ?? ProblemCode.classify(message)
    }

    /// True when the file still loads (the problem is a warning).
    public var isWarning: Bool { code.isWarning }

    /// `file:line:column: error: key: message [code]` and the hint on the next line: the shape
    /// compilers use, so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): \(isWarning ? "warning" : "error"): "
        if !key.isEmpty { text += "\(key): " }
        text += message + " [\(code.rawValue)]"
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}
