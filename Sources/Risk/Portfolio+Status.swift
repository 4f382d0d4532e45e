import PlanModel

extension Portfolio {
    /// This portfolio as it stands on the status date: planning starts at `status.asOf`, each
    /// standard takes the status the file gives it (a fact for the planner, whether the file
    /// marks it `fact` or `assumption`: published work is done, a phase under way keeps its
    /// start, deferred work starts no earlier than its month, cancelled and superseded work is
    /// not scheduled and dependencies on it are void or wait for the superseding standard), and
    /// a lead unit named in the status replaces the candidates. The horizon is the status
    /// file's, else the scenario's (at least `asOf`).
    public func applying(_ status: StatusSnapshot) -> Portfolio {
        var copy = self
        copy.planStart = status.asOf
        copy.horizonEnd = status.horizonEnd ?? max(horizonEnd, status.asOf)
        for entry in status.entries {
            guard let index = copy.standards.firstIndex(where: { $0.id == entry.standard }) else { continue }
            copy.standards[index].status = entry.status
            if let unit = entry.leadUnit { copy.standards[index].leadUnits = [unit] }
            if let reference = entry.reference { copy.standards[index].reference = reference }
        }
        return copy
    }
}
