import Foundation
import PlanModel
import Reports
import Risk
import Testing

/// The risk report of the baseline in every format.
@Suite("Risk report")
struct RiskReportTests {
    static func report() throws -> (RiskReport, RiskResult) {
        let portfolio = try RiskFixtures.baseline.get()
        let (plan, schedule) = try RiskFixtures.baselinePlan.get()
        let risk = try RiskSimulation.run(portfolio: portfolio, plan: schedule, options: RiskOptions(samples: 500, seed: 11, threads: 2))
        return (RiskReport(portfolio: portfolio, plan: plan, risk: risk, source: "built-in baseline"), risk)
    }

    @Test("the baseline's figures are consistent: percentiles in order, probabilities in range, lateness at least the plan's")
    func figures() throws {
        let (_, risk) = try Self.report()
        #expect(risk.standards.count == 22)
        for item in risk.standards {
            #expect(item.p50 <= item.p80 && item.p80 <= item.p90)
            let onTime = try #require(item.probabilityOnTime)
            #expect((0...1).contains(onTime))
            #expect((0...1).contains(item.criticality))
            // Every late sample is critical, so criticality is at least the share of late samples.
            #expect(item.criticality >= 1 - onTime - 1e-12)
        }
        let p = risk.portfolio
        #expect(p.onTimeP10 <= p.onTimeP50 && p.onTimeP50 <= p.onTimeP90)
        #expect(p.onTimeCounts.reduce(0, +) == 500)
        #expect(p.urgentStandards == 3)
        // Durations can only be longer than planned in most phases here, so lateness grows.
        #expect(p.expectedWeightedMonthsLate > Double(p.plannedWeightedMonthsLate))
        #expect(risk.sensitivity.contains { $0.kind == .phase && $0.id == "approval" })
        #expect(risk.sensitivity.contains { $0.kind == .unit })
        #expect(risk.sensitivity.contains { $0.kind == .category })
    }

    @Test("table and Markdown carry the per-standard, portfolio and sensitivity sections")
    func text() throws {
        let (report, _) = try Self.report()
        let table = report.render(.table, layout: .wide)
        for heading in ["Standards (open at the plan start)", "Portfolio", "Sensitivity: what drives lateness", "Simulated policy:"] {
            #expect(table.contains(heading))
        }
        #expect(table.contains("证券期货业研发运营一体化规范"))
        #expect(!table.contains("jrt-0099"))  // published work carries no risk
        let markdown = report.render(.markdown)
        #expect(markdown.hasPrefix("# Slippage risk: "))
        #expect(markdown.contains("## Sensitivity: what drives lateness"))
    }

    @Test("JSON reads back and writes null for absent values; CSV has one row per open standard")
    func machine() throws {
        let (report, risk) = try Self.report()
        let json = report.render(.json)
        let document = try JSONDecoder().decode(RiskDocument.self, from: Data(json.utf8))
        #expect(document.samples == 500)
        #expect(document.seed == 11)
        #expect(document.standards.count == 22)
        #expect(document.standards.first { $0.id == "devops" }?.pOnTime == risk.risk(of: "devops")?.probabilityOnTime.map { ($0 * 10_000).rounded() / 10_000 })
        #expect(json.contains("\"as_of\" : null"))
        // Three sections, each a title row, a header and rows, separated by an empty row.
        let sections = report.render(.csv).components(separatedBy: "\r\n\r\n").map { $0.split(separator: "\r\n") }
        #expect(sections.count == 3)
        #expect(sections[0].count == 24)
        #expect(sections[0][0] == "Standards")
        #expect(sections[0][1] == "id,name,urgency,target_year,planned_published,p_on_time,p50,p80,p90,expected_months_late,criticality")
        #expect(sections[1][0] == "Portfolio")
        #expect(sections[1].contains("planned_weighted_months_late,\(risk.portfolio.plannedWeightedMonthsLate)"))
        #expect(sections[2][0] == "Sensitivity")
        #expect(sections[2].count == risk.sensitivity.count + 2)
    }
}
