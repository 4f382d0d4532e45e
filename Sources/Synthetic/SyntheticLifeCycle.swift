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

    /// Three-point estimates (months) of the default phases, for `stdplan risk`: the baseline's
    /// (Scenarios/baseline.yaml, where each is argued from the domain notes' evidence: JR/T 0251 took
    /// ~38 months from review draft to publication, an association standard ~21 months from project
    /// start to consultation draft), with `likely` left out so that each standard's planned months
    /// are its mode. Lognormal (one duration in twenty beyond `pessimistic`) for drafting and
    /// approval, where the evidence shows a heavy tail; PERT-beta for phases a procedure bounds.
    /// Publication differs: the baseline draws nothing for it because its batch calendar makes the
    /// wait, while generated portfolios have no calendar, so the wait for a CSRC batch (3 to 22
    /// months apart in the domain notes) is drawn here, 1 to 6 months (assumption).
    static let estimates: [PhaseID: ThreePointEstimate] = [
        "initiation": ThreePointEstimate(optimistic: 1, pessimistic: 4),
        "drafting": ThreePointEstimate(optimistic: 6, pessimistic: 18, distribution: .lognormal),
        "consultation": ThreePointEstimate(optimistic: 3, pessimistic: 6),
        "review": ThreePointEstimate(optimistic: 2, pessimistic: 5),
        "approval": ThreePointEstimate(optimistic: 2, pessimistic: 18, distribution: .lognormal),
        "publication": ThreePointEstimate(optimistic: 1, pessimistic: 6, distribution: .triangular),
    ]

    /// The baseline's correlation (assumptions there too): a lead unit's drafting group sets the pace
    /// of all its standards (30 % of each duration's variation), a category's standards share
    /// reviewers (10 %).
    static let correlation = SharedFactorWeights(category: 0.1, leadUnit: 0.3)

    /// A standard's own estimate for a phase planned at `months` when the life cycle's does not
    /// admit them as its mode (outside the range, or on a lognormal's end): the life cycle's scaled
    /// to the standard's months, as the baseline scales drafting for a 5-month revision, in half
    /// months so that the file states it exactly. Nil when the life cycle's estimate fits.
    static func estimate(for phase: PhaseID, plannedMonths months: Int, defaultMonths: Int) -> ThreePointEstimate? {
        guard let base = estimates[phase] else { return nil }
        let m = Double(months)
        let lognormal = base.distribution == .lognormal
        let fits = lognormal ? base.optimistic < m && m < base.pessimistic : (base.optimistic...base.pessimistic).contains(m)
        if fits { return nil }
        let scale = m / Double(max(1, defaultMonths))
        var low = (2 * base.optimistic * scale).rounded(.down) / 2
        var high = (2 * base.pessimistic * scale).rounded(.up) / 2
        if lognormal {
            low = min(low, m - 0.5)
            high = max(high, m + 0.5)
        } else {
            low = min(low, m)
            high = max(high, m)
        }
        return ThreePointEstimate(optimistic: max(0, low), pessimistic: high, distribution: base.distribution)
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
