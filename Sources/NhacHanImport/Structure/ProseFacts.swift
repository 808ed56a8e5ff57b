import NhacHanCore

/// The number and issue date of a directive told in prose, for texts with no header.
///
/// Portal pages report a directive in a sentence: "Ngày 01/3/2021, UBND tỉnh ban hành Công
/// văn số 1066/UBND-VXNV chỉ đạo …". Only the form "ban hành <loại văn bản> (số) N/KÝ-HIỆU"
/// counts: a directive merely cited ("Thực hiện Công văn số …") is another document.
enum ProseFacts {
    struct Found { var number: String; var issued: CivilDate?; var line: Int }

    private static let typeWords: Set<String> = ["cong", "van", "ke", "hoach", "quyet", "dinh", "thong", "bao",
                                                 "chi", "thi", "ban", "huong", "dan", "dien", "tu", "nghi"]

    /// A page's title line before the text: "Thông báo Khẩn ngày 18/10/2020", "Công văn
    /// 2928/SGDĐT-KHTC ngày 21/09/2022 Hướng dẫn …": a document type first, then its date.
    static func titleDate(_ lines: [CleanLine]) -> (CivilDate, Int)? {
        let types = ["thong bao", "cong van", "ke hoach", "quyet dinh", "van ban", "chi thi", "cong dien", "huong dan"]
        for line in lines.prefix(3) {
            let f = Fold.key(line.text)
            guard types.contains(where: { f.hasPrefix($0 + " ") }) else { continue }
            var p = Paragraph()
            p.append(line, separator: nil)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            if let date = t.indices.prefix(12).lazy.compactMap({ wholeDate(t, at: $0) }).first { return (date, line.sourceLine) }
        }
        return nil
    }

    static func find(_ lines: [CleanLine]) -> Found? {
        // A page's metadata block ("Số hiệu: 1531/TB-BNV   Loại văn bản: Thông báo").
        for line in lines.prefix(40) {
            let f = Fold.key(line.text)
            guard f.hasPrefix("so hieu"), let colon = line.text.firstIndex(of: ":") else { continue }
            let number = line.text[line.text.index(after: colon)...].split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
            if let number, number.contains("/"), number.first?.isNumber == true {
                return Found(number: number, issued: nil, line: line.sourceLine)
            }
        }
        let pageTop = lines.prefix(3).last?.sourceLine ?? 0
        for p in ParagraphJoiner.join(Array(lines.prefix(40))).prefix(20) {
            for range in TaskExtractor.sentences(p, from: 0) {
                let t = Tokenizer.tokens(p.folded, in: range)
                // A page's title line "Công văn số 381/SGDĐT-VP ngày 28/02/2020 của Sở …".
                // "Điều 11 Thông tư 01/2020/TT-VPCP quy định …": an article's page names its text.
                let article = t.count > 2 && t[0].is("dieu") && t[1].kind == .number ? (t[2].text == "," ? 3 : 2) : 0
                let title = range.lowerBound == 0 && p.count > 0 && p.lineOf[0] <= pageTop && t.count > article + 3
                    && typeWords.contains(t[article].text) && typeWords.contains(t[article + 1].text)
                for (k, verbLength) in (title ? [(article, 0)] : []) + verbs(t) {
                    if let found = number(after: k, verbLength: verbLength, t, p, lines) { return found }
                }
            }
        }
        // A form far down a page of forms: "Ban hành theo Thông tư số 08/2012/TT-BKHĐT …" opening its line.
        for line in lines.dropFirst(40) {
            let f = Fold.key(line.text)
            guard ["ban hanh kem theo ", "(ban hanh kem theo ", "ban hanh theo ", "(kem theo ", "kem theo "].contains(where: { f.hasPrefix($0) }) else { continue }
            let p = Paragraph(line)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            for (k, verbLength) in verbs(t) {
                if let found = number(after: k, verbLength: verbLength, t, p, lines) { return found }
            }
        }
        return nil
    }

    /// Where a sentence says a directive was issued: "ban hành" (every one: a title's "ban hành
    /// Khung kế hoạch" may come first), "vừa có/ra", "(Theo …", "Nguồn:", or "có/ra" after a
    /// dated opening; each with the length of its verb.
    private static func verbs(_ t: [Token]) -> [(Int, Int)] {
        var found: [(Int, Int)] = []
        for k in t.indices {
            if t.matches("ban hanh", at: k) {
                found.append((k, 2))
            } else if t[k].is("banh") {
                found.append((k, 1))  // "UBND tỉnh banh Công văn số …": a typo seen on portals
            } else if k == 0, t.count > 2, t[0].is("theo") || t[0].is("nguon") || t[0].text == "(" && t[1].is("theo") {
                // "(Theo Công văn số 6202/UBND-KT, ngày 23/11/2023)", "Theo văn bản 2642/UBND-KT ngày
                // 19/11/2010, …", "Nguồn: Công văn 2831/BXD-KHTC", "Nguồn CV 2642/UBND-KT".
                found.append((0, t[0].text == "(" || t[1].text == ":" ? 2 : 1))
            } else if t.matches("kem theo", at: k) || t[k].is("kem") && k + 1 < t.count && typeWords.contains(t[k + 1].text),
                      k == 0 || k == 1 && t[0].text == "(" {
                // "(Kèm theo Kế hoạch số 08/KH-TrMN ngày …)", "Kèm theo quyết định số 22/2001/QĐ-BNN-KH",
                // "(Kèm Thông báo số 128/TB-HĐBT …)" opening a form or an annex: its directive.
                found.append((k, t[k + 1].is("theo") ? 2 : 1))
            } else if (t[k].is("ky") || t[k].is("gui")), k > 0, t[k - 1].is("da") || t[k - 1].is("vua"), k + 1 < t.count,
                      typeWords.contains(t[k + 1].text) || t.matches("van ban", at: k + 1) {
                // "… đã ký thông báo số 08/TB-LĐLĐ", "vừa gửi công văn số 51/SVHTT-NVVH ngày …".
                found.append((k, 1))
            } else if t[k].is("trich"), k > 0, t[k - 1].text == "(" {
                found.append((k, 1))  // "Điều 11. Thời gian lấy ý kiến (trích Nghị định 54/2018/NĐ-CP)"
            } else if t.matches("duoc", at: k), (k + 1..<min(t.count, k + 8)).contains(where: { t.matches("ban hanh", at: $0) }),
                      let m = (max(0, k - 14)..<k).first(where: { typeWords.contains(t[$0].text) && $0 + 1 < k && typeWords.contains(t[$0 + 1].text) }) {
                // "Mới đây, Thông tư 01/2019/TT-BQP vừa được Bộ Quốc phòng ban hành …".
                found.append((m, 0))
            } else if (t[k].is("co") || t[k].is("ra")), k + 1 < t.count, typeWords.contains(t[k + 1].text),
                      k > 0 && t[k - 1].is("vua")
                        || (max(0, k - 14)..<k).contains(where: { t[$0].is("ngay") && DateScanner.date(t, at: $0)?.year != nil }) {
                // "Ngày 11/01/2023, UBND tỉnh (đã) có Công văn số 79/UBND-KTTH …", "… vừa có Văn bản số …".
                found.append((k, 1))
            } else if t[k].is("co"), k > 0, !t[k - 1].is("da"), k + 2 < t.count, typeWords.contains(t[k + 1].text) || t.matches("van ban", at: k + 1),
                      !(t.matches("thuc hien", at: 0) || t.matches("can cu", at: 0) || t[0].is("theo")),
                      (k + 3..<min(t.count, k + 22)).contains(where: { k2 in ["huong dan", "chi dao", "yeu cau", "de nghi"].contains { t.matches($0, at: k2) } }) {
                // "…, Ban Quản lý … có văn bản số 1493/BQL-LĐ ngày 03 tháng 6 năm 2021 hướng dẫn báo
                // cáo …": the letter a page recounts, telling what it asks (not one cited by
                // "Thực hiện", "Căn cứ", "Theo", nor an earlier one a reminder recalls: "đã có").
                found.append((k, 1))
            }
        }
        return found
    }

    /// The number of the directive issued at `k`: "<loại văn bản> (số) N/KÝ-HIỆU", "Quyết định
    /// số 1513 về …", or "ban hành Kế hoạch … (Kế hoạch số 111/KH-UBND, ngày 14/6/2019)".
    private static func number(after k: Int, verbLength: Int, _ t: [Token], _ p: Paragraph, _ lines: [CleanLine]) -> Found? {
        var j = k + verbLength
        // "(Ban hành kèm theo Quyết định số 3240/QĐ-UBND …)", "Ban hành theo Thông tư số
        // 08/2011/TT-BTP" opening a line: the annex or form of that directive. Inside a
        // sentence ("biểu mẫu ban hành kèm theo Thông tư …") it is one cited.
        let opening = k > 0 && t[k - 1].text == "(" ? k - 1 : k
        if t.matches("ban hanh", at: k), t[opening].start < 2 || p.lineOf[t[opening].start] != p.lineOf[t[opening].start - 2] {
            if t.matches("kem theo", at: j) { j += 2 } else if t.matches("theo", at: j) { j += 1 }
        }
        var typeCount = 0
        if j < t.count, t[j].is("cv") { j += 1; typeCount = 2 }  // "CV 2642/UBND-KT"
        while j < t.count, typeCount < 3, typeWords.contains(t[j].text) { j += 1; typeCount += 1 }
        guard typeCount >= 2 else { return nil }
        if j < t.count, t[j].is("so") { j += 1 }
        if j < t.count, t[j].kind != .number, let paren = (j..<min(t.count, j + 40)).first(where: {
            t[$0].text == "(" && $0 + 3 < t.count && typeWords.contains(t[$0 + 1].text) && typeWords.contains(t[$0 + 2].text)
        }) {
            // The title first, then "(Kế hoạch số 111/KH-UBND, ngày 14/6/2019)".
            j = paren + 3
            if j < t.count, t[j].is("so") { j += 1 }
        }
        guard j + 1 < t.count, t[j].kind == .number else { return nil }
        // "1079-CV/ĐU", "21- KH/ĐUK": a Party body's number joins its symbol with a dash.
        if t[j + 1].text == "-", j + 4 < t.count, t[j + 2].kind == .word, t[j + 3].text == "/", t[j + 3].start == t[j + 2].end {
            let end = numberEnd(p, from: t[j + 3].end)
            return Found(number: trimmed(p.text(t[j].start..<end)), issued: issuedBefore(k, t, p) ?? dateAfter(t, from: j + 4), line: p.lines(t[j].start..<end).from)
        }
        guard t[j + 1].text == "/" else {
            // "ban hành Quyết định số 1513 về khung kế hoạch …": a number without its symbol.
            guard t[j + 1].is("ve") else { return nil }
            return Found(number: t[j].text, issued: issuedBefore(k, t, p) ?? dateAfter(t, from: j + 1), line: p.lines(t[j].start..<t[j].end).from)
        }
        guard j + 2 < t.count else { return nil }
        let end = numberEnd(p, from: t[j + 1].end)
        // "846 /UBND-TH": the space before the slash is not part of the number.
        var number = t[j].text + p.text(t[j + 1].start..<end)
        // "51/ SVHTT - NVVH": a symbol written with spaces.
        if number.hasSuffix("/") {
            var k = j + 2
            while k < t.count, k < j + 8, t[k].text == "-" || t[k].kind == .word && p.text(t[k].start..<t[k].end).allSatisfy({ $0.isUppercase || $0.isNumber }) {
                number += p.text(t[k].start..<t[k].end)
                k += 1
            }
            guard !number.hasSuffix("/"), !number.hasSuffix("-") else { return nil }
        }
        number = trimmed(number)
        // "… Công văn số 12/UBND ngày 05/3/2020": the date after the number, in this sentence
        // or where the page names the number again.
        let issued = issuedBefore(k, t, p) ?? dateAfter(t, from: j + 1) ?? dated(number, in: lines)
        return Found(number: number, issued: issued, line: p.lines(t[j].start..<end).from)
    }

    /// Where a number's symbol ends: at a space, a comma or a closing bracket.
    private static func numberEnd(_ p: Paragraph, from start: Int) -> Int {
        let s = p.scalars
        var end = start
        while end < s.count, s[end] != " ", s[end] != ",", s[end] != ")" { end += 1 }
        return end
    }

    /// A number without the sentence's closing "." or ";".
    private static func trimmed(_ number: String) -> String {
        var number = number
        while number.hasSuffix(".") || number.hasSuffix(";") { number.removeLast() }
        return number
    }

    /// "Ngày 01/3/2021, Giám đốc Sở … đã ký ban hành …": the date before the organ, on its line
    /// (a title run into the line above ends with its own dates).
    private static func issuedBefore(_ k: Int, _ t: [Token], _ p: Paragraph) -> CivilDate? {
        (max(0, k - 20)..<k).lazy.filter { p.lineOf[t[$0].start] == p.lineOf[t[k].start] }.compactMap { wholeDate(t, at: $0) }.first
    }

    private static func dateAfter(_ t: [Token], from j: Int) -> CivilDate? {
        (j..<min(t.count, j + 8)).lazy.compactMap { wholeDate(t, at: $0) }.first
    }

    /// "ngày 05/3/2020" with its year, at `i`.
    private static func wholeDate(_ t: [Token], at i: Int) -> CivilDate? {
        guard t[i].is("ngay"), let d = DateScanner.date(t, at: i), let y = d.year else { return nil }
        return CivilDate(year: y, month: d.month, day: d.day)
    }

    /// "Xem chi tiết tại Công văn 9399/BKHĐT-QLKKT ngày 18/12/2019.": a later line that gives
    /// the number its date.
    private static func dated(_ number: String, in lines: [CleanLine]) -> CivilDate? {
        let figures = String(number.prefix { $0 != "/" })
        for line in lines where line.text.contains(number) {
            let p = Paragraph(line)
            let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
            guard let at = t.firstIndex(where: { $0.text == figures }) else { continue }
            if let d = dateAfter(t, from: at + 1) { return d }
        }
        return nil
    }
}
