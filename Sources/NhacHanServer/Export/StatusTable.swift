import NhacHanCore

/// The exports' columns: the rows of `status --format json` plus the unit's name, when it
/// reported and how many working days late. One table for CSV, XLSX and the API.
struct StatusTable {
    static let columns = [
        "directive", "number", "task", "action", "unit", "unit_name", "deadline", "last_day", "state", "state_label",
        "acked_at", "reported_at", "via", "note", "working_days_late",
    ]

    enum Cell: Equatable {
        case text(String)
        case number(Int)
        case empty
    }

    static func cells(_ line: StatusLine) -> [Cell] {
        func text(_ value: String?) -> Cell { value.map { .text($0) } ?? .empty }
        return [
            .text(line.row.directive), text(line.directiveNumber), .text(line.row.task), .text(line.taskAction), .text(line.row.unit),
            .text(line.unitName), .text(line.deadlineISO), .text(line.row.deadline.lastDay.description), .text(line.row.state.rawValue),
            .text(line.row.state.label), text(line.ackedAtISO), text(line.reportedAt), text(line.row.via), text(line.row.note),
            .number(line.workingDaysLate),
        ]
    }
}

/// RFC 4180 CSV in UTF-8 with a byte-order mark, so that Excel opens Vietnamese correctly.
enum CSVExport {
    static func render(_ lines: [StatusLine]) -> [UInt8] {
        var out: [UInt8] = [0xEF, 0xBB, 0xBF]
        out += Array((StatusTable.columns.joined(separator: ",") + "\r\n").utf8)
        for line in lines {
            let fields = StatusTable.cells(line).map { cell -> String in
                switch cell {
                case .text(let value): quoted(value)
                case .number(let value): String(value)
                case .empty: ""
                }
            }
            out += Array((fields.joined(separator: ",") + "\r\n").utf8)
        }
        return out
    }

    /// Quotes when needed; a text that a spreadsheet would run as a formula (a note typed by
    /// anyone holding a link) starts with an apostrophe instead.
    static func quoted(_ value: String) -> String {
        var value = value
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
