import Foundation
import Risk

extension BacktestFactor {
    /// "×1.78".
    static func times(_ factor: Double) -> String { String(format: "×%.2f", factor) }

    /// The range in words: "×1.41 to ×2.24", "×0.50 or less to ×1.19", "any (×0.50 to ×4.00)".
    var rangeText: String {
        if lowIsOpen && highIsOpen { return "any (\(Self.times(low)) to \(Self.times(high)))" }
        return Self.times(low) + (lowIsOpen ? " or less" : "") + " to " + Self.times(high) + (highIsOpen ? " or more" : "")
    }

    /// The verdict in a planner's words: "durations were about ×1.8 too short", "the plan's
    /// durations fit the facts", …
    var verdictText: String {
        let about = String(format: "×%.1f", value)
        switch verdict {
        case .fits: return "the plan's durations fit the facts"
        case .undetermined: return "the facts do not tell"
        case .tooShort:
            return value >= BacktestCalibration.grid.last! ? "durations were at least \(about) too short (the search stops there)"
                : "durations were about \(about) too short"
        case .tooLong:
            return value <= BacktestCalibration.grid.first! ? "durations were too long: the work took at most \(about) of them (the search stops there)"
                : "durations were too long: the work took about \(about) of them"
        }
    }
}
