extension PlanningProblem {
    /// `start(successor) ≥ start(predecessor) + months(predecessor) + lag`: a dependency of the
    /// scenario between two tasks, with the predecessor's months left open (the solvers'
    /// ``Precedence`` adds its planned duration to the lag).
    package struct TaskDependency: Sendable, Hashable {
        /// The task waited for.
        package internal(set) var predecessor: Int
        /// The task that waits.
        package internal(set) var successor: Int
        /// Months between the predecessor's finish and the successor's start.
        package internal(set) var lag: Int
    }
}
