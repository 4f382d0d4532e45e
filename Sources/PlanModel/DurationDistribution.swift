/// The shape of a phase's duration between its optimistic and pessimistic estimates.
public enum DurationDistribution: String, CaseIterable, Sendable, Hashable, Codable {
    /// PERT-beta: a beta distribution on [optimistic, pessimistic] with its mode at the most
    /// likely value and shape parameters 1 + 4·(likely − optimistic)/(pessimistic − optimistic)
    /// and 1 + 4·(pessimistic − likely)/(pessimistic − optimistic). The default.
    case pert
    /// Triangular on [optimistic, pessimistic] with its peak at the most likely value.
    case triangular
    /// A heavy tail: optimistic + a lognormal whose mode is at the most likely value and whose
    /// 95th percentile is the pessimistic value, so one duration in twenty exceeds it.
    case lognormal
}
