import Reports
import Testing

@Suite("Text layout: display width, tables, CSV")
struct TextLayoutTests {
    @Test("display width counts Chinese as two columns", arguments: [
        ("abc", 3), ("标准", 4), ("IT治理", 6), ("（大连）", 8), ("JR/T 0099—2012", 14), ("", 0), ("e\u{301}", 1),
    ])
    func width(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("table columns line up whatever the script")
    func alignment() {
        var table = TextTable(headers: ["名称", "n"], rightAligned: [1])
        table.append(["证券期货业软件测试规范", "1"])
        table.append(["abc", "12"])
        let lines = table.render().split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        // Every row's second column ends at the same display column.
        let widths = Set(lines.map { DisplayWidth.of($0) })
        #expect(widths.count == 1)
        #expect(lines[2] == "证券期货业软件测试规范   1")
    }

    @Test("CSV quotes commas, quotes and line breaks", arguments: [
        (["a", "b"], "a,b\r\n"), (["a,b"], "\"a,b\"\r\n"), (["say \"hi\""], "\"say \"\"hi\"\"\"\r\n"), (["标准"], "标准\r\n"),
    ])
    func csv(fields: [String], line: String) {
        #expect(CSV.line(fields) == line)
    }
}
