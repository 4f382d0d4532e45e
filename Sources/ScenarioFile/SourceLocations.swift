import PlanModel
import Yams

/// Lines of a scenario file where its standards, their facts and their dependencies are
/// declared, read from the file's tree after it loaded, so messages about other files (a status
/// file) can point at the scenario's lines as well.
public struct SourceLocations: Hashable, Sendable {
    /// A place in a file.
    public struct Location: Hashable, Sendable, CustomStringConvertible {
        /// The file, as the user named it.
        public var file: String
        /// 1-based line.
        public var line: Int
        /// `file:line`.
        public var description: String { "\(file):\(line)" }
    }

    /// Each standard's entry (the line of its first key).
    public var standards: [StandardID: Location] = [:]
    /// Each standard's fact: its `status:` line (`current_phase:` for work in progress).
    public var facts: [StandardID: Location] = [:]
    /// Each dependency's `after` entry.
    public var dependencies: [Dependency: Location] = [:]

    /// No locations (the built-in baseline's are kept too, with its name).
    public init() {}

    /// The locations in the tree of a scenario that loaded without problems.
    init(root: Node, file: String) {
        guard case .mapping(let top) = root, case .sequence(let items)? = top["standards"] else { return }
        func location(_ node: Node?) -> Location? { node?.mark.map { Location(file: file, line: $0.line) } }
        for item in items {
            guard case .mapping(let entry) = item, let id = entry["id"]?.string else { continue }
            let standard = StandardID(id)
            standards[standard] = location(item)
            facts[standard] = location(entry["current_phase"] ?? entry["status"] ?? item)
            guard case .sequence(let after)? = entry["after"] else { continue }
            for dependencyNode in after {
                guard case .mapping(let fields) = dependencyNode, let predecessor = fields["standard"]?.string else { continue }
                let dependency = Dependency(
                    predecessor: StandardID(predecessor), predecessorPhase: fields["phase"]?.string.map { PhaseID($0) },
                    successor: standard, successorPhase: fields["starts"]?.string.map { PhaseID($0) },
                    lag: fields["lag"]?.string.flatMap { Int($0) } ?? 0)
                dependencies[dependency] = location(dependencyNode)
            }
        }
    }
}
