/// How long and how boldly ``LagrangianBound/maximise(_:from:)`` climbs the dual function.
///
/// The step is Polyak's, θ · (target − L) / ‖d‖² along a deflected subgradient d (see
/// ``LagrangianBound/maximise(_:from:)``); θ starts at `initialStep` and shrinks by `stepDecay` after
/// `patience` steps without a better bound. Every choice is a count, so the result does not depend on
/// the machine's speed unless `timeLimit` cuts it short.
///
/// The defaults were chosen on the baseline, three of its what-ifs and generated portfolios of 100
/// (seeds 1–3), 300 (seeds 1, 2) and 1,000 standards: among the settings tried, the only one within
/// one unit of the best bound found on every file (`Scripts/bench-bounds` prints the figures).
struct LagrangianOptions: Sendable, Hashable {
    /// Most subgradient steps (each one evaluation of the dual function).
    var iterations: Int
    /// Wall-clock seconds, if limited.
    var timeLimit: Double?
    /// The objective's value (level plus guide, see ``BoundObjective/value(of:in:)``) of a known
    /// schedule within the windows: the climb stops once the level is proven (the bound, rounded up,
    /// reaches it), and the steps aim at least this high.
    var upperBound: Double?
    /// The steps aim this fraction of the best bound above it (at least one unit).
    var targetRise: Double
    /// θ at the start (2 is the classical choice of Held, Wolfe and Crowder).
    var initialStep: Double
    /// Steps without a better bound before θ shrinks.
    var patience: Int
    /// What θ is multiplied by after `patience` steps without progress.
    var stepDecay: Double
    /// The climb stops once θ falls below this.
    var smallestStep: Double
    /// τ of the deflected direction (0: plain subgradient steps; 1.5: Camerini, Fratta and Maffioli).
    var deflection: Double

    /// Creates options with the measured defaults.
    init(iterations: Int = 1000, timeLimit: Double? = nil, upperBound: Double? = nil, targetRise: Double = 0.5, initialStep: Double = 2,
         patience: Int = 30, stepDecay: Double = 0.5, smallestStep: Double = 1e-3, deflection: Double = 1.5) {
        self.iterations = iterations
        self.timeLimit = timeLimit
        self.upperBound = upperBound
        self.targetRise = targetRise
        self.initialStep = initialStep
        self.patience = patience
        self.stepDecay = stepDecay
        self.smallestStep = smallestStep
        self.deflection = deflection
    }
}
