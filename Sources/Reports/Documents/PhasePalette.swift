import PlanModel

/// A colour for every phase of the life cycle, in life-cycle order, shared by the bars and the
/// legend. The colours are the Okabe–Ito set, distinguishable with the common colour-vision
/// deficiencies, in an order where neighbouring phases differ in lightness as well as hue.
struct PhasePalette: Sendable {
    /// Phases in life-cycle order (those of the longest life cycle first, then any others).
    var phases: [(id: PhaseID, name: String)]

    /// The fills, by index; the palette repeats beyond its length.
    static let fills = ["#8a97a6", "#0072b2", "#56b4e9", "#009e73", "#e69f00", "#cc79a7", "#d55e00", "#999933", "#332288"]

    /// The palette of the phases of `portfolios`: the longest life cycle's in its order, then
    /// any phase only other standards have.
    init(portfolios: [Portfolio]) {
        var seen: Set<PhaseID> = []
        var phases: [(id: PhaseID, name: String)] = []
        // A stable sort: among life cycles of equal length, scenario order decides.
        let standards = portfolios.flatMap(\.standards).enumerated()
            .sorted { ($0.element.phases.count, $1.offset) > ($1.element.phases.count, $0.offset) }.map(\.element)
        for standard in standards {
            for phase in standard.phases where seen.insert(phase.id).inserted { phases.append((phase.id, phase.name)) }
        }
        self.phases = phases
    }

    /// The index of `phase` (its CSS class is `p<index>`).
    func index(of phase: PhaseID) -> Int { phases.firstIndex { $0.id == phase } ?? 0 }

    /// The CSS rules that colour bars and swatches by phase.
    var css: String {
        phases.indices.map { i in
            let fill = Self.fills[i % Self.fills.count]
            return ".p\(i){fill:\(fill);background:\(fill)}"
        }.joined(separator: "\n")
    }
}
