/// How to read one fact off a re-timed sample: which tasks of the simulation model decide
/// whether what the fact observed happened, in periods counted from the plan start.
struct BacktestProbe: Sendable {
    /// The event of the fact.
    enum Event: Sendable {
        /// Published in this period.
        case publishedIn(Int)
        /// `task` started by the status period and `next` (nil: the task is the last) not yet;
        /// for the last task, not yet published.
        case inPhase(task: Int, next: Int?)
        /// `task`, the first open phase, not started by the status period.
        case notStarted(task: Int)
    }

    /// Index into ``SimulationModel/open``.
    let open: Int
    let event: Event
    /// The status date as a period.
    let asOf: Int

    /// Whether the sample in `pass` saw the event.
    func observed(in pass: RetimingPass) -> Bool {
        switch event {
        case .publishedIn(let period):
            return pass.publication(open) == period
        case .inPhase(let task, let next):
            guard pass.start[task] <= asOf else { return false }
            if let next { return pass.start[next] > asOf }
            return pass.publication(open) > asOf
        case .notStarted(let task):
            return pass.start[task] > asOf
        }
    }

    /// Whether the sample in `pass` has it published by the status date.
    func published(in pass: RetimingPass) -> Bool { pass.publication(open) <= asOf }
}
