import NhacHanCore

/// A task found in the body before ids and links are assigned.
struct FoundTask {
    var units: [UnitMention]
    var allAddressed: Bool
    var action: String
    var reportTo: String?
    var via: UnitMention?
    var deadline: DraftDeadline?
    var lines: LineRange
    var verbSlug: String
    var sectionHeading: Int?
    /// A row of a table: rows with the same limit are different tasks (their labels differ).
    var isTableRow = false
    /// A limit no work governs, drafted for the clerk to decide (see `draftUnattached`).
    var tentative = false
    /// Where the deadline's phrase starts in its paragraph, and its sentence (text order).
    var position: (paragraph: Int, offset: Int, sentence: Range<Int>)? = nil
}

/// Finds obligations in the body.
///
/// The rule for what counts as a deadline: a date with a deadline marker (trước, chậm nhất,
/// đến hết, trong ngày, trong thời hạn, a period) governed by a verb that delivers or completes
/// something (báo cáo, gửi, nộp, tổng hợp, hoàn thành...). A marked date with only an execution
/// verb ("diễn ra từ nay đến hết ngày 25/3") is an activity window: warned about, not a
/// deadline. "theo quy định" with a reporting verb is an undated obligation. Bare dates
/// (cited documents, commemorated days) are never deadlines.
struct TaskExtractor {
    let body: Body
    let years: YearContext
    let matcher: UnitMatcher
    var found: [FoundTask] = []
    var warnings: [String] = []
    /// DraftDeadline phrases read so far; past `limit` the rest of the text is only skimmed, so a
    /// huge or hostile input stays fast (a real directive has a handful).
    private var readHits = 0
    static let limit = 300
    /// A paragraph that ends with ":" and names the work ("thời hạn gửi báo cáo … như sau:"):
    /// the verb of the list items after it that name only a unit and a time.
    private var leadIn: LeadIn?
    /// The paragraph above when it is only a submission label ("Thời gian nhận ảnh:"): the
    /// window on the next line is the time to send in.
    private var labelAbove: LeadIn?
    typealias LeadIn = (paragraph: Paragraph, range: Range<Int>, tokens: [Token], verb: Int)
    /// The sentence before in the paragraph, with its first verb: the work of a limit in
    /// brackets that ends a sentence without a verb ("Số tài khoản: … (chậm nhất là ngày D).").
    private var sentenceBefore: LeadIn?
    /// Marked limits no work governs, with their warning, for a text that would otherwise draft no limit.
    private var unattached: [Unattached] = []
    private typealias Unattached = (paragraph: Paragraph, range: Range<Int>, tokens: [Token], hit: DeadlineHit, n: Int, warning: Int)
    /// The marker level of a heading that names the time of reports ("1. Thời hạn gửi báo
    /// cáo:", 0 without a marker): the items below it ("- Báo cáo tháng: ngày 20 hằng tháng")
    /// give a report's day without a marker word.
    private var dueHeading: Int?
    /// The days the subject line names: the occasion a text prepares ("hưởng ứng Ngày Gia
    /// đình Việt Nam 28/6/2024"), which work "trước" it marks rather than is due by.
    var occasions: Set<CivilDate> = []
    /// The plan item above, for its lines that give only its units and time.
    var planItem: PlanItem?
    /// Where the text says a time was moved ("gia hạn", "kéo dài", "lùi"), in text order.
    var extensions: [(paragraph: Int, offset: Int)] = []

    init(body: Body, years: YearContext, matcher: UnitMatcher) {
        self.body = body
        self.years = years
        self.matcher = matcher
    }

    private static let conditional = ["neu", "truong hop", "vuong mac", "kho khan"]
    private static let generic = ["cac co quan", "cac don vi", "co quan, don vi", "cac dia phuong", "thu truong cac",
                                  "cac phong, ban", "cac nganh", "don vi, dia phuong"]

    mutating func run() {
        // A text with no year that speaks of "hằng năm" sets yearly dates ("… trước ngày 31-5").
        var documentYearly: Periodicity?
        if years.year == nil, years.issued == nil {
            documentYearly = body.paragraphs.lazy.compactMap { p in
                Periodicity.detect(Tokenizer.tokens(p.folded, in: 0..<p.count))
            }.first { $0.freq == "YEARLY" && $0.months == nil }
        }
        for (n, p) in body.paragraphs.enumerated() where !body.recipientParagraphs.contains(n) {
            if readHits >= Self.limit {
                warnings.append("dòng \(p.firstLine): quá \(Self.limit) mốc thời gian: phần còn lại của văn bản không được đọc")
                return
            }
            let from = body.headingEnds[n] ?? 0
            let tokens = Tokenizer.tokens(p.folded, in: from..<p.count)
            let whole = Periodicity.detect(tokens)
            for k in tokens.indices where DeadlineScanner.movesTime(tokens, at: k) { extensions.append((n, tokens[k].start)) }
            // "Báo cáo … trong kỳ từ ngày 16 tháng 12 năm trước đến ngày 15 tháng 3. Gửi báo cáo
            // chậm nhất vào ngày 18 tháng 3.": a report period's dates come back every year.
            let reportPeriod = Self.speaksOfReportPeriod(tokens) ? Periodicity(freq: "YEARLY", tokenStart: 0, tokenEnd: 0) : nil
            let yearly = whole?.freq == "YEARLY" && whole?.months == nil ? whole : documentYearly ?? reportPeriod
            let marker = LineShape.marker(p.scalars)
            if marker == nil && !Self.itemLabel(tokens) { leadIn = nil }
            if let level = dueHeading, (marker?.level ?? 0) <= level { dueHeading = nil }
            let sentences = Self.sentences(p, from: from)
            var itemLine = marker
            sentenceBefore = nil
            for s in sentences {
                let before = found.count
                read(p, s, paragraph: n, yearly: yearly, period: whole, dueItem: dueHeading != nil)
                let t = Tokenizer.tokens(p.folded, in: s)
                sentenceBefore = t.indices.first(where: { ClauseReader.verb(t, at: $0) != nil }).map { (p, s, t, $0) }
                // The item's line is its first sentence with words ("1." alone is split off).
                if let m = itemLine, t.contains(where: { $0.kind == .word }) {
                    itemLine = nil
                    notePlanItem(p, s, paragraph: n, marker: m, tasksBefore: before)
                }
            }
            if Self.namesReportTime(p, marker: marker) { dueHeading = marker?.level ?? 0 }
            labelAbove = nil
            if p.scalars.last(where: { $0 != " " }) == ":" {
                if let s = sentences.last {
                    let t = Tokenizer.tokens(p.folded, in: s)
                    if let v = t.indices.first(where: { ClauseReader.verb(t, at: $0) != nil }) { leadIn = (p, s, t, v) }
                }
                // A label is often a heading of its own ("Thời gian nhận ảnh:").
                let whole = 0..<p.count, t = Tokenizer.tokens(p.folded, in: whole)
                if t.count <= 10, let k = Self.submissionLabel(t) { labelAbove = (p, whole, t, k) }
            }
        }
    }

    /// "Tuần 4: Trước 16 giờ 00, ngày 01/10/2021", "Đợt 2: …", "Quý III: …": an item of the list
    /// a sentence ending in ":" announced, labelled by its round rather than a dash or a number.
    private static func itemLabel(_ t: [Token]) -> Bool {
        guard t.count > 3, ["tuan", "dot", "lan", "ky", "quy", "thang", "buoc"].contains(t[0].text) else { return false }
        let label = t[1].kind == .number || t[1].text.allSatisfy { "ivx".contains($0) }
        return label && t[2].text == ":"
    }

    /// A report-form table's due columns, and the headings that name the time of reports.
    private static let reportTimes = dueColumns + ["thoi han bao cao", "thoi gian gui bao cao", "thoi gian nop bao cao",
                                                   "thoi diem gui bao cao"]

    /// "1. Thời hạn gửi báo cáo:", "Thời hạn báo cáo": a short heading over a list of report days.
    private static func namesReportTime(_ p: Paragraph, marker: Marker?) -> Bool {
        let t = Tokenizer.tokens(p.folded, in: (marker?.length ?? 0)..<p.count)
        guard t.count <= 14, !t.contains(where: { $0.kind == .number }) else { return false }
        let key = t.filter { $0.kind != .punct }.map(\.text).joined(separator: " ")
        return reportTimes.contains { key.contains($0) }
    }

    private static func speaksOfReportPeriod(_ t: [Token]) -> Bool {
        // "so với năm trước", "cùng kỳ năm trước" compare; they name no report period.
        t.indices.contains { t.matches("nam truoc", at: $0) && !($0 > 0 && (t[$0 - 1].is("voi") || t[$0 - 1].is("ky")))
            || t.matches("ky bao cao", at: $0) || t.matches("trong ky", at: $0) }
    }

    /// The first organ named after the last "giao", "đề nghị" or "yêu cầu" of the prefix.
    private static func assignee(_ p: Paragraph, prefix: Range<Int>, matcher: UnitMatcher) -> UnitMention? {
        let key = Array(p.folded[prefix])
        var cue: Int?
        for word in ["giao ", "de nghi ", "yeu cau "] {
            let bytes = Array(word.utf8)
            var i = key.count - bytes.count
            while i >= 0 {
                if (i == 0 || key[i - 1] == 0x20), key[i..<(i + bytes.count)].elementsEqual(bytes) { cue = max(cue ?? 0, i + bytes.count); break }
                i -= 1
            }
        }
        guard let cue else { return nil }
        guard var m = matcher.mentions(p, (prefix.lowerBound + cue)..<prefix.upperBound).first(where: { $0.entry == nil }) else { return nil }
        // The name ends where its work begins: "Sở Tài nguyên và Môi trường | chủ trì, …".
        let t = Tokenizer.tokens(p.folded, in: m.range)
        if let w = t.indices.dropFirst().first(where: { t[$0].text == "," || ClauseReader.startsWork(t, at: $0) }) {
            m.range = m.range.lowerBound..<t[w - 1].end
            m.text = p.text(m.range)
        }
        return m
    }

    /// Sentence ranges: split at ". " before a capital, "./." and the end.
    static func sentences(_ p: Paragraph, from: Int) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = from
        var i = from
        let s = p.scalars
        while i < s.count {
            if s[i] == ".", i + 2 < s.count, s[i + 1] == " ", s[i + 2].properties.isUppercase
                || (s[i + 2] == "-" || s[i + 2] == "+"), !Self.abbreviation(s, before: i) {
                out.append(start..<(i + 1)); start = i + 2
            } else if s[i] == "," || s[i] == ";", i + 4 < s.count, s[i + 1] == " ", s[i + 2] == "-" || s[i + 2] == "+",
                      s[i + 3] == " ", s[i + 4].properties.isUppercase {
                // List items run together: "…hằng tháng; - Chậm nhất ngày 06 …".
                out.append(start..<(i + 1)); start = i + 2
            }
            i += 1
        }
        if start < s.count { out.append(start..<s.count) }
        return out
    }

    /// "TP. Hồ Chí Minh", "TX. Sơn Tây", "Q. 1": a capital or two before the dot shorten a name.
    private static func abbreviation(_ s: [Unicode.Scalar], before dot: Int) -> Bool {
        var k = dot
        while k > 0, s[k - 1].properties.isAlphabetic { k -= 1 }
        let word = s[k..<dot]
        return (1...2).contains(word.count) && word.allSatisfy { $0.properties.isUppercase } && (k == 0 || s[k - 1] == " " || s[k - 1] == "(")
    }

    private mutating func read(_ p: Paragraph, _ range: Range<Int>, paragraph n: Int, yearly: Periodicity?, period: Periodicity?,
                               dueItem: Bool = false) {
        let t = Tokenizer.tokens(p.folded, in: range)
        guard !t.isEmpty else { return }
        var hits = DeadlineScanner.scan(t, in: p, years: years, yearly: yearly.map { Periodicity(freq: $0.freq, tokenStart: 0, tokenEnd: 0) },
                                        paragraphPeriod: period.map { Periodicity(freq: $0.freq, months: $0.months, byDay: $0.byDay, tokenStart: 0, tokenEnd: 0) },
                                        dueItem: dueItem)
        // "tổng kết theo quy định và báo cáo … trước ngày 01/11/2021": beside a date, "theo quy
        // định" says how to do the work, not that the deadline is unknown.
        if hits.contains(where: { $0.deadline.kind != .undated && !$0.isWindow }) {
            hits.removeAll { $0.deadline.kind == .undated }
        }
        var used = readUnitLabel(p, t, paragraph: n)
        // "Căn cứ văn bản số … (mục 1.c “… hoàn thành kết nối trong tháng 6 năm 2020.”)": a limit
        // quoted in brackets is the cited text's.
        if !hits.isEmpty, t.contains(where: { $0.text == "\"" }) {
            // One pass: whether each token lies inside quotes inside brackets.
            var quoted = [Bool](repeating: false, count: t.count + 1)
            var quotes = 0, depth = 0
            for (k, token) in t.enumerated() {
                quoted[k] = quotes % 2 == 1 && depth > 0
                if token.text == "\"" { quotes += 1 } else if token.text == "(" { depth += 1 } else if token.text == ")" { depth = max(0, depth - 1) }
            }
            hits.removeAll { quoted[$0.tokenStart] }
        }
        for hit in hits {
            readHits += 1
            if readHits > Self.limit { return }
            let line = p.lines(t[hit.tokenStart].start..<t[hit.tokenEnd - 1].end).from
            let governing = ClauseReader.governingVerb(t, before: hit.tokenStart, after: hit.tokenEnd, p: p)
            // "- Thời gian hoàn thành: Quý II/2024" under "3. Tổng hợp, báo cáo …": the item's work.
            if governing.map({ v in ItemLabel.end(t, ItemLabel.time).map { v < $0 } ?? false }) ?? true,
               datePlanItem(hit, p, t, range: range, paragraph: n) {
                used = true
                continue
            }
            if governing == nil, let k = Self.submissionLabel(t), let cut = Self.submissionEnd(hit, t, label: k) {
                used = true
                add(p, t, range: range, verb: k, deadline: hit.deadline, paragraph: n, hitStart: cut)
                continue
            }
            guard let v = governing ?? verbWithout(hit, t, p) else {
                // A list item under the sentence that names its work, or a window under its label.
                let listItem = !hit.isWindow && (LineShape.marker(p.scalars) != nil || Self.itemLabel(t))
                let bracketed = hit.tokenStart > 0 && t[hit.tokenStart - 1].text == "(" && [.before, .through, .at].contains(hit.deadline.kind)
                if hit.deadline.kind != .undated,
                   let lead = (listItem ? leadIn : nil) ?? (t.count <= 24 ? labelAbove : nil) ?? (bracketed && !hit.isWindow ? sentenceBefore : nil) {
                    used = true
                    add(lead.paragraph, lead.tokens, range: lead.range, verb: lead.verb, deadline: hit.deadline, paragraph: n,
                        hitStart: lead.tokens.count, lines: p.lines(range))
                    continue
                }
                if hit.isWindow {
                    warnings.append("dòng \(line): \"\(hit.deadline.phrase)\" là thời gian diễn ra hoạt động, không phải hạn báo cáo")
                } else if hit.deadline.kind != .undated {
                    warnings.append("dòng \(line): mốc \"\(hit.deadline.phrase)\" không gắn với việc báo cáo hay hoàn thành: không tạo hạn")
                    unattached.append((p, range, t, hit, n, warnings.count - 1))
                }
                continue
            }
            used = true
            add(p, t, range: range, verb: v, deadline: hit.deadline, paragraph: n, hitStart: hit.tokenStart)
            if hit.missingYear {
                warnings.append("dòng \(line): \"\(hit.deadline.phrase)\" không ghi năm và văn bản không cho biết năm")
            }
            if hit.deadline.kind == .undated {
                warnings.append("dòng \(line): nghĩa vụ không có thời hạn cụ thể (\"\(hit.deadline.phrase)\"): cần hỏi lại hoặc tự đặt hạn")
            }
            if hit.deadline.kind == .within, hit.deadline.from == nil {
                warnings.append("dòng \(line): \"\(hit.deadline.phrase)\" không nói tính từ ngày nào: tạm tính từ ngày nhận")
            }
        }
        guard !used, let v = t.find("bao cao") else { return }
        let folded = Fold.key(p.text(range))
        guard !Self.conditional.contains(where: { folded.contains($0) }), !(v > 0 && p.exact(t[v - 1], "để")),
              ClauseReader.reportTarget(t, from: v, to: t.count, p: p) != nil else { return }
        let line = p.lines(range).from
        warnings.append("dòng \(line): có nghĩa vụ báo cáo nhưng không ghi thời hạn")
        add(p, t, range: range, verb: v, deadline: nil, paragraph: n, hitStart: t.count)
    }

    mutating func add(_ p: Paragraph, _ t: [Token], range: Range<Int>, verb v: Int,
                              deadline: DraftDeadline?, paragraph n: Int, hitStart: Int, lines: LineRange? = nil) {
        let s = ClauseReader.chainStart(t, v)
        let limit = hitStart > v ? hitStart : t.count
        let action = ClauseReader.action(t, from: s, limit: limit, p: p)
        var reportTo: String?
        var via: UnitMention?
        if let k = ClauseReader.reportTarget(t, from: s, to: t.count, p: p) {
            let end = ClauseReader.organEnd(t, from: k, to: t.count, p: p)
            reportTo = p.text(t[k].start..<t[end - 1].end).trimmingTrailing(",")
        }
        if let r = ClauseReader.via(t, from: s, to: min(t.count, s + 120), p: p), !r.isEmpty {
            let viaRange = t[r.lowerBound].start..<t[r.upperBound - 1].end
            via = matcher.mentions(p, viaRange).first
                ?? UnitMention(entry: nil, text: p.text(viaRange), range: viaRange, approximate: false)
            if let m = via, m.entry != nil { via = UnitMention(entry: m.entry, text: p.text(viaRange), range: viaRange, approximate: m.approximate) }
        }
        // Who: the section's units, or those named before the verb, or everyone addressed.
        var units: [UnitMention] = []
        var all = false
        let prefixStart = max(range.lowerBound, t[s].start - 400)
        let prefix = t[s].start > prefixStart ? prefixStart..<t[s].start : prefixStart..<prefixStart
        let prefixKey = Fold.key(p.text(prefix))
        switch body.scopes[n] {
        case .section(let u, _):
            units = u
        default:
            all = Self.generic.contains { prefixKey.contains($0) }
            units = matcher.matches(p, prefix).filter { m in
                !(via.map { $0.entry != nil && $0.entry == m.entry } ?? false)
            }
            // "Giao Sở Tài nguyên và Môi trường chủ trì …": the organ given the task, even when
            // the directory does not know it (the draft then names it instead of guessing).
            if units.isEmpty, let named = Self.assignee(p, prefix: prefix, matcher: matcher) { units = [named]; all = false }
            if units.isEmpty { all = true }
            if case .section = body.scopes[n] {} else if units.isEmpty {
                if case .closing = body.scopes[n] {} else {
                    warnings.append("dòng \(p.lines(range).from): không rõ đơn vị thực hiện: gán cho mọi đơn vị nhận văn bản")
                }
            }
        }
        let slug = Slug.make(Fold.key(t[s..<min(t.count, s + (ClauseReader.verb(t, at: s) ?? 1))].map(\.text).joined(separator: " ")))
        var heading: Int?
        if case .section(_, let h) = body.scopes[n] { heading = h }
        var task = FoundTask(units: units, allAddressed: all, action: action, reportTo: reportTo, via: via,
                             deadline: deadline, lines: lines ?? p.lines(range), verbSlug: slug, sectionHeading: heading)
        if deadline != nil, hitStart < t.count, lines == nil {
            task.position = (n, t[hitStart].start, range)
        }
        found.append(task)
    }

    /// A marked limit whose sentence names no work it dates ("Thời gian niêm yết: 20 ngày, kể từ
    /// … đến hết ngày D") is drafted with its whole sentence as the work, as a tentative task the
    /// YAML writes as a comment: a missed limit is silent, a tentative one is one line to check.
    mutating func draftUnattached() {
        // Not a limit the sentence tells as past ("các xã đã treo cờ trước ngày D") or as a
        // condition ("nếu", "trường hợp", "có thể gia hạn"), nor the occasion the subject names
        // ("hưởng ứng Ngày Gia đình Việt Nam 28/6/2024").
        for u in unattached where !u.tokens.contains(where: { $0.is("da") || $0.is("neu") })
            && !u.tokens.indices.contains(where: { u.tokens.matches("co the", at: $0) || u.tokens.matches("truong hop", at: $0) })
            && !(u.hit.deadline.date.map(occasions.contains) ?? false) {
            let start = u.tokens.indices.first { u.tokens[$0].kind == .word } ?? 0
            add(u.paragraph, u.tokens, range: u.range, verb: start, deadline: u.hit.deadline, paragraph: u.n, hitStart: u.hit.tokenStart)
            found[found.count - 1].tentative = true
            found[found.count - 1].verbSlug = "moc"
            let line = u.paragraph.lines(u.range).from
            warnings[u.warning] = "dòng \(line): mốc \"\(u.hit.deadline.phrase)\" không gắn với việc báo cáo hay hoàn thành: để nhiệm vụ dạng chú thích, lấy cả câu làm việc, cần kiểm tra lại"
        }
    }
}
