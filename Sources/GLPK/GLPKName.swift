/// Checks names before they reach GLPK, which aborts the process on names that are too long or contain
/// control characters (`glp_set_col_name` and friends).
enum GLPKName {
    /// GLPK's limit on symbolic names, in bytes.
    static let maximumBytes = 255

    /// Returns `name` unchanged if GLPK accepts it, otherwise throws `GLPKError.invalidName`.
    static func validated(_ name: String) throws -> String {
        if name.utf8.count > maximumBytes {
            throw GLPKError.invalidName(name, reason: "it is \(name.utf8.count) bytes long")
        }
        if name.utf8.contains(where: isControl) {
            throw GLPKError.invalidName(name, reason: "it contains a control character (for example a newline or tab)")
        }
        return name
    }

    /// Makes any string acceptable to GLPK, for places that cannot throw (the problem name is cosmetic).
    static func sanitized(_ name: String) -> String {
        var result = ""
        for character in name {
            let replaced = character.utf8.contains(where: isControl) ? " " : String(character)
            if result.utf8.count + replaced.utf8.count > maximumBytes { break }
            result += replaced
        }
        return result
    }

    /// Mirrors C's `iscntrl` in the "C" locale, which is what GLPK checks.
    private static func isControl(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F
    }
}
