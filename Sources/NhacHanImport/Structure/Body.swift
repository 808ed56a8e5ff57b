/// Whom a paragraph of the body speaks to.
enum Scope: Sendable {
    /// Before any numbered section: citations, purpose.
    case preamble
    /// Inside a section whose heading names units ("1. Phòng Giáo dục và Đào tạo").
    case section(units: [UnitMention], heading: Int)
    /// Inside a section that names no unit ("I. MỤC ĐÍCH, YÊU CẦU").
    case unassigned
    /// The closing paragraph(s) after the sections ("Yêu cầu thủ trưởng các cơ quan...").
    case closing
}

/// The body of a directive: joined paragraphs, recipients, and the scope of each paragraph.
struct Body: Sendable {
    var paragraphs: [Paragraph] = []
    /// Recipients of "Kính gửi", with the paragraph each was read from.
    var recipients: [(paragraph: Int, mention: UnitMention)] = []
    var recipientParagraphs: Set<Int> = []
    var scopes: [Scope] = []
    /// Scalar offset where the body of a heading paragraph starts (after "Unit:").
    var headingEnds: [Int: Int] = [:]
    /// Unit headings, in order.
    var unitSections: [(heading: Int, units: [UnitMention], end: Int)] = []
}

enum BodyParser {
    private static let headingLeads = ["de nghi ", "giao ", "yeu cau ", "doi voi ", "kinh de nghi "]
    private static let boundaries: [String] = [
        "chu tri", "phoi hop", "chi dao", "trien khai", "tham muu", "thuc hien", "can cu", "tang cuong",
        "day manh", "co trach nhiem", "khan truong", "nghiem tuc", "ra soat", "xay dung", "huong dan",
        "tuyen truyen", "bao cao", "tong hop", "don doc", "theo doi", "lua chon", "theo", "trong pham vi",
        "to chuc", "cung cap", "bo tri", "kiem tra", "dam bao", "quan tam", "tiep tuc", "chiu trach nhiem",
        "nghien cuu", "phat huy", "can", "phai", "duoc", "thong tin tuyen", "chuan bi",
        "gui", "nop", "hoan thanh", "trinh", "de xuat", "cap nhat", "dang ky",
    ]
    /// Verbs that end a unit's name only when written in lower case: capitalised they are part
    /// of one ("Hội đồng Đánh giá"). Words that name units in lower case too ("Ban quản lý",
    /// "Bộ phận tiếp nhận", "Hội đồng thẩm định") are not among them.
    private static let lowercaseBoundaries: [String] = [
        "tu danh gia", "tu kiem tra", "tu cham", "danh gia", "cham diem", "phe duyet", "ban hanh", "niem yet",
        "cong khai", "xac nhan", "lap",
    ]
    private static let closingLeads = ["yeu cau", "tren day", "bao de", "trong qua trinh", "nhan duoc van ban",
                                       "de nghi thu truong", "de nghi cac", "vay thong bao", "de nghi"]

    static func parse(_ paragraphs: [Paragraph], matcher: UnitMatcher) -> Body {
        var body = Body(paragraphs: paragraphs)
        readRecipients(&body, matcher: matcher)
        var stack: [(level: Int, units: [UnitMention]?, heading: Int)] = []
        var seenSection = false
        var closing = false
        for (n, p) in paragraphs.enumerated() {
            if body.recipientParagraphs.contains(n) { body.scopes.append(.preamble); continue }
            let s = p.scalars
            if let m = LineShape.marker(s), !(closing && m.kind == .bullet) {
                closing = false
                seenSection = true
                stack.removeAll { $0.level >= m.level }
                if let (units, end) = headingUnits(p, marker: m, matcher: matcher) {
                    stack.append((m.level, units, n))
                    body.headingEnds[n] = end
                    body.unitSections.append((n, units, n))
                } else {
                    stack.append((m.level, nil, n))
                }
            } else if !closing, seenSection, isClosing(p) {
                closing = true
                stack.removeAll()
            }
            if closing { body.scopes.append(.closing); continue }
            if let top = stack.last(where: { $0.units != nil }), let units = top.units {
                body.scopes.append(.section(units: units, heading: top.heading))
                if let k = body.unitSections.last?.heading == top.heading ? body.unitSections.count - 1
                    : body.unitSections.lastIndex(where: { $0.heading == top.heading }) { body.unitSections[k].end = n }
            } else {
                body.scopes.append(seenSection ? .unassigned : .preamble)
            }
        }
        return body
    }

    static func isClosing(_ p: Paragraph) -> Bool {
        let f = Fold.key(p.text(0..<min(p.count, 120)))
        if closingLeads.contains(where: { f.hasPrefix($0) }) { return true }
        let firstWords = f.split(separator: " ").prefix(10).joined(separator: " ")
        return firstWords.contains("yeu cau") || firstWords.contains("de nghi thu truong")
    }

    /// "1. Phòng Giáo dục và Đào tạo", "3. Đề nghị Ủy ban MTTQ ... : text", "- Sở Y tế: ...".
    /// Returns the units and the offset where the heading's own text starts.
    static func headingUnits(_ p: Paragraph, marker: Marker, matcher: UnitMatcher) -> ([UnitMention], Int)? {
        var start = marker.length
        let f = p.folded
        for lead in headingLeads where f.count >= start + lead.utf8.count && Array(f[start..<(start + lead.utf8.count)]) == Array(lead.utf8) {
            start += lead.utf8.count
        }
        guard start < p.count, OrganWords.startsOrgan(p, at: start)
                || !matcher.matches(p, start..<min(p.count, start + 60)).filter({ $0.range.lowerBound == start }).isEmpty
        else { return nil }
        var end = start
        var words = 0
        var i = start
        var colon: Int?
        while i < p.count, words < 40 {
            let c = p.scalars[i]
            if c == ":" || c == "." && (i + 1 == p.count || p.scalars[i + 1] == " ") { colon = i; break }
            if c == " " {
                words += 1
                let j = i + 1
                if j < p.count, boundaries.contains(where: { startsWord(f, at: j, $0) })
                    || !p.scalars[j].properties.isUppercase && lowercaseBoundaries.contains(where: { startsWord(f, at: j, $0) }),
                   !(f[..<j].suffix(4).elementsEqual("cac ".utf8)) {
                    break
                }
            }
            i += 1
        }
        end = colon ?? i
        if marker.kind == .bullet, colon == nil { return nil }
        let units = matcher.mentions(p, start..<end)
        guard !units.isEmpty else { return nil }
        return (units, colon.map { $0 + 1 } ?? end)
    }

    /// Whether the words `w` start at byte `j` and end at a word boundary.
    static func startsWord(_ f: [UInt8], at j: Int, _ w: String) -> Bool {
        let u = Array(w.utf8)
        guard j + u.count <= f.count, f[j..<(j + u.count)].elementsEqual(u) else { return false }
        return j + u.count == f.count || !Fold.isWordByte(f[j + u.count])
    }

    private static func readRecipients(_ body: inout Body, matcher: UnitMatcher) {
        let ps = body.paragraphs
        guard let k = ps.prefix(60).firstIndex(where: { Fold.key($0.text(0..<min($0.count, 12))).hasPrefix("kinh gui") }) else { return }
        body.recipientParagraphs.insert(k)
        let p = ps[k]
        if let colon = p.scalars.firstIndex(of: ":"), colon + 1 < p.count {
            for m in matcher.mentions(p, (colon + 1)..<p.count) { body.recipients.append((k, m)) }
        }
        var n = k + 1
        while n < ps.count, n - k <= 40 {
            let q = ps[n]
            guard let m = LineShape.marker(q.scalars), m.kind == .bullet else {
                if body.recipients.isEmpty, LineShape.wordCount(q.scalars) <= 25, OrganWords.startsOrgan(q, at: 0) {
                    body.recipientParagraphs.insert(n)
                    for u in matcher.mentions(q, 0..<q.count) { body.recipients.append((n, u)) }
                    n += 1
                }
                break
            }
            body.recipientParagraphs.insert(n)
            for u in matcher.mentions(q, m.length..<q.count) { body.recipients.append((n, u)) }
            n += 1
        }
    }
}
