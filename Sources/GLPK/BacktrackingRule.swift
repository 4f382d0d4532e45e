import CGLPK

/// Which open subproblem branch-and-bound continues with after a node is finished (GLPK's `bt_tech`).
public enum BacktrackingRule: Sendable {
    /// Depth-first search (`GLP_BT_DFS`).
    case depthFirst
    /// Breadth-first search (`GLP_BT_BFS`).
    case breadthFirst
    /// Best local bound (`GLP_BT_BLB`); GLPK's default.
    case bestLocalBound
    /// Best projection heuristic (`GLP_BT_BPH`).
    case bestProjection

    /// The `GLP_BT_*` code.
    var glpkCode: Int32 {
        switch self {
        case .depthFirst: GLP_BT_DFS
        case .breadthFirst: GLP_BT_BFS
        case .bestLocalBound: GLP_BT_BLB
        case .bestProjection: GLP_BT_BPH
        }
    }
}
