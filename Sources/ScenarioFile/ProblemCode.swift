/// A stable code for each kind of problem found in an input file, printed after the message
/// (`[SP-E0104]`) and listed with how to fix it in docs/errors.md. Codes never change meaning
/// once released; new kinds get new codes.
public enum ProblemCode: String, CaseIterable, Sendable, Hashable, Codable {
    // Reading files.
    /// The file does not exist.
    case fileNotFound = "SP-E0001"
    /// The file exists but cannot be read (permissions, a directory, not UTF-8).
    case unreadable = "SP-E0002"
    /// Not a regular file (a device, a pipe, a socket): it could be endless.
    case notRegularFile = "SP-E0003"
    /// Larger than stdplan reads.
    case fileTooLarge = "SP-E0004"

    // YAML.
    /// YAML syntax (indentation, quotes, a second document) or a key given twice.
    case malformedYAML = "SP-E0010"
    /// An alias (`*name`) used as a mapping key.
    case aliasAsKey = "SP-E0011"
    /// Aliases that expand to too many nodes, or nest too deep.
    case aliasExpansion = "SP-E0012"
    /// Empty file, or a `format` this build does not read.
    case unsupportedFormat = "SP-E0013"

    // Keys and values.
    /// A key the format does not have (often a typo).
    case unknownKey = "SP-E0101"
    /// A required key is missing.
    case missingKey = "SP-E0102"
    /// A value of the wrong kind (text where a number is needed, a list where a mapping is).
    case wrongType = "SP-E0103"
    /// A number or month outside its documented range.
    case outOfRange = "SP-E0104"
    /// An id with characters other than ASCII letters, digits, '-', '_' and '.'.
    case invalidID = "SP-E0105"
    /// Text with control characters (escape sequences, NUL, bell, line breaks).
    case controlCharacter = "SP-E0106"
    /// Keys that exclude each other, or a key that does not apply with the others given.
    case conflictingKeys = "SP-E0107"

    // References among things.
    /// A reference to a standard, unit, resource, phase, category, status or distribution that does not exist.
    case unknownReference = "SP-E0201"
    /// The same id (or name) twice where it must be unique.
    case duplicate = "SP-E0202"
    /// Dependencies that form a cycle, or a standard that depends on itself.
    case dependencyCycle = "SP-E0203"
    /// A filter or list that selects nothing (a change that changes nothing, no candidates).
    case nothingSelected = "SP-E0204"

    // Dates and facts.
    /// Months in the wrong order (horizon before start, a fact after the status date, ...).
    case dateOrder = "SP-E0301"
    /// A status fact that contradicts a fact of the scenario (a standard going back, a publication month changed).
    case factContradictsScenario = "SP-E0302"
    /// A fact (in progress, published) that contradicts a dependency: work started before what it waits for.
    case factContradictsDependency = "SP-E0303"
    /// A three-point estimate or correlation that is inconsistent.
    case inconsistentEstimate = "SP-E0304"
    /// Weights, capacities or the horizon so large that the objective or the model cannot be computed exactly.
    case tooLarge = "SP-E0305"

    // What-if overlays.
    /// A chain of `extends` that loops, is too long, or names something that is not a scenario file.
    case extendsChain = "SP-E0401"

    // Warnings: the file loads, but something in it has no effect.
    /// A capacity change dated after `horizon_end`: no plan of the scenario reaches it.
    case capacityChangeBeyondHorizon = "SP-W0501"

    /// Any other problem with a value.
    case invalidValue = "SP-E0199"

    /// True for the codes of warnings (the file still loads).
    public var isWarning: Bool { rawValue.hasPrefix("SP-W") }

    /// A short title, as in docs/errors.md.
    public var title: String {
        switch self {
        case .fileNotFound: "file not found"
        case .unreadable: "file unreadable"
        case .notRegularFile: "not a regular file"
        case .fileTooLarge: "file too large"
        case .malformedYAML: "malformed YAML"
        case .aliasAsKey: "alias used as a key"
        case .aliasExpansion: "aliases expand too far"
        case .unsupportedFormat: "empty file or unsupported format"
        case .unknownKey: "unknown key"
        case .missingKey: "missing key"
        case .wrongType: "wrong kind of value"
        case .outOfRange: "value out of range"
        case .invalidID: "invalid id"
        case .controlCharacter: "control character in text"
        case .conflictingKeys: "conflicting keys"
        case .unknownReference: "unknown reference"
        case .duplicate: "duplicate"
        case .dependencyCycle: "dependency cycle"
        case .nothingSelected: "nothing selected"
        case .dateOrder: "months in the wrong order"
        case .factContradictsScenario: "status contradicts the scenario"
        case .factContradictsDependency: "fact contradicts a dependency"
        case .inconsistentEstimate: "inconsistent estimate"
        case .tooLarge: "numbers too large to plan exactly"
        case .extendsChain: "bad chain of extends"
        case .capacityChangeBeyondHorizon: "capacity change after the horizon"
        case .invalidValue: "invalid value"
        }
    }

    /// The code of a problem reported without one, from the words of its message. The parsers
    /// report through ``Diagnostics`` with fixed message patterns, so the mapping is stable;
    /// a test runs every bad-input fixture and checks that none falls through to ``invalidValue``.
    static func classify(_ message: String) -> ProblemCode {
        func has(_ words: String...) -> Bool { words.contains { message.contains($0) } }
        func starts(_ words: String...) -> Bool { words.contains { message.hasPrefix($0) } }
        if starts("unknown key") { return .unknownKey }
        if starts("missing required key", "missing lead unit") || has("needs a target year") { return .missingKey }
        if has("is out of range", "must take at least one month") { return .outOfRange }
        if has("is not a valid id") { return .invalidID }
        if has("cycle", "depends on itself", "cannot depend on itself") { return .dependencyCycle }
        if has("duplicate", "listed twice", "second status", "two changes are named", "already exists") { return .duplicate }
        if starts("unsupported format", "the file is empty") { return .unsupportedFormat }
        if has("pessimistic", "likely", "lognormal", "the planned months of", "shares add up") { return .inconsistentEstimate }
        if starts("expected ") || has("keys must be plain names") { return .wrongType }
        if starts("unknown ") || has("has no phase") { return .unknownReference }
        if has("only applies to", "both lead_unit and lead_units", "name exactly one of", "one change, one action") { return .conflictingKeys }
        if has("the change does nothing", "no phase matches", "no planned standard matches", "no unpublished standard",
               "does not depend on", "no candidate lead units", "has no phases", "no status for") { return .nothingSelected }
        if has("cannot be not started", "according to the scenario", "comes before", "before the scenario") { return .factContradictsScenario }
        if has(" is before ", " is after ", ", after ", ", before ") { return .dateOrder }
        return .invalidValue
    }
}
