import NhacHanCore

/// A plan's timetable flattened by the page one cell per line (or as "|" rows): each step's
/// date cell is its last day. The step may come before its date ("Nội dung | Ngày chậm nhất
/// phải hoàn thành") or after it ("THỜI GIAN | NỘI DUNG CÔNG VIỆC").
extension TaskExtractor {
    /// Column headers of a plan's timetable whose cells are last days to finish a step.
    static let deadlineColumns = ["ngay cham nhat", "cham nhat phai hoan thanh", "thoi gian hoan thanh",
                                          "thoi han hoan thanh", "han hoan thanh", "thoi han cham nhat"]

    /// A timetable flattened to one cell per line, or to rows of cells between "|": under a
    /// "Ngày chậm nhất phải hoàn thành" column a cell that is only a date is the last day of
    /// the step written before it; under a bare "Thời gian" column, or in rows with no header,
    /// only a step that sends or completes something ("Nộp đề cương … về P9 | 25/10/2017",
    /// "Hạn cuối cùng …") is; a period ("01/6 - 08/6") never is. A date the prose already
    /// gave is not read again.
    mutating func readTimetable(_ lines: [CleanLine]) {
        // The cleaner already split rows at their "|" borders: cells of one source line.
        let rows = zip(lines, lines.dropFirst()).contains { $0.sourceLine == $1.sourceLine }
        let strict = lines.firstIndex { line in
            LineShape.wordCount(line.scalars) <= 14 && Self.deadlineColumns.contains { Fold.key(line.text).contains($0) }
        }
        let loose = lines.firstIndex { line in
            let f = Fold.key(line.text)
            return LineShape.wordCount(line.scalars) <= 4 && ["thoi gian", "thoi han", "ngay thang", "moc thoi gian"].contains { f.hasPrefix($0) }
        }
        guard let header = strict ?? loose ?? (rows ? -1 : nil) else { return }
        let known = Set(found.compactMap { $0.deadline?.date })
        // "THỜI GIAN | NỘI DUNG CÔNG VIỆC": the date cell comes before its step.
        let dateFirst = header >= 0 && lines[(header + 1)..<min(lines.count, header + 3)].contains { Fold.key($0.text).hasPrefix("noi dung") }
        var step: CleanLine?
        var pending: (cell: (date: WrittenDate, time: WrittenTime?), line: CleanLine)?
        for index in (header + 1)..<lines.count {
            var line = lines[index]
            let p = Paragraph(line)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            var cellDate = Self.dateCell(t)
            if dateFirst {
                if let d = cellDate { pending = (d, line); continue }
                guard let (d, dateLine) = pending, LineShape.wordCount(line.scalars) >= 3 else { continue }
                pending = nil
                step = line
                line = dateLine
                cellDate = d
            }
            if let (d, time) = cellDate {
                defer { step = nil }
                guard let cell = step, let date = years.resolve(d), !known.contains(date) else { continue }
                // With no header, only a real row: the step and its date on one source line.
                if strict == nil, loose == nil, cell.sourceLine != line.sourceLine { continue }
                if strict == nil {
                    let q = Paragraph(cell)
                    let s = Tokenizer.tokens(q.folded, in: 0..<q.count)
                    // Under a "Thời gian" column a step is work to finish by its day ("Giáo viên …
                    // thông qua các danh sách", "Cấp giấy chứng nhận …") unless it is a meeting,
                    // a course or an announcement held on that day.
                    let delivers = s.indices.contains { ClauseReader.verb(s, at: $0) != nil || s.matches("han cuoi", at: $0) || s.matches("han chot", at: $0) }
                    guard delivers || loose != nil && !Self.isEvent(s) else { continue }
                }
                let action = cell.text.split(separator: " ").prefix(16).joined(separator: " ").trimmingTrailing(".;,")
                let deadline = DraftDeadline(kind: time == nil ? .through : .at, date: date, time: time?.text, phrase: line.text)
                // The row's own unit: "1 | Phòng Nội vụ | Báo cáo biên chế | 09/4/2024"; a row's
                // cells lie next to each other.
                var first = index
                while first > 0, lines[first - 1].sourceLine == line.sourceLine { first -= 1 }
                var last = index
                while last + 1 < lines.count, lines[last + 1].sourceLine == line.sourceLine { last += 1 }
                let units = lines[first...last].filter { $0 != cell && $0 != line }.flatMap { c -> [UnitMention] in
                    let q = Paragraph(c)
                    return OrganWords.startsOrgan(q, at: 0, requireCapital: true) ? matcher.mentions(q, 0..<q.count) : []
                }
                found.append(FoundTask(units: units, allAddressed: units.isEmpty, action: action, reportTo: nil, via: nil,
                                       deadline: deadline, lines: LineRange(cell.sourceLine, line.sourceLine),
                                       verbSlug: "hoan-thanh", sectionHeading: nil))
                warnings.append("dòng \(line.sourceLine): hạn \(date) lấy từ cột thời gian của bảng (bước ở dòng \(cell.sourceLine)): kiểm tra đơn vị thực hiện")
                continue
            }
            // A step is a cell of words, not a row number or a count of days.
            if LineShape.wordCount(line.scalars) >= 3, t.contains(where: { $0.kind == .word }) { step = line }
        }
    }

    /// A step held or announced on its day ("Họp …", "Thông báo lịch …"), or a cell of no words.
    private static func isEvent(_ s: [Token]) -> Bool {
        guard let first = s.firstIndex(where: { $0.kind == .word }) else { return true }
        return HeldStep.isHeldOrAnnounced(s, at: first)
    }

    /// A timetable's date cell: "21/1/2011", "21/1/2011 (18/12 âm lịch)", "Từ 02.5.2018 đến
    /// 06.5.2018" (a step's last day), "Quý IV/2024", "Trước 17h00', ngày 25/7/2017" and "Từ
    /// 15/7 đến 17h00', ngày 21/7/2017" (its last hour).
    private static func dateCell(_ t: [Token]) -> (date: WrittenDate, time: WrittenTime?)? {
        if let d = DateScanner.date(t, at: 0), d.tokenEnd == t.count || t[d.tokenEnd].text == "(" || t[d.tokenEnd].text == "." { return (d, nil) }
        // "Tháng 5/2024", "Quý IV/2024", "Trong tháng 6/2024": a step due by the period's last day.
        if let (last, end) = DeadlineScanner.periodEnd(t, at: t.first?.is("trong") == true ? 1 : 0), end == t.count || t[end].text == "." {
            return (WrittenDate(day: last.day, month: last.month, year: last.year, tokenStart: 0, tokenEnd: end), nil)
        }
        var j: Int
        if t.first?.is("truoc") == true {
            j = 1
        } else if t.first?.is("tu") == true, let start = DateScanner.date(t, at: 1), start.tokenEnd < t.count, t[start.tokenEnd].is("den") {
            j = start.tokenEnd + 1
        } else {
            return nil
        }
        var time: WrittenTime?
        if let tm = DateScanner.time(t, at: j) {
            time = tm
            j = tm.tokenEnd
            while j < t.count, t[j].text == "," || t[j].text == "'" { j += 1 }
        }
        guard let d = DateScanner.date(t, at: j), d.tokenEnd == t.count || t[d.tokenEnd].text == "(" || t[d.tokenEnd].text == "." else { return nil }
        // "Trước 25/7/2017" alone is a step's day like any; only an hour changes the kind.
        return (d, time)
    }
}
