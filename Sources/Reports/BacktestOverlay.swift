import Foundation
import PlanModel
import Risk
import ScenarioFile

/// The calibration of a backtest as a what-if overlay (`stdplan backtest --write-calibrated`):
/// a file that `extends` the scenario and scales each phase's durations by its calibrated
/// factor (`scale_durations`), so `stdplan plan`, `compare` and `report` take it like any what-if.
public struct BacktestOverlay: Sendable {
    /// The scenario, as loaded.
    public let portfolio: Portfolio
    /// The backtest; its calibration is written.
    public let calibration: BacktestCalibration
    /// The last publication of the plan: the horizon is stretched from it.
    public let planEnd: Month
    /// The plan start and status date of the backtest.
    public let planStart: Month
    /// See ``planStart``.
    public let asOf: Month
    /// What `extends:` names: a path relative to the overlay's directory, or `baseline`.
    public let extends: String
    /// The command that made it, for the header.
    public let command: String

    /// Creates an overlay.
    public init(portfolio: Portfolio, calibration: BacktestCalibration, planEnd: Month, planStart: Month, asOf: Month, extends: String, command: String) {
        self.portfolio = portfolio
        self.planEnd = planEnd
        self.calibration = calibration
        self.planStart = planStart
        self.asOf = asOf
        self.extends = extends
        self.command = command
    }

    /// A YAML double-quoted scalar, as the scenario writer makes it.
    static func quoted(_ text: String) -> String { ScenarioWriter.quoted(text) }

    /// The factor of each phase written: by phase when that is better than one factor by more
    /// than chance (``BacktestCalibration/byPhaseIsBetter``), else the overall factor for all.
    var factors: [(phase: BacktestPhaseFactor?, factor: Double)] {
        calibration.byPhaseIsBetter ? calibration.phases.map { ($0, $0.factor.value) } : [(nil, calibration.overall.value)]
    }

    /// Room for the scaled work: the plan's span to its last publication stretched by the largest
    /// factor, plus two years for the capacity it will queue for; never before the scenario's horizon.
    var horizonEnd: Month {
        let largest = max(1, factors.map(\.factor).max() ?? 1)
        let span = Double(planEnd - portfolio.planStart + 1) * largest
        return max(portfolio.horizonEnd, portfolio.planStart + Int(span.rounded(.up)) - 1 + 24)
    }

    /// The overlay's text.
    public func render() -> String {
        let o = calibration.overall
        var out = "# Calibrated durations: the factors under which the facts as of \(asOf) are most likely for the\n"
        out += "# forecast made at the plan start \(planStart). Written by\n#   \(command)\n"
        out += "# All durations: \(BacktestFactor.times(o.value)) (range \(o.rangeText)): \(o.verdictText).\n"
        out += "# Log-likelihood of the facts: \(BacktestReport.number(calibration.logLikelihoodAtPlan)) at the plan's durations, "
        out += "\(BacktestReport.number(o.logLikelihood)) with \(BacktestFactor.times(o.value)) for all, \(BacktestReport.number(calibration.logLikelihoodByPhase)) by phase.\n"
        out += "# \(BacktestReport.byPhaseText(calibration))\n"
        out += "# The factors scale each phase's planned months (rounded half up, at least one month), as\n"
        out += "# scale_durations does; a what-if cannot scale the scenario's uncertainty section, so\n"
        out += "# `stdplan risk` on this file draws around the new months within the old ranges.\n"
        out += "# Every factor is an estimate from few facts: read the ranges before relying on it.\n"
        out += "format: 1\n"
        out += "extends: \(Self.quoted(extends))\n"
        out += "name: \(Self.quoted("\(portfolio.name)（按\(asOf)实况校准）/ calibrated against \(asOf)"))\n"
        out += "question: \(Self.quoted("How does the plan look with its durations calibrated against what had happened by \(asOf)?"))\n"
        if horizonEnd > portfolio.horizonEnd {
            out += "horizon_end: \(horizonEnd)   # the scenario's horizon stretched by the largest factor, so the longer work fits\n"
        }
        out += "changes:\n"
        for (phase, factor) in factors {
            guard let phase else {
                let by = calibration.phasesMoved == 0 ? "" : "; factors by phase were not better by more than chance"
                out += "  - name: calibrate-all-durations\n"
                out += "    note: \(Self.quoted("all durations \(BacktestFactor.times(factor)) (range \(o.rangeText))\(by)"))\n"
                out += "    scale_durations: {factor: \(factor)}\n"
                continue
            }
            out += "  - name: \(Self.quoted("calibrate-\(phase.phase.rawValue)"))\n"
            out += "    note: \(Self.quoted("\(phase.name) \(BacktestFactor.times(factor)) (range \(phase.factor.rangeText)): \(phase.factor.verdictText)"))\n"
            out += "    scale_durations: {phase: \(Self.quoted(phase.phase.rawValue)), factor: \(factor)}\n"
        }
        return out
    }
}
