import CXlsxWriter
import Foundation

/// The status as a real spreadsheet, written by libxlsxwriter (Debian's libxlsxwriter-dev):
/// a bold header row, frozen, with a filter; texts are always written as texts, never formulas.
enum XLSXExport {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func render(_ lines: [StatusLine], sheetName: String = "Tình hình báo cáo") throws -> [UInt8] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-\(UUID().uuidString).xlsx").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let workbook = workbook_new(path) else { throw Failure(description: "libxlsxwriter không tạo được sổ tính") }
        guard let sheet = workbook_add_worksheet(workbook, sheetName) else {
            workbook_close(workbook)
            throw Failure(description: "libxlsxwriter không tạo được trang tính")
        }
        let bold = workbook_add_format(workbook)
        format_set_bold(bold)
        for (column, name) in StatusTable.columns.enumerated() {
            worksheet_write_string(sheet, 0, lxw_col_t(column), name, bold)
        }
        for (index, line) in lines.enumerated() {
            let row = lxw_row_t(index + 1)
            for (column, cell) in StatusTable.cells(line).enumerated() {
                switch cell {
                case .text(let value): worksheet_write_string(sheet, row, lxw_col_t(column), value, nil)
                case .number(let value): worksheet_write_number(sheet, row, lxw_col_t(column), Double(value), nil)
                case .empty: break
                }
            }
        }
        worksheet_set_column(sheet, 0, lxw_col_t(StatusTable.columns.count - 1), 18, nil)
        worksheet_set_column(sheet, 3, 3, 48, nil)
        worksheet_set_column(sheet, 5, 5, 36, nil)
        worksheet_freeze_panes(sheet, 1, 0)
        worksheet_autofilter(sheet, 0, 0, lxw_row_t(lines.count), lxw_col_t(StatusTable.columns.count - 1))
        let closed = workbook_close(workbook)
        guard closed == LXW_NO_ERROR else {
            throw Failure(description: "libxlsxwriter: \(String(cString: lxw_strerror(closed)))")
        }
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "không đọc lại được tệp xlsx") }
        return Array(data)
    }
}
