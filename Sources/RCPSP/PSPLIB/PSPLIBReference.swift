import Foundation

/// Names a PSPLIB instance within its set: `j3013_7.sm` is group 13, instance 7.
public struct PSPLIBKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Parameter group (1–48 for j30 and j60).
    public var group: Int
    /// Instance within the group (1–10).
    public var instance: Int

    /// Creates a key.
    public init(group: Int, instance: Int) {
        self.group = group
        self.instance = instance
    }

    public static func < (a: PSPLIBKey, b: PSPLIBKey) -> Bool { (a.group, a.instance) < (b.group, b.instance) }
    public var description: String { "\(group)_\(instance)" }
}

/// What the literature knows about one instance's optimal makespan.
public struct PSPLIBReference: Sendable, Hashable {
    /// Best known makespan of a feasible schedule (the optimum when `proven`).
    public var upperBound: Int
    /// Best known lower bound on the optimum (equal to `upperBound` when `proven`).
    public var lowerBound: Int?
    /// Whether `upperBound` is a proven optimum.
    public var proven: Bool

    /// Creates a reference row.
    public init(upperBound: Int, lowerBound: Int?, proven: Bool) {
        self.upperBound = upperBound
        self.lowerBound = proven ? upperBound : lowerBound
        self.proven = proven
    }

    /// What is provably wrong about a claimed result: a makespan below a known lower bound (or
    /// proven optimum), an optimality claim above a known feasible makespan, or a lower bound
    /// above a known feasible makespan. Empty when nothing contradicts the reference.
    public func contradictions(makespan: Int?, bound: Int?, optimal: Bool) -> [String] {
        var found: [String] = []
        if let makespan, let lowerBound, makespan < lowerBound {
            found.append("makespan \(makespan) is below the \(proven ? "proven optimum" : "known lower bound") \(lowerBound)")
        }
        if optimal, let makespan, makespan > upperBound {
            found.append("makespan \(makespan) is claimed optimal but a schedule of \(upperBound) is known")
        }
        if let bound, bound > upperBound {
            found.append("lower bound \(bound) is above the makespan \(upperBound) of a known schedule")
        }
        return found
    }
}

/// A PSPLIB solution table: `j30opt.sm` (proven optima), `j60hrs.sm` (best known makespans) or
/// `j60lb.sm` (best known upper and lower bounds, `*` where they meet).
public struct PSPLIBReferenceTable: Sendable {
    /// The rows by instance.
    public var rows: [PSPLIBKey: PSPLIBReference]

    /// Creates a table from rows.
    public init(rows: [PSPLIBKey: PSPLIBReference]) { self.rows = rows }

    /// The row of the instance in `path`, matched by group and instance number in its file name.
    public func reference(forFile path: String) -> PSPLIBReference? {
        PSPLIBReader.key(ofFile: path).flatMap { rows[$0] }
    }

    /// Reads a table file; its kind is recognised from its header.
    public static func read(path: String) throws(PSPLIBError) -> PSPLIBReferenceTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try parse(String(decoding: data, as: UTF8.self), path: path)
    }

    /// Parses the text of a table; `path` only labels error messages.
    ///
    /// - A header naming `CPU-Time` (j30opt.sm): rows `group instance makespan seconds`, all proven optima.
    /// - A header naming `UB` and `LB` (j60lb.sm): rows `group instance UB LB [*] [author]`; `*` or
    ///   UB = LB marks a proven optimum.
    /// - Otherwise (j60hrs.sm): rows `group instance makespan ...`, best known makespans only.
    public static func parse(_ text: String, path: String = "<text>") throws(PSPLIBError) -> PSPLIBReferenceTable {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let optima = lines.contains { $0.contains("CPU-Time") }
        let withLowerBounds = lines.contains { line in
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            return words.contains("UB") && words.contains("LB")
        }
        var rows: [PSPLIBKey: PSPLIBReference] = [:]
        for (index, line) in lines.enumerated() {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard words.count >= 3, let group = Int(words[0]), let instance = Int(words[1]) else { continue }
            guard let makespan = Int(words[2]), makespan >= 0 else {
                throw .malformed(path: path, line: index + 1, reason: "the third column '\(words[2])' is not a makespan")
            }
            let key = PSPLIBKey(group: group, instance: instance)
            guard rows[key] == nil else {
                throw .malformed(path: path, line: index + 1, reason: "instance \(key) is listed twice")
            }
            if withLowerBounds {
                guard words.count >= 4, let lower = Int(words[3]), lower <= makespan else {
                    throw .malformed(path: path, line: index + 1, reason: "expected a lower bound not above the upper bound in the fourth column")
                }
                let star = words.count >= 5 && words[4] == "*"
                rows[key] = PSPLIBReference(upperBound: makespan, lowerBound: lower, proven: star || lower == makespan)
            } else {
                rows[key] = PSPLIBReference(upperBound: makespan, lowerBound: nil, proven: optima)
            }
        }
        guard !rows.isEmpty else {
            throw .malformed(path: path, line: 1, reason: "no rows of the form 'group instance makespan'")
        }
        return PSPLIBReferenceTable(rows: rows)
    }
}
