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

    /// Creates a problem report.
    public init(file: String, line: Int?, column: Int?, key: String, message: String, hint: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.message = message
        self.hint = hint
    }

    /// `file:line:column: key: message (hint)`, the shape compilers use, so editors can jump to it.
    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = "\(location): error: "
        if !key.isEmpty { text += "\(key): " }
        text += message
        if let hint { text += "\n    hint: \(hint)" }
        return text
    }
}
