import Foundation
import Testing
@testable import RCPSP

@Suite("PSPLIB reader and solution tables")
struct PSPLIBReaderTests {
    @Test("j301_1 is read as the file says")
    func readsFirstInstance() throws {
        let instance = try PSPLIBReader.read(path: PSPLIBData.j30("j301_1"))
        #expect(instance.name == "j301_1")
        #expect(instance.jobCount == 32)
        #expect(instance.capacities == [12, 13, 4, 12])
        #expect(instance.successors[0] == [1, 2, 3])  // job 1 → 2 3 4, 0-based
        #expect(instance.successors[31].isEmpty)
        #expect(instance.durations[1] == 8)
        #expect(instance.demands[1] == [4, 0, 0, 0])
        #expect(instance.durations[0] == 0 && instance.durations[31] == 0)
        #expect(instance.problems.isEmpty)
    }

    @Test("every instance of the repository's sample reads without problems")
    func readsSample() throws {
        let files = try PSPLIBReader.instanceFiles(in: [PSPLIBData.sample + "/j30"])
        #expect(files.count == 20)
        for file in files {
            let instance = try PSPLIBReader.read(path: file)
            #expect(instance.jobCount == 32)
            #expect(instance.problems.isEmpty)
        }
    }

    @Test("every j30 and j60 file of the full sets reads without problems (when they are found)", .enabled(if: PSPLIBData.fullSetsAvailable),
          arguments: ["j30", "j60"])
    func readsWholeSets(set: String) throws {
        let files = try PSPLIBReader.instanceFiles(in: [PSPLIBData.full! + "/" + set])
        #expect(files.count == 480)
        for file in files {
            let instance = try PSPLIBReader.read(path: file)
            #expect(instance.jobCount == (set == "j30" ? 32 : 62))
            #expect(PSPLIBReader.key(ofFile: file) != nil)
        }
        // Natural order: group 2 before group 10.
        #expect(files.firstIndex { $0.hasSuffix(set + "2_1.sm") }! < files.firstIndex { $0.hasSuffix(set + "10_1.sm") }!)
    }

    static let header = """
        PRECEDENCE RELATIONS:
        jobnr.    #modes  #successors   successors
           1        1          2           2   3
           2        1          1           4
           3        1          1           4
           4        1          0
        ************************************************************************
        REQUESTS/DURATIONS:
        jobnr. mode duration  R 1  R 2
        ------------------------------------------------------------------------
          1      1     0       0    0
          2      1     3       2    1
          3      1     2       1    2
          4      1     0       0    0
        ************************************************************************
        RESOURCEAVAILABILITIES:
          R 1  R 2
            2    2
        ************************************************************************
        """

    @Test("a small hand-written file")
    func parsesText() throws {
        let instance = try PSPLIBReader.parse(Self.header, name: "tiny")
        #expect(instance.successors == [[1, 2], [3], [3], []])
        #expect(instance.durations == [0, 3, 2, 0])
        #expect(instance.demands[2] == [1, 2])
        #expect(instance.capacities == [2, 2])
    }

    @Test("malformed files are rejected with the line")
    func rejectsMalformed() {
        let badNumber = Self.header.replacingOccurrences(of: "  2      1     3", with: "  2      1     x")
        #expect(throws: PSPLIBError.malformed(path: "<text>", line: 12, reason: "'x' is not a whole number")) {
            try PSPLIBReader.parse(badNumber, name: "bad")
        }
        let multiMode = Self.header.replacingOccurrences(of: "   3        1          1", with: "   3        2          1")
        #expect(throws: PSPLIBError.self) { try PSPLIBReader.parse(multiMode, name: "bad") }
        let noCapacities = Self.header.components(separatedBy: "RESOURCEAVAILABILITIES")[0]
        #expect(throws: PSPLIBError.missingSection(path: "<text>", section: "RESOURCEAVAILABILITIES")) {
            try PSPLIBReader.parse(noCapacities, name: "bad")
        }
        let cycle = Self.header.replacingOccurrences(of: "   4        1          0", with: "   4        1          1           2")
        #expect(throws: PSPLIBError.invalidInstance(path: "<text>", problems: ["the precedences form a cycle"])) {
            try PSPLIBReader.parse(cycle, name: "bad")
        }
        let tooMuch = Self.header.replacingOccurrences(of: "  2      1     3       2    1", with: "  2      1     3       3    1")
        #expect(throws: PSPLIBError.self) { try PSPLIBReader.parse(tooMuch, name: "bad") }
        #expect(throws: PSPLIBError.self) { try PSPLIBReader.read(path: PSPLIBData.sample + "/no-such-file.sm") }
    }

    @Test("the sample's lines of j30opt.sm: a proven optimum for each of its 20 instances")
    func readsOptima() throws {
        let table = try PSPLIBReferenceTable.read(path: PSPLIBData.j30Optima)
        #expect(table.rows.count == 20)
        #expect(table.rows.values.allSatisfy { $0.proven })
        #expect(table.rows[PSPLIBKey(group: 1, instance: 1)]?.upperBound == 43)
        #expect(table.reference(forFile: PSPLIBData.j30("j3013_1"))?.upperBound == 58)
        for file in try PSPLIBReader.instanceFiles(in: [PSPLIBData.sample + "/j30"]) {
            #expect(table.reference(forFile: file) != nil, "\(file) has its optimum in the sample's table")
        }
    }

    @Test("j30opt.sm of the full set: 480 proven optima, the sample's lines among them", .enabled(if: PSPLIBData.fullSetsAvailable))
    func readsFullOptima() throws {
        let table = try PSPLIBReferenceTable.read(path: PSPLIBData.full! + "/j30opt.sm")
        #expect(table.rows.count == 480)
        #expect(table.rows.values.allSatisfy { $0.proven })
        let sample = try PSPLIBReferenceTable.read(path: PSPLIBData.j30Optima)
        for (key, row) in sample.rows { #expect(table.rows[key]?.upperBound == row.upperBound) }
    }

    @Test("j60hrs.sm: best known makespans, not proven; j60lb.sm: proven where starred (when the full sets are found)",
          .enabled(if: PSPLIBData.fullSetsAvailable))
    func readsBestKnown() throws {
        let best = try PSPLIBReferenceTable.read(path: PSPLIBData.full! + "/j60hrs.sm")
        #expect(best.rows.count == 480)
        #expect(best.rows.values.allSatisfy { !$0.proven && $0.lowerBound == nil })
        #expect(best.rows[PSPLIBKey(group: 1, instance: 1)]?.upperBound == 77)
        let bounds = try PSPLIBReferenceTable.read(path: PSPLIBData.full! + "/j60lb.sm")
        #expect(bounds.rows.count == 450)
        #expect(bounds.rows.values.filter { $0.proven }.count == 401)
        let open = try #require(bounds.rows[PSPLIBKey(group: 13, instance: 7)])
        #expect(open.upperBound == 87 && open.lowerBound == 80 && !open.proven)
        for (key, row) in bounds.rows { #expect(best.rows[key]?.upperBound == row.upperBound) }
    }
}
