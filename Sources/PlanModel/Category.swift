/// A category of standards, declared by the scenario (`categories:`), or one of the six of the
/// 2022–2025 technology-management plan when a scenario declares none.
///
/// Two categories are the same when their ids are; the names only label reports.
public struct Category: Hashable, Sendable, CustomStringConvertible {
    /// Its id in the scenario, e.g. `operations`.
    public let rawValue: String
    /// Its name as the programme writes it, e.g. 运维服务.
    public var name: String
    /// A short label for narrow table columns (the name when not given).
    public var shortName: String

    /// Creates a category.
    public init(id: String, name: String, shortName: String? = nil) {
        rawValue = id
        self.name = name
        self.shortName = shortName ?? name
    }

    public static func == (lhs: Category, rhs: Category) -> Bool { lhs.rawValue == rhs.rawValue }
    public func hash(into hasher: inout Hasher) { hasher.combine(rawValue) }
    public var description: String { rawValue }

    /// Finds a category of `categories` by its id or its name (with or without a trailing 类).
    public static func named(_ text: String, in categories: [Category]) -> Category? {
        let trimmed = text.hasSuffix("类") ? String(text.dropLast()) : text
        return categories.first { $0.rawValue == text || $0.name == text || $0.name == trimmed }
    }

    /// The six categories of the 2022–2025 plan, in the plan's order: the default when a scenario
    /// declares none, so scenarios written before categories could be declared keep working.
    public static let plan2022: [Category] = [
        .itGovernance, .technologyPlatform, .applicationSystems, .userAccess, .operations, .digitalTransformation,
    ]

    /// IT治理规范和基础设施.
    public static let itGovernance = Category(id: "it-governance", name: "IT治理规范和基础设施", shortName: "IT治理")
    /// 技术平台.
    public static let technologyPlatform = Category(id: "technology-platform", name: "技术平台")
    /// 应用系统.
    public static let applicationSystems = Category(id: "application-systems", name: "应用系统")
    /// 用户接入.
    public static let userAccess = Category(id: "user-access", name: "用户接入")
    /// 运维服务.
    public static let operations = Category(id: "operations", name: "运维服务")
    /// 数字化转型评估.
    public static let digitalTransformation = Category(id: "digital-transformation", name: "数字化转型评估", shortName: "数字化转型")
}
