import PlanModel

/// The capacity of one unit or review body month by month from the plan start, and the load
/// the reference schedule has put on it so far. Months are counted from the plan start (0);
/// the ledger grows as the schedule reaches later months.
struct CapacityLedger {
    private let profile: CapacityProfile
    private let planStart: Month
    private var used: [Int] = []

    init(_ profile: CapacityProfile, planStart: Month) {
        self.profile = profile
        self.planStart = planStart
    }

    /// Capacity left in month `m` (from the plan start).
    func free(in m: Int) -> Int {
        profile.capacity(in: planStart + m) - (m < used.count ? used[m] : 0)
    }

    /// The first month in `m..<m + months` (months before the plan start skipped) that cannot
    /// take `load` more, or nil when all can.
    func firstFull(from m: Int, months: Int, load: Int) -> Int? {
        guard load > 0 else { return nil }
        for month in max(0, m)..<max(0, m + months) where free(in: month) < load { return month }
        return nil
    }

    /// Adds `load` in `m..<m + months` (months before the plan start are not counted).
    mutating func add(from m: Int, months: Int, load: Int) {
        guard load > 0, m + months > 0 else { return }
        if used.count < m + months { used += Array(repeating: 0, count: m + months - used.count) }
        for month in max(0, m)..<(m + months) { used[month] += load }
    }
}
