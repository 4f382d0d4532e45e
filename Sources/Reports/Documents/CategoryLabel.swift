import PlanModel

/// A standard's category as the documents show it: an id, a name and a short name.
///
/// Categories are read only through ``of(_:)``, so when they become scenario-declared values
/// (an id, a name and a short name of their own) this is the one place to change.
struct CategoryLabel: Hashable, Sendable {
    /// Stable key, e.g. `operations`.
    var id: String
    /// The name in the plan, e.g. 运维服务.
    var name: String
    /// A short label for narrow spaces.
    var shortName: String

    /// The category of `standard`.
    static func of(_ standard: Standard) -> CategoryLabel {
        CategoryLabel(id: standard.category.rawValue, name: standard.category.name, shortName: standard.category.shortName)
    }
}
