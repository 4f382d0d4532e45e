import PlanModel
import Risk

/// Slip reasons in words, with the scenario's names for phases and the slip of the
/// standards a dependency waits for.
struct SlipText {
    let scenario: Portfolio
    let slippage: [Slippage]

    func describe(_ reason: SlipReason, _ standard: Standard?) -> String {
        func phase(_ id: PhaseID) -> String { standard?.phases.first { $0.id == id }?.name ?? id.rawValue }
        switch reason {
        case .lateStart: return "late start"
        case .deferred(let until): return "deferred until \(until)"
        case .behind(let reaching): return "behind on reaching \(phase(reaching))"
        case .longerPhases(let from, let through): return from == through ? "longer \(phase(from))" : "longer \(phase(from))–\(phase(through))"
        case .longerPhase(let id): return "longer \(phase(id))"
        case .publishedLater: return "published later"
        case .unitCapacity(let unit): return "capacity of \(unit)"
        case .resourceCapacity(let resource): return "capacity of \(resource)"
        case .dependency(let id):
            let slip = slippage.first { $0.standard == id }?.monthsSlipped
            return "waits for \(id)" + (slip.map { " (slipped \(Self.signed($0)))" } ?? "")
        case .earliestStart: return "earliest start"
        case .calendar(let id): return "waits for \(scenario.calendar(id)?.name ?? id.rawValue)"
        case .lessWaiting: return "less waiting"
        case .schedulingChoice: return "optimizer's choice"
        }
    }

    /// The reasons of `item`, largest first, e.g. "late start +28, capacity of wg-review +5";
    /// for withdrawn work its status ("cancelled", "superseded by JR/T 0271—2023").
    func summary(_ item: Slippage) -> String {
        if item.isWithdrawn { return item.status.words(for: scenario.standard(item.standard)) }
        guard item.monthsSlipped != 0 else { return item.contributions.isEmpty ? "on plan" : "on plan (" + parts(item) + ")" }
        return parts(item)
    }

    private func parts(_ item: Slippage) -> String {
        let standard = scenario.standard(item.standard)
        return item.contributions.map { "\(describe($0.reason, standard)) \(Self.signed($0.months))" }.joined(separator: ", ")
    }

    static func signed(_ value: Int) -> String { value > 0 ? "+\(value)" : "\(value)" }
}
