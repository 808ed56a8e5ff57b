import NhacHanCore

/// Reads the text of a Vietnamese directive into a `DirectiveDraft`.
///
/// Works on any input: every step is a linear scan over bounded windows, nothing throws, and
/// whatever could not be decided is reported in `warnings` rather than guessed.
public struct DirectiveImporter: Sendable {
    public var directory: UnitDirectory?

    /// - Parameter directory: the units to match names against; without it unit ids are
    ///   slugs of the names and the draft says so.
    public init(directory: UnitDirectory? = nil) {
        self.directory = directory
    }

    /// Drafts a directive from its text. `sourceName` is the input file name (for `source:`).
    public func draft(text: String, sourceName: String) -> DirectiveDraft {
        let (lines, lineTexts) = Self.cleanLines(text)
        var header = HeaderParser.parse(lines)
        // A blank form's "Số:........./......3....." has no symbol worth keeping over the number
        // of the directive it is attached to.
        if header.number == nil, !(header.symbol?.contains(where: \.isLetter) ?? false), let prose = ProseFacts.find(lines) {
            header.number = prose.number
            header.symbol = nil
            header.numberLines = LineRange(prose.line, prose.line)
            if header.issued == nil, let issued = prose.issued {
                header.issued = issued
                header.year = issued.year
                header.dateLines = LineRange(prose.line, prose.line)
            }
            header.warnings.append("dòng \(prose.line): số văn bản lấy từ lời văn (\"ban hành …\", \"đã ký …\", \"kèm theo …\"), không từ phần đầu: kiểm tra lại")
        }
        if header.issued == nil, header.year == nil, let (date, line) = ProseFacts.titleDate(lines) {
            header.issued = date
            header.year = date.year
            header.dateLines = LineRange(line, line)
            header.warnings.append("dòng \(line): ngày văn bản lấy từ dòng tiêu đề của trang")
        }
        let tail = Tail.parse(lines, from: header.bodyStart)
        let bodyLines = header.bodyStart < tail.start ? Array(lines[header.bodyStart..<tail.start]) : []
        let paragraphs = ParagraphJoiner.join(bodyLines)
        let matcher = UnitMatcher(directory: directory)
        let body = BodyParser.parse(paragraphs, matcher: matcher)
        var warnings = header.warnings
        var year = header.year
        if year == nil, header.issued == nil, let inferred = Self.inferYear(paragraphs) {
            year = inferred
            warnings.append("văn bản không ghi ngày ban hành: lấy năm \(inferred) từ các ngày trong văn bản")
        }
        let years = YearContext(year: year, issued: header.issued)
        var extractor = TaskExtractor(body: body, years: years, matcher: matcher)
        extractor.occasions = header.subject.map { Self.dates(in: $0, years: years) } ?? []
        extractor.run()
        extractor.readTimetable(bodyLines)
        // A form's corner block ("Biểu số …", "Ngày nhận báo cáo: …") stands above its title,
        // where the header reader may have stopped.
        extractor.readReportForms(Array(lines[..<max(tail.start, header.bodyStart)]))
        extractor.dropSuperseded()
        extractor.draftUnattached()
        var assembler = TaskAssembler(directory: directory, body: body)
        var tasks = assembler.assemble(extractor.found)
        let checkWarnings = Self.makeCheckable(&tasks, directory: directory, issued: header.issued)
        if directory == nil {
            warnings.append("không có danh mục đơn vị (--units): mã đơn vị là tạm, lấy từ tên")
        }
        if body.recipientParagraphs.isEmpty { warnings.append("không thấy phần \"Kính gửi\": đơn vị nhận lấy từ các mục của văn bản") }
        if header.number == nil, header.symbol == nil { warnings.append("không thấy số, ký hiệu văn bản") }
        if header.issuer == nil { warnings.append("không thấy cơ quan ban hành") }
        if tasks.allSatisfy({ $0.deadline == nil }) { warnings.append("không thấy hạn báo cáo nào trong văn bản") }
        warnings += extractor.warnings + assembler.warnings + checkWarnings
        // Two tasks of one line give the same warning once.
        var seen: Set<String> = []
        warnings = warnings.filter { seen.insert($0).inserted }
        if warnings.count > 200 {
            let more = warnings.count - 200
            warnings = Array(warnings.prefix(200)) + ["… và \(more) cảnh báo khác"]
        }
        var facts: [String: LineRange] = [:]
        facts["number"] = header.numberLines
        facts["issuer"] = header.issuerLines
        facts["issued"] = header.dateLines
        facts["subject"] = header.subjectLines
        return DirectiveDraft(
            id: Self.directiveID(header: header, year: year, sourceName: sourceName),
            number: header.number, symbol: header.symbol, type: header.type, issuer: header.issuer,
            issued: header.issued, year: year ?? header.issued?.year, place: header.place, subject: header.subject,
            recipients: body.recipients.map(\.mention.text),
            recipientUnits: Self.unique(body.recipients.compactMap { $0.mention.entry.map { directory!.entries[$0].id } }),
            tasks: tasks, copies: tail.copies, signer: tail.signer, warnings: warnings,
            sourceName: sourceName, factLines: facts, lineTexts: lineTexts)
    }

    /// Marks what `check` would refuse so the YAML writes it as a comment: a task whose units are
    /// not all directory entries (every task without a directory), a recurrence with no start
    /// and a count from a day the draft does not know. Returns a warning for each.
    static func makeCheckable(_ tasks: inout [DraftTask], directory: UnitDirectory?, issued: CivilDate?) -> [String] {
        var warnings: [String] = []
        for i in tasks.indices {
            let t = tasks[i]
            let line = "dòng \(t.sourceLines.from)"
            let action = t.action.count > 60 ? String(t.action.prefix(60)) + "…" : t.action
            if directory == nil {
                tasks[i].commentedOut = "chưa đối chiếu danh mục đơn vị (--units)"
            } else if t.units.isEmpty {
                let names = t.unmatchedUnits.isEmpty ? "không rõ đơn vị thực hiện" : "đơn vị \"\(t.unmatchedUnits.joined(separator: "\", \""))\" chưa có trong danh mục"
                tasks[i].commentedOut = names
                warnings.append("\(line): nhiệm vụ \"\(action)\" để dạng chú thích: \(names)")
            } else if t.tentative {
                tasks[i].commentedOut = DraftTask.tentativeReason
            }
            guard let dl = t.deadline else { continue }
            if dl.kind == .every, dl.start == nil {
                tasks[i].dueCommentedOut = "văn bản không có ngày ban hành để bắt đầu: thêm start"
            } else if dl.kind == .every, let rule = dl.rule, let start = dl.start,
                      let r = try? Recurrence(parsing: rule, start: start), r.frequency == .yearly, !r.byMonthDay.isEmpty, r.byMonth.isEmpty {
                // "Báo cáo năm: … chậm nhất vào ngày 20": a day of the year's month the text does
                // not name would fall every month.
                tasks[i].dueCommentedOut = "văn bản không nói tháng nào trong năm: thêm BYMONTH= vào every"
            } else if dl.kind == .within, dl.from == nil || dl.from == "received" || dl.from == "issued", issued == nil {
                tasks[i].dueCommentedOut = "văn bản không có ngày ban hành: thêm issued: hoặc received:"
            }
            if let why = tasks[i].dueCommentedOut, tasks[i].commentedOut == nil {
                warnings.append("\(line): hạn \"\(dl.phrase)\" để dạng chú thích: \(why)")
            }
        }
        return warnings
    }

    /// Cleans every line; returns the cleaned lines and each source line's cleaned text.
    static func cleanLines(_ text: String) -> ([CleanLine], [String]) {
        var out: [CleanLine] = []
        var texts: [String] = []
        var blank = false
        var n = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" || $0 == "\u{2028}" }) {
            n += 1
            let cleaned = LineCleaner.clean(raw, sourceLine: n, blankBefore: blank)
            texts.append(cleaned.map(\.text).joined(separator: "  "))
            if cleaned.isEmpty { blank = true; continue }
            out.append(contentsOf: cleaned)
            blank = false
        }
        return (HeaderLines.normalize(out), texts)
    }

    /// The dates a line names ("V/v … hưởng ứng Ngày Gia đình Việt Nam 28/6/2024").
    static func dates(in line: String, years: YearContext) -> Set<CivilDate> {
        let p = Paragraph(CleanLine(text: line, sourceLine: 0, emphasized: false, blankBefore: false))
        let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
        return Set(t.indices.compactMap { DateScanner.date(t, at: $0).flatMap(years.resolve) })
    }

    /// The latest year of the fully written dates in the body (cited documents are older).
    static func inferYear(_ paragraphs: [Paragraph]) -> Int? {
        var best: Int?
        for p in paragraphs {
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            var i = 0
            while i < t.count {
                if let d = DateScanner.date(t, at: i), let y = d.year, (1990...2100).contains(y) {
                    best = max(best ?? y, y); i = d.tokenEnd; continue
                }
                i += 1
            }
        }
        guard let best else { return namedYear(paragraphs) }
        // A title's year ("Lịch xét … năm 2019") outranks the decisions it cites.
        return max(best, paragraphs.first.flatMap { namedYear([$0]) } ?? best)
    }

    /// "Lịch xét … năm 2019", "nhiệm kỳ 2021 - 2026": the latest year a text names as its
    /// own (a cited decision of 2018 does not date a timetable of 2019).
    private static func namedYear(_ paragraphs: [Paragraph]) -> Int? {
        var latest: Int?
        for p in paragraphs.prefix(30) {
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            for i in t.indices.dropLast() where t[i].is("ky") || t[i].is("nam") {
                // "trẻ sinh năm 2015" is a birth year.
                if i > 0, t[i - 1].is("sinh") { continue }
                if t[i + 1].kind == .number, t[i + 1].text.count == 4, let y = Int(t[i + 1].text), (1990...2100).contains(y) {
                    latest = max(latest ?? y, y)
                    if t[i].is("ky") { return y }  // an election's term starts in its first year
                }
            }
        }
        return latest ?? lunarYearName(paragraphs)
    }

    private static let stems = ["canh", "tan", "nham", "quy", "giap", "at", "binh", "dinh", "mau", "ky"]
    private static let branches: [String: [Int]] = ["than": [0], "dau": [1], "tuat": [2], "hoi": [3], "ty": [4, 9], "suu": [5],
                                                    "dan": [6], "mao": [7], "meo": [7], "thin": [8], "ngo": [10], "mui": [11]]

    /// "Tết Mậu Tý", "Xuân Canh Tý": the year named by its stem and branch, in the sixty years
    /// from 1984 (Giáp Tý) that hold every text a clerk imports today.
    private static func lunarYearName(_ paragraphs: [Paragraph]) -> Int? {
        for p in paragraphs.prefix(30) {
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            for i in t.indices.dropLast(2) where t[i].is("tet") || t[i].is("xuan") {
                guard let stem = stems.firstIndex(of: t[i + 1].text), let branch = branches[t[i + 2].text] else { continue }
                // "Tý" and "Tỵ" fold alike; the stem's parity tells them apart.
                if let y = (1984..<2044).first(where: { $0 % 10 == stem && branch.contains($0 % 12) }) { return y }
            }
        }
        return nil
    }

    static func directiveID(header: Header, year: Int?, sourceName: String) -> String {
        let y = (year ?? header.issued?.year).map { "-\($0)" } ?? ""
        // A form's blank "Số: ………/ ……." has a symbol of dots, which names nothing.
        for written in [header.number, header.symbol].compactMap({ $0 }) where !Slug.make(written).isEmpty {
            return Slug.make(written) + y
        }
        var stem = sourceName
        if let slash = stem.lastIndex(of: "/") { stem = String(stem[stem.index(after: slash)...]) }
        if let dot = stem.lastIndex(of: "."), dot != stem.startIndex { stem = String(stem[..<dot]) }
        let slug = Slug.make(stem)
        return slug.isEmpty ? "van-ban" : slug
    }

    static func unique(_ ids: [String]) -> [String] {
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }
}
