import PlanModel

/// A loaded scenario: the portfolio to plan and where it came from. A what-if overlay also
/// carries the changes it applied to its base, in order, so reports can name them.
public struct Scenario: Sendable {
    /// What to plan.
    public var portfolio: Portfolio
    /// The default life cycle of the root scenario (what added standards go through).
    public var lifeCycle: [Phase]
    /// The root scenario's life cycle for revisions (`revision_life_cycle`); nil when it declares none.
    public var revisionLifeCycle: [Phase]?
    /// The file it was loaded from, as the user named it (or the built-in baseline's name).
    public var file: String
    /// The question a what-if answers, from its `question:` key.
    public var question: String?
    /// The changes applied on top of the root scenario, base first.
    public var changes: [ScenarioChange]
    /// For an overlay: the root scenario's portfolio, then the portfolio after each change in
    /// turn (so `stages.count == changes.count + 1`); empty for a plain scenario. Planning the
    /// stages side by side shows what each change did.
    public var stages: [Portfolio] = []
    /// Warnings found while loading (the scenario loads; each says what has no effect and why).
    public var warnings: [ScenarioProblem] = []
    /// Where the root scenario declares its standards and dependencies, so that problems found
    /// later (a status file contradicting a dependency) can name the scenario's lines too.
    public var locations = SourceLocations()

    /// Creates a scenario.
    public init(portfolio: Portfolio, lifeCycle: [Phase], file: String, question: String? = nil, changes: [ScenarioChange] = []) {
        self.portfolio = portfolio
        self.lifeCycle = lifeCycle
        self.file = file
        self.question = question
        self.changes = changes
    }
}
