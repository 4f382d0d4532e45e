extension PlanningProblem {
    /// What holds a task whatever the durations turn out to be: the part of the compilation a
    /// consumer that draws durations (the risk simulation) builds on, where ``Task/release`` has the
    /// planned durations folded in.
    package struct TaskFacts: Sendable, Hashable {
        /// The earliest period it may start by the facts alone: for a phase under way, its start;
        /// otherwise its standard's earliest start and its published predecessors with their lags.
        package internal(set) var release: Int
        /// Index into the portfolio's calendars of the calendar its start must fall in (`starts_in`);
        /// nil without one, and for a phase under way, whose start is a fact.
        package internal(set) var startCalendar: Int?
        /// Likewise for its finish (`ends_in`).
        package internal(set) var endCalendar: Int?
    }
}
