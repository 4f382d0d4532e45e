import PlanModel

/// The life cycle of generated standards: the baseline's six phases (立项 → 起草 → 征求意见稿 →
/// 送审稿 → 报批稿 → 发布, 20 months in all) and the spread of each phase's months across
/// standards, and the review bodies that examine the drafts.
enum SyntheticLifeCycle {
    /// The working group that reviews drafts (every generated portfolio has it).
    static let workingGroup = ResourceID("wg-review")
    /// The technical committee that examines approval drafts (the second review body).
    static let committee = ResourceID("tc-review")

    /// The default phases, as in Scenarios/baseline.yaml. With one review body the working group
    /// reviews all three drafts (as in the baseline); with two, the committee examines the
    /// approval draft instead.
    static func phases(reviewBodies: Int) -> [Phase] {
        let approvalBody = reviewBodies >= 2 ? committee : workingGroup
        return [
            Phase(id: "initiation", name: "立项", months: 2),
            Phase(id: "drafting", name: "起草", months: 8, unitLoad: 1),
            Phase(id: "consultation", name: "征求意见稿", months: 3, unitLoad: 1, resourceLoads: [ResourceLoad(resource: workingGroup, amount: 1)]),
            Phase(id: "review", name: "送审稿", months: 2, unitLoad: 1, resourceLoads: [ResourceLoad(resource: workingGroup, amount: 1)]),
            Phase(id: "approval", name: "报批稿", months: 3, resourceLoads: [ResourceLoad(resource: approvalBody, amount: 1)]),
            Phase(id: "publication", name: "发布", months: 2),
        ]
    }

    /// The review bodies (capacities are set by the calibration).
    static func reviewBodies(_ count: Int) -> [SharedResource] {
        let bodies = [
            SharedResource(id: workingGroup, name: "技术管理专业工作组评审", capacity: .constant(1)),
            SharedResource(id: committee, name: "金融标准化技术委员会证券分委会审查", capacity: .constant(1)),
        ]
        return Array(bodies.prefix(count))
    }

    /// Share of standards whose phase differs from the default.
    static let variedShare = 0.35

    /// The other durations a phase takes, with their relative frequencies: drafting varies most
    /// (5 to 14 months: the domain notes cite ≤ 10 months for national standards and ~21 months
    /// from project start to consultation draft for one association standard); initiation waits
    /// for annual batches; publication waits for the CSRC's batches.
    static func alternatives(for phase: PhaseID) -> (months: [Int], weights: [Double]) {
        switch phase.rawValue {
        case "initiation": ([1, 3, 4], [2, 2, 1])
        case "drafting": ([5, 6, 7, 9, 10, 11, 12, 14], [1, 2, 3, 3, 3, 2, 1, 1])
        case "consultation": ([2, 4], [1, 2])
        case "review": ([1, 3, 4], [1, 2, 1])
        case "approval": ([2, 4, 5, 6], [2, 2, 1, 1])
        default: ([1, 3, 4], [2, 2, 1])
        }
    }
}
