/// An identifier of a thing of kind `Kind`: ids of standards, units, resources and phases are
/// different types, so one cannot be passed where another is meant.
public struct Identifier<Kind>: Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    /// The id as written in the scenario file.
    public let rawValue: String

    /// Wraps `rawValue`.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Identifies a standard.
public typealias StandardID = Identifier<Standard>
/// Identifies a lead unit.
public typealias UnitID = Identifier<LeadUnit>
/// Identifies a shared resource.
public typealias ResourceID = Identifier<SharedResource>
/// Identifies a phase of the life cycle.
public typealias PhaseID = Identifier<Phase>
