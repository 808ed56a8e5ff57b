import NhacHanCore

/// A table of report forms under a "Ngày nhận báo cáo" column (statistics and sector reporting
/// regimes), flattened by the page one cell per line: each receiving day is a recurring
/// deadline of the form on its row.
///
/// - "Ngày 10/8", "20/4 năm sau", "20/6, 30/9, 15/12" -> every year on that day;
/// - "17 hàng tháng", "7,17,27 hàng tháng" -> every month on those days;
/// - "17 ngày sau kỳ báo cáo" -> a count of days from the end of the period.
/// A date with a year is a one-off step, read by the timetable reader, not here.
extension TaskExtractor {
    mutating func readReportForms(_ lines: [CleanLine]) {
        readReceivingDayLabels(lines)
        // A column header: short, no figures ("Ngày nhận báo cáo", "Thời hạn gửi báo cáo").
        // A cell the page wrapped ("Ngày nhận" / "báo cáo") is read joined with the line after.
        guard let header = lines.indices.lazy.compactMap({ h -> Int? in
            let line = lines[h]
            // A whole header row ("STT Ký hiệu biểu Tên biểu Kỳ báo cáo Ngày nhận báo cáo Đơn vị báo
            // cáo Đơn vị nhận báo cáo") is long but has no figures and no sentence in it.
            guard LineShape.wordCount(line.scalars) <= 24, !line.text.contains(where: { $0.isNumber || $0 == "." || $0 == ";" }) else { return nil }
            let f = Fold.key(line.text)
            if Self.dueColumns.contains(where: { f.contains($0) }) { return h }
            guard h + 1 < lines.count, LineShape.wordCount(line.scalars) <= 4, LineShape.wordCount(lines[h + 1].scalars) <= 4,
                  !lines[h + 1].text.contains(where: \.isNumber) else { return nil }
            let joined = f + " " + Fold.key(lines[h + 1].text)
            return Self.dueColumns.contains(where: { joined.contains($0) }) && !Self.dueColumns.contains(where: { Fold.key(lines[h + 1].text).contains($0) }) ? h + 1 : nil
        }).first else { return }
        var label: (text: String, line: Int)?
        var rows = 0
        var above: [DraftDeadline] = []
        for line in lines[(header + 1)...] {
            if LineShape.wordCount(line.scalars) > 30 || rows >= 200 { break }  // prose again, or enough
            let p = Paragraph(line)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            let code = Self.formCode(line.text)
            if let code { label = ("Biểu \(code)", line.sourceLine) }
            var days = Self.receivingDays(t, p: p, years: years)
            // "01-CS/HĐTM Tháng “ x": a ditto mark repeats the receiving day of the row above.
            if days.isEmpty, code != nil, line.text.split(separator: " ").contains(where: { Self.dittoMarks.contains(String($0)) }) {
                days = above
            } else if !days.isEmpty {
                above = days
            }
            // A line the prose reader already dated ("+ Báo cáo 06 tháng: Trước ngày 10/7" under a
            // "Thời hạn báo cáo:" label) is not read twice.
            let known = found.contains { !$0.isTableRow && $0.lines.from <= line.sourceLine && line.sourceLine <= $0.lines.to }
            for deadline in days where !known {
                rows += 1
                found.append(FoundTask(units: [], allAddressed: true, action: label?.text ?? "Gửi báo cáo", reportTo: nil, via: nil,
                                       deadline: deadline, lines: LineRange(label?.line ?? line.sourceLine, line.sourceLine),
                                       verbSlug: "gui-bao-cao", sectionHeading: nil, isTableRow: true))
            }
        }
        if rows > 0 {
            warnings.append("dòng \(lines[header].sourceLine): \(rows) hạn lấy từ cột \"Ngày nhận báo cáo\" của bảng biểu mẫu: kiểm tra đơn vị báo cáo")
        }
    }

    /// "Ngày nhận báo cáo: 10 tháng 7 hàng năm" in a form's corner block: the label and its
    /// day on one line (or inside a block run into one line), not a column over rows.
    private mutating func readReceivingDayLabels(_ lines: [CleanLine]) {
        var label: (text: String, line: Int)?
        for line in lines.prefix(60) {
            // "Biểu số: 02/BC-H" names the form; "Ban hành kèm theo Thông tư số …" does not.
            let folded = Fold.key(line.text)
            if folded.hasPrefix("bieu") || folded.hasPrefix("mau"), let code = Self.formCode(line.text) { label = ("Biểu \(code)", line.sourceLine) }
            let p = Paragraph(line)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            guard let k = t.indices.first(where: { t.matches("ngay nhan bao cao", at: $0) }), k + 5 < t.count, t[k + 4].text == ":" else { continue }
            let known = found.contains { $0.lines.from <= line.sourceLine && line.sourceLine <= $0.lines.to }
            guard !known else { continue }
            let days = Self.receivingDays(Array(t[(k + 5)..<min(t.count, k + 12)]), p: p, years: years)
            for deadline in days.prefix(1) {
                found.append(FoundTask(units: [], allAddressed: true, action: label?.text ?? "Gửi báo cáo", reportTo: nil, via: nil,
                                       deadline: deadline, lines: LineRange(label?.line ?? line.sourceLine, line.sourceLine),
                                       verbSlug: "gui-bao-cao", sectionHeading: nil, isTableRow: true))
            }
        }
    }

    static let dueColumns = ["ngay nhan bao cao", "thoi han nhan bao cao", "thoi han gui bao cao", "ngay gui bao cao",
                             "thoi han nop bao cao", "han gui bao cao"]

    private static let dittoMarks: Set<String> = ["“", "”", "\"", "nt", "-nt-", "-“-", "''"]

    /// A form's symbol in a cell: "001.N/BCC-NLTS", "01/NN-TH-S", "1. Báo cáo … 01-CS/SXCN".
    private static func formCode(_ text: String) -> String? {
        guard let first = text.split(separator: " ").first(where: { w in
            w.first?.isNumber == true && w.contains("/") && w.contains(where: \.isLetter)
        }) else { return nil }
        // "001.N/BCC-NLTSChính thức năm" ran into the next cell: keep the symbol.
        var code = ""
        for c in first {
            if c.isLowercase, let last = code.last, last.isUppercase { code.removeLast(); break }
            code.append(c)
        }
        return code.isEmpty ? nil : code
    }

    private static func receivingDays(_ t: [Token], p: Paragraph, years: YearContext) -> [DraftDeadline] {
        let start = years.recurrenceStart
        var out: [DraftDeadline] = []
        var i = 0
        while i < t.count {
            // "7,17,27 hàng tháng"
            if t[i].kind == .number {
                var days: [Int] = []
                var k = i
                while k < t.count, t[k].kind == .number, let d = Int(t[k].text), (1...31).contains(d), t[k].text.count <= 2 {
                    days.append(d)
                    k += 1
                    if k < t.count, t[k].text == ",", k + 1 < t.count, t[k + 1].kind == .number { k += 1 } else { break }
                }
                if !days.isEmpty, t.matches("hang thang", at: k) {
                    out.append(DraftDeadline(kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=" + days.map(String.init).joined(separator: ","),
                                             start: start, recurrenceKind: .through, phrase: p.text(t[i].start..<t[k + 1].end)))
                    i = k + 2
                    continue
                }
                // "Ngày 12 tháng sau (tháng báo cáo)"
                if days.count == 1, t.matches("thang sau", at: k) {
                    out.append(DraftDeadline(kind: .every, rule: "FREQ=MONTHLY;BYMONTHDAY=\(days[0])", start: start,
                                             recurrenceKind: .through, phrase: p.text(t[i].start..<t[k + 1].end)))
                    i = k + 2
                    continue
                }
                // "Ngày 15 tháng đầu quý sau", "ngày 20 tháng cuối quý": a day of one month of
                // each quarter.
                if days.count == 1, let period = Periodicity.detect(t, from: k, to: min(t.count, k + 4)),
                   period.tokenStart == k, period.freq == "YEARLY", period.months != nil {
                    out.append(DraftDeadline(kind: .every, rule: period.rule(day: days[0], month: nil), start: start,
                                             recurrenceKind: .through, phrase: p.text(t[i].start..<t[period.tokenEnd - 1].end)))
                    i = period.tokenEnd
                    continue
                }
                // "17 ngày sau kỳ báo cáo"
                if t.matches("ngay sau ky", at: i + 1), let n = Int(t[i].text), n > 0 {
                    out.append(DraftDeadline(kind: .within, n: n, unit: "d", phrase: p.text(t[i].start..<t[min(t.count, i + 4) - 1].end)))
                    i += 4
                    continue
                }
            }
            if let d = DateScanner.date(t, at: i) {
                if d.year == nil, (1...12).contains(d.month) {
                    out.append(DraftDeadline(kind: .every, rule: "FREQ=YEARLY;BYMONTH=\(d.month);BYMONTHDAY=\(d.day)", start: start,
                                             recurrenceKind: .through, phrase: p.text(t[i].start..<t[d.tokenEnd - 1].end)))
                }
                i = max(d.tokenEnd, i + 1)
                continue
            }
            i += 1
        }
        return out
    }
}
