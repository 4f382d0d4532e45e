/// Removes phases that load nothing (no unit load, no shared resource, no fixed start) from the
/// problem the solvers see, and puts them back when decoding.
///
/// Such a phase never competes for capacity, so all it does is pass delays on: it is eliminated
/// by joining every precedence into it with every precedence out of it (Fourier–Motzkin on the
/// difference constraints), its release passing on to its successors. A standard's last phase
/// (publication) with only its own previous phase before it becomes a *tail* of that phase.
/// Only phases with at most one precedence on one side are folded, so the number of precedences
/// never grows. Put back in reverse order at the earliest start their predecessors allow, every
/// folded phase meets all its original constraints: the joined precedences guarantee that this
/// start leaves room before each successor, and the horizon is covered by the successor (or by
/// the tail); a folded first phase may equally go as late as its successors allow. In the baseline these are initiation (立项) and publication (发布): a third of the
/// tasks, and their step variables, leave the MIP.
struct PhaseFolding: Sendable {
    /// A folded task and what fixes its start: the latest of its release and its predecessors'
    /// starts plus delays, as they stood when it was folded (original task indices).
    private struct Fold: Sendable {
        var task: Int
        var release: Int
        var incoming: [(predecessor: Int, delay: Int)]
        /// For a standard's first remaining phase: its successors, so that it is put back as late as
        /// they allow (initiation just before drafting, not months ahead of it).
        var outgoing: [(successor: Int, delay: Int)]?
    }

    /// The problem as given.
    let original: PlanningProblem
    /// The problem without the folded tasks: what the heuristic and the MIP solve.
    let reduced: PlanningProblem
    /// Original task index of each reduced task.
    private let kept: [Int]
    /// Folds in the order they were made.
    private let folds: [Fold]

    /// Folds every eligible phase of `problem`; `enabled: false` keeps the problem as it is.
    /// Folding stops early when `shouldStop` says so (Ctrl-C, time limit): each fold is valid on
    /// its own, so a problem folded part way is as correct, only larger.
    init(_ problem: PlanningProblem, enabled: Bool = true, shouldStop: () -> Bool = { false }) {
        original = problem
        var tasks = problem.tasks
        var precedences = problem.precedences.map { (a: $0.predecessor, b: $0.successor, delay: $0.delay) }
        var removed = Array(repeating: false, count: tasks.count)
        var folds: [Fold] = []
        var open = problem.open

        if enabled {
            for (k, standard) in problem.open.enumerated() where !shouldStop() {
                for (position, task) in standard.tasks.enumerated() {
                    let t = tasks[task]
                    guard t.fixedStart == nil, t.unitLoad == 0, t.resourceLoads.allSatisfy({ $0.amount == 0 }) else { continue }
                    // Only plain phases pass delays on: one bound to a calendar, or with a wait that is
                    // limited or costs (before it or after it), constrains more than a delay.
                    let next = position + 1 < standard.tasks.count ? standard.tasks[position + 1] : nil
                    guard t.allowedStarts == nil, t.idleCost == 0, next.map({ tasks[$0].idleCost == 0 }) ?? true,
                          !problem.maxLags.contains(where: { $0.predecessor == task || $0.successor == task }) else { continue }
                    let into = precedences.indices.filter { precedences[$0].b == task }
                    let outOf = precedences.indices.filter { precedences[$0].a == task }
                    let isLast = position == standard.tasks.count - 1
                    if isLast {
                        // Publication = previous phase's finish + this duration: only when nothing else holds it back.
                        // The phase before it among those still there (an earlier one may be folded already).
                        let remaining = open[k].tasks
                        guard remaining.count > 1, into.count == 1 else { continue }
                        let previous = remaining[remaining.count - 2]
                        let link = precedences[into[0]]
                        guard link.a == previous, link.delay == tasks[previous].duration,
                              t.release <= tasks[previous].release + link.delay else { continue }
                        tasks[previous].tail = t.duration + t.tail
                    } else {
                        // The next phase of the same standard follows it, so the horizon binds there.
                        guard into.count <= 1 || outOf.count <= 1, !outOf.isEmpty else { continue }
                    }
                    var joined: [(a: Int, b: Int, delay: Int)] = []
                    for i in into {
                        for o in outOf { joined.append((precedences[i].a, precedences[o].b, precedences[i].delay + precedences[o].delay)) }
                    }
                    for o in outOf {
                        let successor = precedences[o].b
                        if tasks[successor].fixedStart == nil {
                            tasks[successor].release = max(tasks[successor].release, t.release + precedences[o].delay)
                        }
                    }
                    let first = open[k].tasks.first == task
                    folds.append(Fold(task: task, release: t.release, incoming: into.map { (precedences[$0].a, precedences[$0].delay) },
                                      outgoing: first ? outOf.map { (precedences[$0].b, precedences[$0].delay) } : nil))
                    let drop = Set(into + outOf)
                    precedences = precedences.indices.filter { !drop.contains($0) }.map { precedences[$0] } + joined
                    removed[task] = true
                    open[k].tasks.removeAll { $0 == task }
                }
            }
        }

        let kept = tasks.indices.filter { !removed[$0] }
        var newIndex = Array(repeating: -1, count: tasks.count)
        for (index, task) in kept.enumerated() { newIndex[task] = index }
        var reduced = problem
        reduced.tasks = kept.map { tasks[$0] }
        reduced.precedences = precedences.map { PlanningProblem.Precedence(predecessor: newIndex[$0.a], successor: newIndex[$0.b], delay: $0.delay) }
        reduced.maxLags = problem.maxLags.map { PlanningProblem.MaxLag(predecessor: newIndex[$0.predecessor], successor: newIndex[$0.successor], limit: $0.limit) }
        for k in open.indices { open[k].tasks = open[k].tasks.map { newIndex[$0] } }
        reduced.open = open
        // Indexed by the original tasks, and of use only to consumers of the unfolded problem.
        reduced.facts = []
        reduced.dependencies = []
        self.reduced = reduced
        self.kept = kept
        self.folds = folds
    }

    /// Number of tasks folded away.
    var foldedCount: Int { folds.count }

    /// The original task index of a reduced task.
    func originalTask(_ reducedTask: Int) -> Int { kept[reducedTask] }

    /// A schedule of the original problem as one of the reduced problem: the kept tasks' starts. It
    /// meets every reduced constraint (the joined precedences and passed-on releases are implied by
    /// the original ones), and its cost there is no higher, since a folded publication follows its
    /// previous phase at once.
    func reduce(_ assignment: Assignment) -> Assignment {
        Assignment(starts: kept.map { assignment.starts[$0] }, units: assignment.units)
    }

    /// A schedule of the reduced problem as a schedule of the original one, last folded first: a
    /// standard's folded first phase as late as its successors allow, every other folded phase at the
    /// earliest start its predecessors and release allow. Both lie inside the range the joined
    /// precedences leave open.
    func expand(_ assignment: Assignment) -> Assignment {
        var starts = Array(repeating: 0, count: original.tasks.count)
        for (index, task) in kept.enumerated() { starts[task] = assignment.starts[index] }
        for fold in folds.reversed() {
            if let outgoing = fold.outgoing, let latest = outgoing.map({ starts[$0.successor] - $0.delay }).min() {
                starts[fold.task] = latest
            } else {
                starts[fold.task] = fold.incoming.reduce(fold.release) { max($0, starts[$1.predecessor] + $1.delay) }
            }
        }
        return Assignment(starts: starts, units: assignment.units)
    }
}
