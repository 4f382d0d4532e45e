import Foundation

/// Reads PSPLIB single-mode RCPSP files (`.sm`, as in the j30 and j60 sets).
///
/// The reader looks for the sections by their headings (`PRECEDENCE RELATIONS:`,
/// `REQUESTS/DURATIONS:`, `RESOURCEAVAILABILITIES:`) and reads whitespace-separated integers,
/// so banner lines and spacing do not matter. Jobs become 0-based.
public enum PSPLIBReader {
    /// Reads and checks the instance in `path`; its name is the file name without `.sm`.
    public static func read(path: String) throws(PSPLIBError) -> RCPSPInstance {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        // PSPLIB files are ASCII; Latin-1 accepts every byte, so nothing is lost on odd files.
        guard let text = String(data: data, encoding: .isoLatin1) else {
            throw .unreadable(path: path, reason: "not text")
        }
        let base = URL(fileURLWithPath: path).lastPathComponent
        let name = base.hasSuffix(".sm") ? String(base.dropLast(3)) : base
        return try parse(text, name: name, path: path)
    }

    /// Parses the text of an `.sm` file; `path` only labels error messages.
    public static func parse(_ text: String, name: String, path: String = "<text>") throws(PSPLIBError) -> RCPSPInstance {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }

        func integers(_ index: Int) throws(PSPLIBError) -> [Int] {
            var values: [Int] = []
            for field in lines[index].split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }) {
                guard let value = Int(field) else {
                    throw .malformed(path: path, line: index + 1, reason: "'\(field)' is not a whole number")
                }
                values.append(value)
            }
            return values
        }
        func section(_ heading: String) throws(PSPLIBError) -> Int {
            guard let index = lines.firstIndex(where: { $0.hasPrefix(heading) }) else {
                throw .missingSection(path: path, section: heading)
            }
            return index
        }
        /// Data rows after a section heading: skip lines until the first that starts with a number,
        /// then take lines until a line that does not (the `****` separator or the end).
        func rows(after heading: Int) -> [Int] {
            var index = heading + 1
            func startsWithNumber(_ i: Int) -> Bool {
                lines[i].first(where: { $0 != " " && $0 != "\t" })?.isNumber ?? false
            }
            while index < lines.count, !startsWithNumber(index), !lines[index].hasPrefix("*") { index += 1 }
            var result: [Int] = []
            while index < lines.count, startsWithNumber(index) {
                result.append(index)
                index += 1
            }
            return result
        }

        // Precedences.
        let precedenceHeading = try section("PRECEDENCE RELATIONS")
        var successorsByJob: [Int: [Int]] = [:]
        var jobOrder: [Int] = []
        for index in rows(after: precedenceHeading) {
            let values = try integers(index)
            guard values.count >= 3, values[2] >= 0, values.count == 3 + values[2] else {
                throw .malformed(path: path, line: index + 1, reason: "expected: job, #modes, #successors and that many successors")
            }
            guard values[1] == 1 else {
                throw .malformed(path: path, line: index + 1, reason: "job \(values[0]) has \(values[1]) modes; only single-mode files are supported")
            }
            guard successorsByJob[values[0]] == nil else {
                throw .malformed(path: path, line: index + 1, reason: "job \(values[0]) is listed twice")
            }
            successorsByJob[values[0]] = Array(values[3...])
            jobOrder.append(values[0])
        }
        let n = jobOrder.count
        guard n > 0 else { throw .missingSection(path: path, section: "PRECEDENCE RELATIONS rows") }
        guard jobOrder == Array(1...n) else {
            throw .malformed(path: path, line: precedenceHeading + 1, reason: "jobs must be numbered 1...\(n) in order")
        }

        // Capacities.
        let capacityHeading = try section("RESOURCEAVAILABILITIES")
        guard let capacityRow = rows(after: capacityHeading).first else {
            throw .missingSection(path: path, section: "RESOURCEAVAILABILITIES values")
        }
        let capacities = try integers(capacityRow)
        let resources = capacities.count

        // Durations and demands.
        let requestHeading = try section("REQUESTS/DURATIONS")
        var durations = Array(repeating: -1, count: n)
        var demands = Array(repeating: [Int](), count: n)
        for index in rows(after: requestHeading) {
            let values = try integers(index)
            guard values.count == 3 + resources else {
                throw .malformed(path: path, line: index + 1, reason: "expected: job, mode, duration and \(resources) demands")
            }
            let job = values[0]
            guard (1...n).contains(job), values[1] == 1 else {
                throw .malformed(path: path, line: index + 1, reason: "job \(job) mode \(values[1]) is not a job 1...\(n) in mode 1")
            }
            guard durations[job - 1] < 0 else {
                throw .malformed(path: path, line: index + 1, reason: "job \(job) has two duration rows")
            }
            durations[job - 1] = values[2]
            demands[job - 1] = Array(values[3...])
        }
        if let missing = durations.firstIndex(where: { $0 < 0 }) {
            throw .malformed(path: path, line: requestHeading + 1, reason: "job \(missing + 1) has no duration row")
        }

        let successors = (1...n).map { job in successorsByJob[job]!.map { $0 - 1 } }
        let instance = RCPSPInstance(name: name, durations: durations, successors: successors, demands: demands, capacities: capacities)
        let problems = instance.problems
        guard problems.isEmpty else { throw .invalidInstance(path: path, problems: problems) }
        return instance
    }

    /// The `.sm` files named by `paths`: files as given, directories expanded to their `.sm`
    /// files in name order (numbers compared as numbers, so `j302_1` comes before `j3010_1`).
    public static func instanceFiles(in paths: [String]) throws(PSPLIBError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw .unreadable(path: path, reason: "no such file or directory")
            }
            if isDirectory.boolValue {
                let names: [String]
                do {
                    names = try FileManager.default.contentsOfDirectory(atPath: path)
                } catch {
                    throw .unreadable(path: path, reason: error.localizedDescription)
                }
                let sorted = names.filter { $0.hasSuffix(".sm") }.sorted { naturalOrder($0, $1) }
                files += sorted.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    /// `(group, instance)` parsed from a file name like `j3013_7.sm` (set j30, group 13, instance 7).
    public static func key(ofFile path: String) -> PSPLIBKey? {
        let base = (path as NSString).lastPathComponent
        for set in ["30", "60", "90", "120"] {
            let prefix = "j" + set
            guard base.hasPrefix(prefix) else { continue }
            let rest = base.dropFirst(prefix.count).split(separator: ".").first ?? ""
            let parts = rest.split(separator: "_")
            if parts.count == 2, let group = Int(parts[0]), let instance = Int(parts[1]) {
                return PSPLIBKey(group: group, instance: instance)
            }
        }
        return nil
    }

    /// Compares names with embedded numbers by value.
    static func naturalOrder(_ a: String, _ b: String) -> Bool {
        func chunks(_ s: String) -> [(String, Int?)] {
            var result: [(String, Int?)] = []
            var current = ""
            var digits = false
            for c in s {
                if c.isNumber != digits, !current.isEmpty {
                    result.append((current, digits ? Int(current) : nil))
                    current = ""
                }
                digits = c.isNumber
                current.append(c)
            }
            if !current.isEmpty { result.append((current, digits ? Int(current) : nil)) }
            return result
        }
        let x = chunks(a), y = chunks(b)
        for (p, q) in zip(x, y) {
            if let m = p.1, let n = q.1 {
                if m != n { return m < n }
            } else if p.0 != q.0 {
                return p.0 < q.0
            }
        }
        return x.count != y.count ? x.count < y.count : a < b
    }
}
