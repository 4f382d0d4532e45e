/// How a report's text is laid out for the screen it goes to: how many columns a line may take
/// and whether late and at-risk rows are coloured. Markdown, CSV and JSON ignore it: they are
/// always complete.
public struct TerminalLayout: Sendable, Hashable {
    /// Columns a line may take, or nil for every column at full width (`--wide`).
    public var width: Int?
    /// Colour late rows red and at-risk rows yellow with ANSI escapes (only on a terminal).
    public var colour: Bool

    /// Creates a layout.
    public init(width: Int?, colour: Bool = false) {
        self.width = width.map { max($0, Self.narrowest) }
        self.colour = colour
    }

    /// The layout when nothing says otherwise, e.g. when the output goes to a pipe or a file:
    /// 100 columns, no colour.
    public static let standard = TerminalLayout(width: defaultWidth)

    /// Every column at full width, no colour (`--wide`).
    public static let wide = TerminalLayout(width: nil)

    /// The width when the output is not a terminal and `COLUMNS` is not set.
    public static let defaultWidth = 100

    /// Tables are never squeezed below this many columns; a narrower terminal wraps them.
    public static let narrowest = 40

    /// True when tables show only the columns that fit.
    public var isCompact: Bool { width != nil }
}
