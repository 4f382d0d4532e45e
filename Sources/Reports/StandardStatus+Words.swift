import PlanModel

extension StandardStatus {
    /// Where a standard stands, in a planner's words: "not started", "起草 since 2021-04",
    /// "published 2022-11", "deferred until 2024-01", "cancelled", "superseded by JR/T 0271—2023".
    func words(for standard: Standard?) -> String {
        switch self {
        case .planned: "not started"
        case .inProgress(let phase, let since): "\(standard?.phases.first { $0.id == phase }?.name ?? phase.rawValue) since \(since)"
        case .published(let month): "published \(month)"
        case .deferred(let until): "deferred until \(until)"
        case .cancelled: "cancelled"
        case .superseded(let by): "superseded by \(by)"
        }
    }
}
