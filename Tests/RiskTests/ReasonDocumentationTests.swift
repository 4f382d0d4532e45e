import Foundation
import PlanModel
import Risk
import Scheduling
import Testing
import Validation

/// Every slip reason's `kind` and every validator rule's kind are machine-readable keys: each must
/// be documented where readers of the JSON look (docs/risk.md, docs/json-output.md).
@Suite("Documented keys")
struct ReasonDocumentationTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs")

    /// One reason of each kind; the switch fails to compile when a kind is added without a case here.
    static let reasons: [SlipReason] = {
        let all: [SlipReason] = [
            .lateStart, .deferred(until: Month(year: 2026, month: 6)), .behind(reaching: "drafting"), .longerPhases(from: "drafting", through: "review"), .longerPhase("review"),
            .publishedLater, .unitCapacity("u"), .resourceCapacity("r"), .dependency("s"), .earliestStart, .calendar("c"), .lessWaiting,
            .schedulingChoice,
        ]
        for reason in all {
            switch reason {
            case .lateStart, .deferred, .behind, .longerPhases, .longerPhase, .publishedLater, .unitCapacity, .resourceCapacity, .dependency,
                 .earliestStart, .calendar, .lessWaiting, .schedulingChoice: continue
            }
        }
        return all
    }()

    @Test("every replan reason kind is in docs/risk.md's table", arguments: reasons)
    func reasonKind(reason: SlipReason) throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("risk.md"), encoding: .utf8)
        #expect(text.contains("| `\(reason.kind)` |"), "\(reason.kind) is not documented")
    }

    @Test("every validator rule is named in the check section of docs/json-output.md", arguments: ScheduleViolation.Kind.allCases)
    func violationKind(kind: ScheduleViolation.Kind) throws {
        let text = try String(contentsOf: Self.docs.appendingPathComponent("json-output.md"), encoding: .utf8)
        let check = try #require(text.components(separatedBy: "## Check").dropFirst().first)
        #expect(check.contains(kind.rawValue), "\(kind.rawValue) is not documented")
    }
}
