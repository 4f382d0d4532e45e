/// One named change of a what-if overlay, as applied.
public struct ScenarioChange: Hashable, Sendable {
    /// Its name in the overlay (or `change N` when it has none).
    public var name: String
    /// What it did, in words, e.g. "wg-review capacity 4 → 2 from 2023-01".
    public var summary: String
    /// The overlay file that made it.
    public var file: String
    /// Its line there.
    public var line: Int?

    /// Creates a record of a change.
    public init(name: String, summary: String, file: String, line: Int?) {
        self.name = name
        self.summary = summary
        self.file = file
        self.line = line
    }
}
