/// Whether an entry of a status file is a sourced fact or the planner's assumption. Only facts
/// may judge a forecast (`stdplan backtest`); re-plans use both alike.
public enum StatusSource: String, Hashable, Sendable, CaseIterable {
    /// Found in a public source (an announcement, a published draft): the entry says so with
    /// `source: fact`.
    case fact
    /// Assumed by whoever wrote the status file (the default): e.g. "not published, as none was found".
    case assumption
}
