/// The six categories of the 2022–2025 technology-management standards plan.
public enum Category: String, CaseIterable, Sendable, Codable, Hashable {
    case itGovernance = "it-governance"
    case technologyPlatform = "technology-platform"
    case applicationSystems = "application-systems"
    case userAccess = "user-access"
    case operations = "operations"
    case digitalTransformation = "digital-transformation"

    /// The category's name in the plan.
    public var chineseName: String {
        switch self {
        case .itGovernance: "IT治理规范和基础设施"
        case .technologyPlatform: "技术平台"
        case .applicationSystems: "应用系统"
        case .userAccess: "用户接入"
        case .operations: "运维服务"
        case .digitalTransformation: "数字化转型评估"
        }
    }

    /// A short label for narrow table columns.
    public var shortName: String {
        switch self {
        case .itGovernance: "IT治理"
        case .technologyPlatform: "技术平台"
        case .applicationSystems: "应用系统"
        case .userAccess: "用户接入"
        case .operations: "运维服务"
        case .digitalTransformation: "数字化转型"
        }
    }

    /// Finds a category by its key or its Chinese name (with or without the trailing 类).
    public init?(named name: String) {
        let trimmed = name.hasSuffix("类") ? String(name.dropLast()) : name
        guard let found = Category.allCases.first(where: { $0.rawValue == name || $0.chineseName == trimmed })
        else { return nil }
        self = found
    }
}
