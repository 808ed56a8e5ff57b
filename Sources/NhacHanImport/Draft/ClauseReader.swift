/// Reads the parts of a reporting sentence around its deadline: the verb, the action,
/// whom the report goes to and through whom.
enum ClauseReader {
    /// Verbs that deliver or complete something (a deadline needs one of them).
    static let verbs: [String] = [
        "bao cao", "gui", "nop", "trinh", "tong hop", "cung cap", "phan hoi", "gop y", "cap nhat",
        "dang ky", "hoan thanh", "hoan tat", "hoan thien", "xong", "ket thuc", "dong tien", "dong hoc phi", "dong le phi", "dong phi",
    ]
    private static let intros: Set<String> = ["ve", "gui", "len", "cho", "toi", "den"]
    private static let stops: [String] = [
        "(", ")", "qua", "truoc", "cham nhat", "theo", "de", "trong", "dinh ky", "hang", ";", ".", "dong thoi",
        "ke tu", "tai", "bang", "ngay", "den het", "tu nay", "thong qua", "kem theo", "va gui", "nham",
    ]

    /// The verb at token `i` (its length in tokens), if any.
    private static let verbWords: [[String]] = verbs.map { $0.split(separator: " ").map(String.init) }

    /// Verbs that open a piece of work ("chủ trì, phối hợp …") besides the reporting verbs.
    private static let workVerbs: [[String]] = ["chu tri", "phoi hop", "thuc hien", "tham muu", "nghien cuu", "to chuc",
                                                "khan truong", "ra soat", "chi dao", "xay dung", "trien khai", "tiep tuc", "tien hanh"].map { $0.split(separator: " ").map(String.init) }

    static func startsWork(_ t: [Token], at i: Int) -> Bool {
        verb(t, at: i) != nil || workVerbs.contains { t[i].text == $0[0] && t.matches($0, at: i) }
    }

    static func verb(_ t: [Token], at i: Int) -> Int? {
        guard i >= 0, i < t.count else { return nil }
        for w in verbWords where t[i].text == w[0] && t.matches(w, at: i) {
            if w == ["gui"], i + 1 < t.count, t[i + 1].is("kem") { return nil }
            return w.count
        }
        return nil
    }

    /// The governing verb of a deadline at `hit`: the nearest verb before it (skipping one inside
    /// a purpose clause "để ..."), else the first after it before any "để".
    static func governingVerb(_ t: [Token], before hit: Int, after end: Int, p: Paragraph) -> Int? {
        func purpose(_ i: Int) -> Bool { t[i].is("de") && p.exact(t[i], "để") }
        // "ghi rõ “Thư gửi Đại hội Đoàn” hoặc qua email … đến ngày D": a verb inside a quoted
        // title is part of a name; a quote mark closed between it and the date says so.
        var quotes = 0
        // Looked for only when a quote lies between a verb and the date: a sentence of a
        // megabyte without quotes is not scanned once per date.
        var firstQuote: Int?
        func firstQuoteIndex() -> Int {
            if let firstQuote { return firstQuote }
            let index = t.firstIndex { $0.text == "\"" } ?? t.count
            firstQuote = index
            return index
        }
        var found: [Int] = []
        var k = hit - 1
        while k >= 0, hit - k <= 80 {
            if t[k].text == "\"" { quotes += 1 }
            if verb(t, at: k) != nil, !(k > 0 && verb(t, at: k - 1) != nil), quotes % 2 == 0 || firstQuoteIndex() >= k {
                found.append(k)
            }
            if found.count == 2 { break }
            k -= 1
        }
        if let v = found.first {
            if found.count == 2, v > 0, purpose(v - 1) { return found[1] }
            // "tổng hợp báo cáo ... gửi UBND tỉnh": "gửi" only names the recipient.
            if found.count == 2, let len = verb(t, at: v), v + len < t.count,
               OrganWords.startsOrgan(p, at: t[v + len].start, requireCapital: true),
               !(found[1]..<v).contains(where: { t[$0].text == ";" }) { return found[1] }
            return v
        }
        var j = end
        while j < t.count, j - end <= 40 {
            if purpose(j) || t[j].text == ";" { return nil }
            if verb(t, at: j) != nil { return j }
            j += 1
        }
        return nil
    }

    /// Walks back over a chain of verbs ("tổng hợp, báo cáo", "tổng hợp báo cáo").
    static func chainStart(_ t: [Token], _ v: Int) -> Int {
        var s = deliveredForm(t, v) ?? v
        while s > 0 {
            var p = s - 1
            if t[p].text == "," || t[p].is("va") { p -= 1 }
            guard p >= 0 else { break }
            var found: Int?
            for len in 1...2 where p - len + 1 >= 0 {
                if let l = verb(t, at: p - len + 1), l == len { found = p - len + 1 }
            }
            guard let f = found else { break }
            s = f
        }
        return s
    }

    /// "nộp đơn đăng ký dự thi", "nộp hồ sơ đăng ký thi đua": a registration named by the
    /// form it is made on is delivered with that form; the work starts at the delivery.
    private static func deliveredForm(_ t: [Token], _ v: Int) -> Int? {
        guard t[v].is("dang"), v >= 2 else { return nil }
        for form in [["don"], ["ho", "so"], ["phieu"], ["giay"], ["to", "khai"], ["ban"]] {
            let f = v - form.count
            guard f >= 1, t.matches(form, at: f) else { continue }
            if t[f - 1].is("nop") || t[f - 1].is("gui") { return f - 1 }
        }
        return nil
    }

    /// Stop words whose folded form is ambiguous are compared with their diacritics
    /// ("tại", not "Tài chính"; "để", not "đề nghị").
    private static let exactStops: [String: [String]] = [
        "tai": ["tại"], "de": ["để"], "qua": ["qua"], "bang": ["bằng"], "hang": ["hằng", "hàng"], "ngay": ["ngày"],
    ]

    private static let stopWords: [[String]] = stops.map { $0.split(separator: " ").map(String.init) }

    static func isStop(_ t: [Token], at i: Int, p: Paragraph) -> Bool {
        if let forms = exactStops[t[i].text] { return forms.contains { p.exact(t[i], $0) } }
        return stopWords.contains { t[i].text == $0[0] && t.matches($0, at: i) }
    }

    /// Index of an organ name that a report goes to: after "về", "gửi", "lên" or right after the verb.
    static func reportTarget(_ t: [Token], from: Int, to: Int, p: Paragraph) -> Int? {
        var k = from
        while k < min(to, from + 80) {
            if t[k].is("qua"), p.exact(t[k], "qua") { k += 1; continue }
            let introduces = intros.contains(t[k].text) || verb(t, at: k) != nil
            if introduces {
                let n = k + (verb(t, at: k) ?? 1)
                if n < to, OrganWords.startsOrgan(p, at: t[n].start, requireCapital: true) { return n }
            }
            k += 1
        }
        return nil
    }

    /// The end (token index) of an organ phrase starting at `i`.
    static func organEnd(_ t: [Token], from i: Int, to: Int, p: Paragraph, closing: String? = nil) -> Int {
        var k = i + 1
        if let closing {
            while k < to, k < i + 30, t[k].text != closing { k += 1 }
            return k
        }
        while k < to, k - i < 40 {
            if isStop(t, at: k, p: p) { break }
            if t[k].text == "," || t[k].is("va"), k + 1 < to {
                let next = t[k + 1]
                let cap = p.scalars[next.start].properties.isUppercase
                if !cap && !OrganWords.startsOrgan(p, at: next.start) && !t[k].is("va") { break }
                if t[k].is("va"), !cap, !OrganWords.startsOrgan(p, at: next.start) { break }
            }
            if t[k].text == "," && k + 1 >= to { break }
            k += 1
        }
        return k
    }

    /// "(qua Phòng X)" or "qua Phòng X" between `from` and `to`: the token range of X.
    static func via(_ t: [Token], from: Int, to: Int, p: Paragraph) -> Range<Int>? {
        var k = from
        while k < min(to, from + 80) {
            if t[k].is("qua"), p.exact(t[k], "qua"), k + 1 < to, !(k > 0 && t[k - 1].is("thong")),
               OrganWords.startsOrgan(p, at: t[k + 1].start) {
                let paren = k > 0 && t[k - 1].text == "("
                let end = organEnd(t, from: k + 1, to: to, p: p, closing: paren ? ")" : nil)
                return (k + 1)..<end
            }
            k += 1
        }
        return nil
    }

    /// The words of the clause before a bare verb at `v` (back to a comma, colon, bracket or the
    /// sentence's start), when they are its object rather than who does it ("UBND các xã gửi …").
    static func objectBefore(_ t: [Token], verb v: Int, p: Paragraph) -> String? {
        var b = v
        while b > 0, v - b < 20, ![",", ";", ":", ".", "(", ")"].contains(t[b - 1].text) { b -= 1 }
        guard v - b < 20 else { return nil }
        while b < v, t[b].text == "-" || t[b].text == "+" || t[b].kind == .number && b + 1 < v && [".", ")"].contains(t[b + 1].text) {
            b += t[b].kind == .number ? 2 : 1
        }
        if t.matches("dong thoi", at: b) { b += 2 }
        guard b < v, t[b].kind == .word, !OrganWords.startsOrgan(p, at: t[b].start),
              OrganWords.startsPersonTitle(p, at: t[b].start) == nil,
              !(b..<v).contains(where: { DateScanner.date(t, at: $0) != nil || t[$0].is("da") })
        else { return nil }
        return p.text(t[b].start..<t[v - 1].end)
    }

    /// The work of the clause ending at `comma`: from its first work verb (after who does it),
    /// without a bracket at its end; nil when the clause opens with no work verb.
    static func workBefore(_ t: [Token], comma: Int, p: Paragraph) -> String? {
        var b = comma
        var depth = 0
        while b > 0, comma - b < 40 {
            let x = t[b - 1].text
            if x == ")" { depth += 1 } else if x == "(" { depth -= 1 }
            if depth == 0, [";", ":", "."].contains(x) { break }
            b -= 1
        }
        guard comma - b < 40, let w = (b..<comma).first(where: { startsWork(t, at: $0) }), w < comma - 1 else { return nil }
        var e = comma
        if t[e - 1].text == ")", let open = (w..<e).last(where: { t[$0].text == "(" }) { e = open }
        guard e - w >= 2, !(w..<e).contains(where: { DateScanner.date(t, at: $0) != nil }) else { return nil }
        return p.text(t[w].start..<t[e - 1].end)
    }

    /// The item before a colon ("1. Thăm, tặng quà …:"), from its line's start past its marker;
    /// nil for a label of time ("Thời gian:", "Thời hạn:", "Tiến độ:").
    static func labelBefore(_ t: [Token], colon: Int, p: Paragraph) -> String? {
        var b = colon
        while b > 0, colon - b < 30, ![";", ".", ":"].contains(t[b - 1].text) || b >= 2 && t[b - 2].kind == .number && b - 2 == 0 { b -= 1 }
        while b < colon, t[b].text == "-" || t[b].text == "+" || t[b].kind == .number && b + 1 < colon && [".", ")"].contains(t[b + 1].text) {
            b += t[b].kind == .number ? 2 : 1
        }
        guard colon - b >= 2, colon - b < 30, !["thoi gian", "thoi han", "han", "tien do", "ket qua"].contains(where: { t.matches($0, at: b) }),
              !(b..<colon).contains(where: { DateScanner.date(t, at: $0) != nil }) else { return nil }
        return p.text(t[b].start..<t[colon - 1].end)
    }

    private static func lowercasedFirst(_ s: String) -> String {
        // "Bản đăng ký" -> "bản đăng ký"; a name in capitals ("ĐH", "UBND") stays.
        guard let first = s.first, first.isUppercase, !(s.dropFirst().first?.isUppercase ?? false) else { return s }
        return first.lowercased() + s.dropFirst()
    }

    /// "tổng hợp kết quả, báo cáo UBND huyện": a verb of its own after a comma takes the organ as
    /// its object, which stays in the work; in "tổng hợp báo cáo UBND tỉnh" the report is a noun.
    private static func afterComma(_ t: [Token], verbBefore k: Int) -> Bool {
        let v = verb(t, at: k - 1) != nil ? k - 1 : k - 2
        return v >= 1 && t[v - 1].text == ","
    }

    /// "từ ngày 1 đến 5.7": a window's start that borrows its month from its end.
    private static func bareDayStart(_ t: [Token], at i: Int) -> Bool {
        guard i + 2 < t.count, t[i].is("ngay"), t[i + 1].kind == .number, let d = Int(t[i + 1].text),
              (1...31).contains(d) else { return false }
        return t[i + 2].is("den")
    }

    /// The action: from the verb chain to the first of report target, "(qua", the deadline, ";", "để".
    static func action(_ t: [Token], from s: Int, limit: Int, p: Paragraph) -> String {
        var k = s + 1
        while k < limit, k - s < 40 {
            let tok = t[k]
            // "06 (sáu) tháng": a number spelled out again is part of the phrase.
            // "Gửi hồ sơ (công văn và danh mục) đề xuất …": a short aside is part of the phrase; an
            // intermediary in brackets ("(qua Phòng Nội vụ)") is not.
            if tok.text == "(", !(k + 1 < t.count && (t[k + 1].is("qua") || t[k + 1].is("thong"))),
               DateScanner.skipSpelled(t, k) > k { k = DateScanner.skipSpelled(t, k); continue }
            // "…, báo cáo UBND huyện qua Phòng Nội vụ", "… thông qua Văn phòng": the intermediary
            // is not the work.
            if tok.is("qua") || t.matches("thong qua", at: k), p.exact(tok, tok.is("qua") ? "qua" : "thông"),
               case let n = k + (tok.is("qua") ? 1 : 2), n < limit, OrganWords.startsOrgan(p, at: t[n].start, requireCapital: true) { break }
            if tok.text == "(" || tok.text == ";" || (tok.is("de") && p.exact(tok, "để")) || t.matches("dong thoi", at: k) { break }
            // "Hạn chót gửi tóm tắt là 15/8/2021": the day is the deadline's, not the work's.
            if tok.is("la"), k + 1 < t.count, DateScanner.date(t, at: k + 1) != nil { break }
            // "Nộp đơn: từ ngày 13/05/2023 đến ngày 27/05/2023", "… bắt đầu từ ngày 17/4": a window's
            // start, not the work.
            if tok.is("tu"), k + 1 < t.count, DateScanner.date(t, at: k + 1) != nil || bareDayStart(t, at: k + 1) {
                if k - 2 > s, t.matches("bat dau", at: k - 2) || t.matches("thoi gian", at: k - 2) { k -= 2 }
                break
            }
            if intros.contains(tok.text), k + 1 < limit, OrganWords.startsOrgan(p, at: t[k + 1].start, requireCapital: true) { break }
            if verb(t, at: k - 1) != nil || (k >= 2 && verb(t, at: k - 2) == 2),
               OrganWords.startsOrgan(p, at: tok.start, requireCapital: true), k - s > 1 || verb(t, at: s) != nil,
               !afterComma(t, verbBefore: k) { break }
            k += 1
        }
        // A bare verb ("Trình", "Gửi") says nothing: keep its object up to the deadline
        // ("Trình UBND tỉnh", "Tổng hợp báo cáo gửi về UBND tỉnh").
        if k - s <= 2, limit > k {
            var e = k
            while e < limit, e - s < 40, t[e].text != "(", t[e].text != ";" { e += 1 }
            k = e
        }
        var text = p.text(t[s].start..<t[max(s, k - 1)].end)
        // "…, đề xuất UBND tỉnh xem xét; hoàn thành trước ngày …": a bare completion verb
        // completes the clause before it.
        if k - s <= 2, s >= 2, t[s - 1].text == ";" {
            var b = s - 1
            while b > 0, t[b - 1].text != ";", t[b - 1].text != ".", s - b < 60 { b -= 1 }
            // "Giao Sở … chủ trì, …": the work starts at its first verb, after whom it is given to.
            if t[b].is("giao"), let w = (b + 1..<(s - 1)).first(where: { Self.startsWork(t, at: $0) }) { b = w }
            let clause = p.text(t[b].start..<t[s - 2].end)
            if !clause.isEmpty, s - b < 60 { text = clause + "; " + Self.lowercasedFirst(text) }
        } else if t[s].is("gui") || t[s].is("nop") || t[s].is("trinh") || t.matches("bao cao", at: s), s >= 2, t[s - 1].text == ",",
                  case let n = s + (verb(t, at: s) ?? 1), n >= limit || ["ve", "len", "den", "toi"].contains(t[n].text)
                    || OrganWords.startsOrgan(p, at: t[n].start, requireCapital: true) || OrganWords.startsPersonTitle(p, at: t[n].start) != nil,
                  let work = workBefore(t, comma: s - 1, p: p) {
            // "xây dựng báo cáo kết quả … năm 2024 (theo đề cương), gửi về UBND huyện", "lập danh
            // sách …, trình Chủ tịch UBND xã phê duyệt": a delivery with no object of its own
            // sends the work of the clause before its comma.
            text = work + ", " + Self.lowercasedFirst(text)
        } else if k - s <= 2, s >= 2, t[s - 1].text == ":", t[s].is("xong") || t.matches("hoan thanh", at: s) || t.matches("hoan tat", at: s),
                  let work = labelBefore(t, colon: s - 1, p: p) {
            // "1. Thăm, tặng quà các gia đình chính sách: hoàn thành trước ngày D": the item
            // before the colon is the work.
            text = work
        } else if k - s <= 1, let object = objectBefore(t, verb: s, p: p) {
            // "Bản đăng ký thi đua … gửi trước ngày D", "… tổ chức đại hội cấp cơ sở xong trước
            // ngày D": a bare verb after its object; the object is the work.
            let completes = t[s].is("xong") || t.matches("hoan thanh", at: s) || t.matches("hoan tat", at: s)
            text = completes ? object + " " + Self.lowercasedFirst(text) : text + " " + Self.lowercasedFirst(object)
        }
        while let l = text.last, ",:-.".contains(l) { text.removeLast() }
        // "Báo cáo đối với báo cáo định kỳ hằng tháng" -> "Báo cáo định kỳ hằng tháng".
        if Fold.key(text).hasPrefix("bao cao doi voi bao cao "), let r = text.range(of: " báo cáo ") {
            text = "Báo cáo " + text[r.upperBound...]
        }
        text = text.trimmingSpaces
        if k - s >= 40 { text += "…" }
        return OrganName.capitalized(text)
    }
}
