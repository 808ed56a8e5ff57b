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
    private var leadIn: (paragraph: Paragraph, range: Range<Int>, tokens: [Token], verb: Int)?
    /// The marker level of a heading that names the time of reports ("1. Thời hạn gửi báo
    /// cáo:", 0 without a marker): the items below it ("- Báo cáo tháng: ngày 20 hằng tháng")
    /// give a report's day without a marker word.
    private var dueHeading: Int?
    /// The days the subject line names: the occasion a text prepares ("hưởng ứng Ngày Gia
    /// đình Việt Nam 28/6/2024"), which work "trước" it marks rather than is due by.
    var occasions: Set<CivilDate> = []
    /// The plan item above, for its lines that give only its units and time.
    var planItem: PlanItem?

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
            // "Báo cáo … trong kỳ từ ngày 16 tháng 12 năm trước đến ngày 15 tháng 3. Gửi báo cáo
            // chậm nhất vào ngày 18 tháng 3.": a report period's dates come back every year.
            let reportPeriod = Self.speaksOfReportPeriod(tokens) ? Periodicity(freq: "YEARLY", tokenStart: 0, tokenEnd: 0) : nil
            let yearly = whole?.freq == "YEARLY" && whole?.months == nil ? whole : documentYearly ?? reportPeriod
            let marker = LineShape.marker(p.scalars)
            if marker == nil && !Self.itemLabel(tokens) { leadIn = nil }
            if let level = dueHeading, (marker?.level ?? 0) <= level { dueHeading = nil }
            let sentences = Self.sentences(p, from: from)
            var itemLine = marker
            for s in sentences {
                let before = found.count
                read(p, s, paragraph: n, yearly: yearly, period: whole, dueItem: dueHeading != nil)
                // The item's line is its first sentence with words ("1." alone is split off).
                if let m = itemLine, Tokenizer.tokens(p.folded, in: s).contains(where: { $0.kind == .word }) {
                    itemLine = nil
                    notePlanItem(p, s, paragraph: n, marker: m, tasksBefore: before)
                }
            }
            if Self.namesReportTime(p, marker: marker) { dueHeading = marker?.level ?? 0 }
            if p.scalars.last(where: { $0 != " " }) == ":", let s = sentences.last {
                let t = Tokenizer.tokens(p.folded, in: s)
                if let v = t.indices.first(where: { ClauseReader.verb(t, at: $0) != nil }) { leadIn = (p, s, t, v) }
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
            guard let v = governing ?? verbWithout(hit, t, p) else {
                if !hit.isWindow, hit.deadline.kind != .undated, let lead = leadIn,
                   LineShape.marker(p.scalars) != nil || Self.itemLabel(t) {
                    used = true
                    add(lead.paragraph, lead.tokens, range: lead.range, verb: lead.verb, deadline: hit.deadline, paragraph: n,
                        hitStart: lead.tokens.count, lines: p.lines(range))
                    continue
                }
                if hit.isWindow {
                    warnings.append("dòng \(line): \"\(hit.deadline.phrase)\" là thời gian diễn ra hoạt động, không phải hạn báo cáo")
                } else if hit.deadline.kind != .undated {
                    warnings.append("dòng \(line): mốc \"\(hit.deadline.phrase)\" không gắn với việc báo cáo hay hoàn thành: không tạo hạn")
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

    /// Where the work of a deadline is named when no delivering verb governs it.
    private func verbWithout(_ hit: DeadlineHit, _ t: [Token], _ p: Paragraph) -> Int? {
        // "lùi thời gian nhận tác phẩm … đến hết ngày D", "Tiếp nhận hồ sơ trước ngày 05 tháng
        // 12 hàng năm": the end of receiving is the senders' deadline.
        if hit.deadline.kind != .undated, let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).first(where: { k in
            // "Thời gian (tiếp) nhận: trước ngày D", "hạn nhận bài".
            t[k].is("nhan") && (k >= 2 && (t.matches("thoi gian", at: k - 2) || t[k - 1].is("han")
                || k >= 3 && t[k - 1].is("tiep") && (t.matches("thoi gian", at: k - 3) || t.matches("thoi han", at: k - 3)))
                || k + 1 < t.count && ["bai", "ho", "tac", "don", "de", "san"].contains(t[k + 1].text))
        }) { return k }
        // "kéo dài thời gian tham gia cuộc thi đến hết ngày D", "gia hạn thời gian nộp …": a
        // time limit moved is a time limit.
        if hit.isWindow, let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).first(where: { k in
            t.matches("thoi gian", at: k) && k >= 2 && (t.matches("keo dai", at: k - 2) || t.matches("gia han", at: k - 2))
        }) { return k }
        // "Tổ chức các cuộc họp giao ban … trước ngày 25 hàng tháng": a recurring limit on a
        // piece of work is a deadline too (a single one, "tổ chức các hoạt động trước ngày
        // 28/6", is the day being marked).
        if hit.deadline.kind == .every,
           let k = (max(0, hit.tokenStart - 40)..<hit.tokenStart).reversed().first(where: { ClauseReader.startsWork(t, at: $0) }) { return k }
        // "Hội đồng yêu cầu các xã phát lệnh gọi công dân nhập ngũ trước ngày 20-1": what is
        // asked for by a day is a deadline whatever its verb ("theo đề nghị của …" cites).
        if !hit.isWindow, hit.deadline.kind == .before || hit.deadline.kind == .through || hit.deadline.kind == .at,
           let k = (max(0, hit.tokenStart - 30)..<hit.tokenStart).last(where: { t.matches("yeu cau", at: $0) || t.matches("de nghi", at: $0) }),
           !(k > 0 && t[k - 1].is("theo")), k + 2 < hit.tokenStart,
           !(k..<hit.tokenStart).contains(where: { [";", ":"].contains(t[$0].text) }) { return k + 2 }
        // "Các chi bộ tiến hành đại hội trước ngày 31-12-2019", "vệ sinh … hố trồng trước ngày
        // 1/2/2019": "trước" a whole date limits whatever work its clause names ("đã … trước"
        // tells of the past; before the occasion the subject names, work is held, not due).
        if hit.role == .deadline, hit.deadline.kind == .before, let date = hit.deadline.date, !occasions.contains(date), hit.tokenStart > 0,
           let k = Self.clauseWork(t, before: hit.tokenStart) { return k }
        // "Trước ngày 20 tháng 11 hằng năm, Quốc hội quyết định …", "Trước ngày 9/5, Sở cung cấp
        // số liệu …": a limit that opens its sentence dates the clause after its comma.
        if hit.role == .deadline, hit.deadline.kind == .before || hit.deadline.kind == .every && hit.deadline.recurrenceKind == .before,
           hit.deadline.date.map({ !occasions.contains($0) }) ?? true,
           (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word }), let comma = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 6)).first(where: { t[$0].text == "," }),
           comma + 3 < t.count, !(comma..<min(t.count, comma + 8)).contains(where: { t[$0].is("da") }) {
            return (comma + 1..<min(t.count, comma + 15)).first(where: { ClauseReader.startsWork(t, at: $0) }) ?? comma + 1
        }
        // "(Trong thời gian) Từ nay đến 15-1-2015, Công đoàn cơ sở sẽ lập danh sách …": from now
        // until a day, the work after the comma is due by it ("Treo băng rôn từ nay đến hết ngày
        // 30/6" and "diễn ra từ nay đến …" tell how long something goes on).
        if hit.role == .windowEnd, hit.tokenStart >= 2, t[hit.tokenStart - 2].is("tu"), t[hit.tokenStart - 1].is("nay"),
           (0..<hit.tokenStart - 2).allSatisfy({ t[$0].kind != .word }) || hit.tokenStart == 5 && t.matches("trong thoi gian", at: 0),
           let comma = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 3)).first(where: { t[$0].text == "," }), comma + 3 < t.count,
           !(comma..<min(t.count, comma + 8)).contains(where: { t[$0].is("da") }) {
            return (comma + 1..<min(t.count, comma + 15)).first(where: { ClauseReader.startsWork(t, at: $0) }) ?? comma + 1
        }
        // "Sau ngày 15/12/2019 các Kho bạc không thực hiện điều chỉnh số liệu": the work is what
        // is no longer done after the day.
        if t[hit.tokenStart].is("sau"), hit.deadline.kind == .through,
           let k = (hit.tokenEnd..<min(t.count, hit.tokenEnd + 12)).first(where: { t[$0].is("khong") }), k + 1 < t.count {
            return (k + 1..<min(t.count, k + 4)).first(where: { ClauseReader.startsWork(t, at: $0) && !t.matches("thuc hien", at: $0) }) ?? k + 1
        }
        // "Chậm nhất ngày 03/4/2021: Thành lập Tổ bầu cử", "Trước ngày 15/6 (…): Hoàn thiện hồ sơ":
        // a milestone that opens its sentence names its work after the colon.
        if let k = Self.milestoneColon(hit, t, p), k + 1 < t.count {
            return (k + 1..<min(t.count, k + 15)).first(where: { ClauseReader.startsWork(t, at: $0) }) ?? k + 1
        }
        let phrase = hit.tokenStart..<hit.tokenEnd
        // "Thời hạn giải quyết khiếu nại lần đầu không quá 30 ngày, kể từ ngày thụ lý": a count
        // from an event is a time limit whatever the verb; the clause before it names the work.
        if hit.deadline.kind == .within,
           phrase.contains(where: { t.matches("ke tu", at: $0) || t.matches("tinh tu", at: $0) || t.matches("sau khi", at: $0) }) { return 0 }
        // "hoàn thành vào ngày D", "Thời gian hoàn thành: ngày D": the verb is in the phrase.
        if let k = phrase.first(where: { ClauseReader.verb(t, at: $0) != nil }) { return k }
        // "Ngày hết hạn lấy ý kiến: D", "hạn chót: D": the phrase names itself a deadline.
        if !hit.isWindow, phrase.contains(where: { t[$0].is("han") && p.exact(t[$0], "hạn") }) { return hit.tokenStart }
        return nil
    }

    /// The colon after a limit that opens its sentence ("Chậm nhất là ngày 17/02/2021:",
    /// "Chậm nhất ngày 07/02/2021 (105 ngày trước ngày bầu cử):").
    /// The limit opens its line when a heading was joined to it ("105 ngày trước ngày bầu cử").
    static func milestoneColon(_ hit: DeadlineHit, _ t: [Token], _ p: Paragraph) -> Int? {
        guard hit.role == .deadline, [.before, .through, .at].contains(hit.deadline.kind),
              (0..<hit.tokenStart).allSatisfy({ t[$0].kind != .word || t[$0].is("khoang") }) || p.startsLine(t[hit.tokenStart].start)
        else { return nil }
        return (hit.tokenEnd..<min(t.count, hit.tokenEnd + 12)).prefix(while: { t[$0].text != "." && t[$0].text != "," })
            .first(where: { t[$0].text == ":" })
    }

    /// The first word of the work a clause names before `end`: after its last ";" or ":", a
    /// work verb if there is one; nil for a clause that tells of the past ("đã"), cites
    /// ("theo", "căn cứ") or names no work (a bare subject, a date).
    private static func clauseWork(_ t: [Token], before end: Int) -> Int? {
        let start = (max(0, end - 30)..<end).last(where: { [";", ":"].contains(t[$0].text) }).map { $0 + 1 } ?? max(0, end - 30)
        let clause = start..<end
        // "Căn cứ …" opening a clause cites; "CĐ cơ sở căn cứ vào tình hình … mà hướng dẫn" is work.
        guard clause.count >= 2, !clause.contains(where: { t[$0].is("da") || t[$0].is("theo")
                || t.matches("can cu", at: $0) && ($0 == start || t[$0 - 1].kind == .punct) }),
              !clause.contains(where: { DateScanner.date(t, at: $0) != nil }) else { return nil }
        return clause.first(where: { ClauseReader.startsWork(t, at: $0) })
            ?? clause.first(where: { t[$0].kind == .word })
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
        found.append(FoundTask(units: units, allAddressed: all, action: action, reportTo: reportTo, via: via,
                               deadline: deadline, lines: lines ?? p.lines(range), verbSlug: slug, sectionHeading: heading))
    }
}
