/// How long and how boldly ``LagrangianBound/maximise(_:from:)`` climbs the dual function.
///
/// The step is Polyak's: θ · (target − L) / ‖g‖², with g the projected subgradient and the target an
/// upper bound on the optimum (the value of a known schedule) when there is one; θ starts at
/// `initialStep` and halves after `patience` steps without a better bound. Every choice is a count,
/// so the result does not depend on the machine's speed unless `timeLimit` cuts it short.
struct LagrangianOptions: Sendable, Hashable {
    /// Most subgradient steps (each one evaluation of the dual function).
    var iterations: Int
    /// Wall-clock seconds, if limited.
    var timeLimit: Double?
    /// The objective's value (level plus guide, see ``BoundObjective/value(of:in:)``) of a known
    /// schedule within the windows: the Polyak target, and the point where the climb stops because
    /// the level is proven. Without one the target is the best bound plus 5 % (at least one unit).
    var upperBound: Double?
    /// θ at the start: 2 is the classical choice (Held, Wolfe and Crowder).
    var initialStep: Double
    /// Steps without a better bound before θ halves.
    var patience: Int
    /// What θ is multiplied by after `patience` steps without progress.
    var stepDecay: Double
    /// The climb stops once θ falls below this.
    var smallestStep: Double
    /// τ of the deflected direction (0: plain subgradient steps; 1.5: Camerini, Fratta and Maffioli).
    var deflection: Double

    /// Creates options; the defaults give a bound within a few seconds at 1,000 standards.
    init(iterations: Int = 300, timeLimit: Double? = nil, upperBound: Double? = nil, initialStep: Double = 2,
         patience: Int = 10, stepDecay: Double = 0.5, smallestStep: Double = 1e-3, deflection: Double = 0) {
        self.iterations = iterations
        self.timeLimit = timeLimit
        self.upperBound = upperBound
        self.initialStep = initialStep
        self.patience = patience
        self.stepDecay = stepDecay
        self.smallestStep = smallestStep
        self.deflection = deflection
    }
}
