import NhacHanCore

/// Counts of days from an event: "trong thời hạn 05 ngày làm việc kể từ ngày nhận …",
/// "Thời hạn giải quyết: 15 ngày", "tối đa không quá 25 ngày", "trong thời hạn ba ngày".
extension DeadlineScanner {
    /// `trong (thời hạn|vòng) N (chữ) ngày (làm việc) (, kể từ ngày nhận|ký|ban hành|D)`.
    /// Also `chậm nhất (là) (sau) N ngày … kể từ …`.
    static func within(_ t: [Token], at i: Int, p: Paragraph) -> DeadlineHit? {
        var j = i + 1
        if t[i].is("trong") {
            if t.matches("thoi han", at: j) || t.matches("thoi gian", at: j) { j += 2 } else if t.matches("vong", at: j) { j += 1 }
            if t.matches("khong qua", at: j) || t.matches("toi da", at: j) { j += 2 }  // "trong thời hạn không quá 07 ngày"
        } else if t.matches("cham nhat", at: i) {
            j = i + 2
            if j < t.count, t[j].is("la") { j += 1 }
            if j < t.count, t[j].is("sau") { j += 1 }
            // Only a count from an event: "chậm nhất 05 ngày kể từ …", not "chậm nhất ngày 05".
            guard j + 1 < t.count, t[j].kind == .number, countsFromEvent(t, j) || sharesEvent(t, i, j)
            else { return nil }
        } else if t.matches("thoi han", at: i) {
            // "Thời hạn giải quyết: 05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ".
            j = i + 2
            while j < t.count, j < i + 7, t[j].kind != .number, t[j].text != "." { j += 1 }
            if j < t.count, t[j].kind == .number, j + 1 < t.count, t[j + 1].text == "/" { return nil }
        } else if t[i].is("sau") {
            // Not an effective date: "có hiệu lực (thi hành) sau 10 ngày kể từ ngày ký".
            guard j + 1 < t.count, t[j].kind == .number, countsFromEvent(t, j),
                  !t[max(0, i - 4)..<i].contains(where: { $0.is("luc") }) else { return nil }
        } else if t.matches("khong qua", at: i) || t.matches("toi da", at: i) {
            // "(… thì tối đa không quá 25 ngày làm việc) kể từ ngày nhận đủ hồ sơ".
            j = i + 2
            if t.matches("khong qua", at: j) { j += 2 }
            if j < t.count, t[j].is("la") { j += 1 }  // "tối đa là 04 ngày"
            guard j + 1 < t.count, t[j].kind == .number, t[j + 1].is("ngay"), i == 0 || !t[i - 1].is("trong") && !t[i - 1].is("vong") && !t[i - 1].is("han")
            else { return nil }
        } else if t[i].kind == .number, i + 1 < t.count, countsFromEvent(t, i) {
            // "Đối với tuyến xã: 05 ngày làm việc kể từ thời điểm kết thúc kỳ thống kê", not an
            // effective date ("có hiệu lực sau 45 ngày kể từ …") nor a limit before an event.
            let before = t[max(0, i - 8)..<i]
            guard !before.contains(where: { $0.is("luc") || $0.is("truoc") }), i == 0 || !["trong", "sau", "nhat", "qua", "da", "vong", "han", "gian", "la"].contains(t[i - 1].text)
            else { return nil }
            j = i
        } else {
            return nil
        }
        // "trong thời hạn mười lăm (15) ngày": the count spelled out, then in figures.
        if j < t.count, t[j].kind == .word, !t[j].is("ngay") {
            var k = j
            while k < t.count, k < j + 4, t[k].kind == .word { k += 1 }
            if k + 2 < t.count, t[k].text == "(", t[k + 1].kind == .number, t[k + 2].text == ")", k + 3 < t.count, t[k + 3].is("ngay") {
                j = k + 1
                guard let n = Int(t[j].text.prefix(4)), n > 0 else { return nil }
                return withinCount(t, at: i, n: n, after: k + 3, p: p)
            }
        }
        if j < t.count, t[j].kind == .word, let (n, next) = spelledCount(t, at: j), next < t.count, t[next].is("ngay") {
            return withinCount(t, at: i, n: n, after: next, p: p)  // "trong thời hạn ba ngày"
        }
        guard j < t.count, t[j].kind == .number, let n = Int(t[j].text.prefix(4)), n > 0 else { return nil }
        j += 1
        if j < t.count, t[j].text == "(" {  // "05 (năm) ngày"
            var k = j + 1
            while k < t.count, k < j + 5, t[k].text != ")" { k += 1 }
            if k < t.count, t[k].text == ")" { j = k + 1 }
        }
        guard j < t.count, t[j].is("ngay") else { return nil }
        return withinCount(t, at: i, n: n, after: j, p: p)
    }

    /// The rest of a `within` after its count: "ngày (làm việc)(, kể từ ngày nhận|ký|D)".
    static func withinCount(_ t: [Token], at i: Int, n: Int, after ngay: Int, p: Paragraph) -> DeadlineHit? {
        var j = ngay + 1
        var unit = "d"
        if t.matches("lam viec", at: j) { unit = "wd"; j += 2 }
        var from: String?
        var end = j
        let aside = skipAside(t, j)
        var k = aside
        while k < t.count, k < aside + 3, t[k].text == "," || t[k].text == "(" || t[k].text == ")" { k += 1 }
        if t.matches("ke tu", at: k) || t.matches("tinh tu", at: k) {
            k += 2
            if let d = DateScanner.date(t, at: k), let y = d.year, let c = CivilDate(year: y, month: d.month, day: d.day) {
                from = c.description; end = d.tokenEnd
            } else {
                if k < t.count, t[k].is("ngay") { k += 1 }
                var m = k
                while m < t.count, m < k + 6 {
                    if t[m].is("nhan") || t[m].is("tiep") { from = "received"; end = m + 1; break }
                    if t[m].is("ky") || t.matches("ban hanh", at: m) {
                        from = "issued"; end = t[m].is("ky") ? m + 1 : m + 2; break
                    }
                    m += 1
                }
                // "kể từ ngày thụ lý": an event of the procedure's own, kept in the phrase.
                if from == nil {
                    end = k
                    while end < t.count, end < k + 5, t[end].kind != .punct { end += 1 }
                }
            }
        }
        let dl = DraftDeadline(kind: .within, n: n, unit: unit, from: from, phrase: phrase(t, i, max(end, j), p))
        // An aside may hold a limit of its own ("(… thì tối đa không quá 25 ngày làm việc)"): read on inside it.
        return DeadlineHit(deadline: dl, tokenStart: i, tokenEnd: aside > j ? j : max(end, j))
    }

    /// A count written in words: "ba", "mười lăm", "ba mươi" (folded: "ba", "muoi lam", "ba muoi").
    static func spelledCount(_ t: [Token], at j: Int) -> (Int, Int)? {
        let digits = ["mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "lam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9]
        var k = j
        var value = 0
        if k < t.count, let d = digits[t[k].text], !t[k].is("lam"), !t[k].is("tu") { value = d; k += 1 }
        if k < t.count, t[k].is("muoi") {
            value = (value == 0 ? 1 : value) * 10
            k += 1
            if k < t.count, let d = digits[t[k].text], !t[k].is("tu") { value += d; k += 1 }
        }
        return value > 0 && k > j ? (value, k) : nil
    }

    /// A count of days at `j` said from an event: "05 ngày (làm việc)(,) kể từ …", "… sau khi …".
    static func countsFromEvent(_ t: [Token], _ j: Int) -> Bool {
        guard t[j].kind == .number else { return false }
        var k = DateScanner.skipSpelled(t, j + 1)
        guard k < t.count, t[k].is("ngay") else { return false }
        k = skipAside(t, k + 1)
        // "04 ngày đối với các dự thảo bình thường và 05 ngày đối với các dự thảo phức tạp, kể từ …".
        if t.matches("doi voi", at: k), let comma = (k..<min(t.count, k + 16)).first(where: { t[$0].kind == .punct && t[$0].text != "-" }),
           t[comma].text == "," {
            k = comma + 1
        }
        return (k..<min(t.count, k + 5)).contains { t.matches("ke tu", at: $0) || t.matches("tinh tu", at: $0) || t.matches("sau khi", at: $0) }
            || k < t.count && t.matches("khi ket thuc", at: k)  // "Sau 15 ngày khi kết thúc Hội nghị"
    }

    /// "chậm nhất là 20 ngày, kể từ ngày kết thúc quý; đối với Tổng công ty nhà nước chậm nhất là
    /// 45 ngày": a clause for other units that leaves out the event the clause before named.
    static func sharesEvent(_ t: [Token], _ i: Int, _ j: Int) -> Bool {
        guard j + 1 < t.count, t[j + 1].is("ngay"),
              let semicolon = (max(0, i - 12)..<i).last(where: { t[$0].text == ";" }), t.matches("doi voi", at: semicolon + 1)
        else { return false }
        return (max(0, semicolon - 30)..<semicolon).contains { countsFromEvent(t, $0) }
    }

    /// Past "(làm việc)" and a bracketed aside: "15 ngày làm việc (trường hợp … 25 ngày làm việc) kể từ".
    static func skipAside(_ t: [Token], _ start: Int) -> Int {
        var k = start
        if t.matches("lam viec", at: k) { k += 2 }
        guard k < t.count, t[k].text == "(" else { return k }
        var m = k + 1
        while m < t.count, m < k + 30, t[m].text != ")" { m += 1 }
        return m < t.count && t[m].text == ")" ? m + 1 : k
    }
}
