import NhacHanCore

/// Reads the header of a directive (Decree 30/2020/NĐ-CP, Appendix I): issuing organ,
/// "Số: 550/UBND-VX", "Bình Sơn, ngày 10 tháng 3 năm 2022", "V/v ..." or a title
/// ("KẾ HOẠCH" + subject lines). Parts may be missing, blank or in two columns.
enum HeaderParser {
    static let documentTypes: [(String, String)] = [
        ("ke hoach", "Kế hoạch"), ("quyet dinh", "Quyết định"), ("thong bao", "Thông báo"),
        ("chi thi", "Chỉ thị"), ("cong van", "Công văn"), ("bao cao", "Báo cáo"), ("to trinh", "Tờ trình"),
        ("huong dan", "Hướng dẫn"), ("giay moi", "Giấy mời"), ("cong dien", "Công điện"),
        ("chuong trinh", "Chương trình"), ("nghi quyet", "Nghị quyết"), ("thong tu", "Thông tư"),
        ("thong cao", "Thông cáo"), ("quy dinh", "Quy định"), ("quy che", "Quy chế"),
    ]

    private static let bodyOpeners = ["can cu", "thuc hien", "theo de nghi", "theo chi dao", "trien khai",
                                      "nham ", "de ", "ngay ", "tren co so", "xet de nghi", "nhan duoc"]

    static func parse(_ lines: [CleanLine]) -> Header {
        var h = Header()
        let limit = min(lines.count, 80)
        // Capitals naming an organ after the text's first sentence sign it ("BAN TỔ CHỨC CUỘC
        // THI" under a notice): only the header's other parts stand there as its anchor.
        let prose = (0..<limit).first { LineShape.wordCount(lines[$0].scalars) >= 15 && !LineShape.isAllCaps(lines[$0].scalars) } ?? limit
        guard let anchor = (0..<limit).first(where: { isAnchor(lines[$0], organ: $0 < prose) }) else { return h }
        var organ: [(String, Int)] = []
        var i = anchor
        var lastKind = ""
        while i < lines.count, i - anchor < 40 {
            let line = lines[i]
            let f = Fold.key(line.text)
            let s = line.scalars
            if f.hasPrefix("kinh gui") { break }
            // Noise of a scanned page (watermark fragments, stray cells): never a header part.
            if line.text.unicodeScalars.count <= 3, !(LineShape.isAllCaps(s) || (s.count >= 2 && s.allSatisfy { $0.properties.isUppercase })) {
                i += 1; continue
            }
            if f.contains("cong hoa xa hoi chu nghia") || f.contains("chu nghia viet nam") || f == "cong"
                || f.hasPrefix("cong hoa") || (f.contains("doc lap") && f.contains("hanh phuc"))
                || line.text.allSatisfy({ "-_=*. ".contains($0) }) {
                lastKind = "motto"; i += 1; continue
            }
            if parseNumber(line, into: &h) { lastKind = "number"; i += 1; continue }
            if parseDate(line, into: &h) { lastKind = "date"; i += 1; continue }
            if f.hasPrefix("v/v") || f.hasPrefix("ve viec") {
                h.type = h.type ?? "Công văn"
                h.subject = line.text; h.subjectLines = LineRange(line.sourceLine, line.sourceLine)
                lastKind = "subject"; i += 1; continue
            }
            if LineShape.isAllCaps(s), let (_, name) = documentTypes.first(where: { f == $0.0 || f.hasPrefix($0.0 + " ") }),
               organ.isEmpty == false || h.number != nil || h.issued != nil || h.year != nil || f == Fold.key(name.lowercased()) {
                h.type = name
                let rest = String(line.text.dropFirst(name.count)).trimmingSpaces
                if !rest.isEmpty { h.subject = rest; h.subjectLines = LineRange(line.sourceLine, line.sourceLine) }
                lastKind = "subject"; i += 1; continue
            }
            // A sentence of a dozen words or more that ends as one is prose, not a header part.
            let sentence = LineShape.wordCount(s) >= 12 && !LineShape.isAllCaps(s) && [".", ";"].contains(s.last ?? " ")
            // A subject that ended its sentence ("… như sau.") or a label ("Thời gian nhận ảnh:")
            // is the body already.
            let subjectEnded = lastKind == "subject" && (h.subject?.last == "." || s.last == ":")
            let startsBody = LineShape.marker(s) != nil || bodyOpeners.contains { f.hasPrefix($0) }
                || LineShape.wordCount(s) > 30 || sentence || subjectEnded
            if lastKind == "subject", !startsBody, !LineShape.isAllCaps(s) || h.subject == nil || LineShape.isAllCaps(Array((h.subject ?? "").unicodeScalars)) {
                if let subject = h.subject, let r = h.subjectLines, line.sourceLine - r.to <= 3, r.to - r.from < 5 {
                    h.subject = subject + " " + line.text
                    h.subjectLines = r.union(LineRange(line.sourceLine, line.sourceLine))
                    i += 1; continue
                } else if h.subject == nil, h.type != nil {
                    h.subject = line.text; h.subjectLines = LineRange(line.sourceLine, line.sourceLine)
                    i += 1; continue
                }
            }
            if startsBody { break }
            // The organ sits above the number and date; capitals after the date are a title.
            if LineShape.isAllCaps(s) || (s.count <= 3 && s.allSatisfy { $0.properties.isUppercase }), h.dateLines == nil || organ.isEmpty {
                organ.append((line.text, line.sourceLine)); lastKind = "organ"
            }
            i += 1
        }
        h.bodyStart = max(i, anchor)
        if i - anchor >= 40 { h.bodyStart = anchor }
        setIssuer(organ, into: &h)
        completeIssuer(lines, into: &h)
        return h
    }

    /// A header that names only "ỦY BAN NHÂN DÂN" (its second line lost in a flattened table)
    /// takes the level and place from the authority line of the preamble ("ỦY BAN NHÂN DÂN
    /// TỈNH QUẢNG TRỊ", above "Căn cứ …").
    private static func completeIssuer(_ lines: [CleanLine], into h: inout Header) {
        guard let issuer = h.issuer, issuer == "UBND" || issuer == "HĐND" else { return }
        let bare = issuer == "UBND" ? "uy ban nhan dan " : "hoi dong nhan dan "
        for line in lines.prefix(60) where LineShape.isAllCaps(line.scalars) {
            let f = Fold.key(line.text)
            guard f.hasPrefix(bare), f.count > bare.count + 3 else { continue }
            h.issuer = OrganName.display(line.text)
            h.issuerLines = LineRange(line.sourceLine, line.sourceLine)
            return
        }
    }

    private static func isAnchor(_ line: CleanLine, organ: Bool = true) -> Bool {
        let f = Fold.key(line.text)
        if f.hasPrefix("kinh gui") || f.hasPrefix("v/v") || f.contains("cong hoa xa hoi chu nghia") { return true }
        if f.hasPrefix("so:") || f.hasPrefix("so :") || f.hasPrefix("s?:") { return true }
        var h = Header()
        if parseDate(line, into: &h) { return true }
        let s = line.scalars
        if organ, LineShape.isAllCaps(s), organStart(f) || documentTypes.contains(where: { f == $0.0 }) { return true }
        return false
    }

    private static let organPrefixes = ["uy ban", "ubnd", "bo ", "so ", "phong ", "cuc ", "tong cuc", "ban ",
                                        "van phong", "hoi dong", "truong ", "trung tam", "chi cuc", "cong an",
                                        "benh vien", "huyen uy", "tinh uy", "thanh uy", "dang uy", "chinh phu",
                                        "hdnd", "kho bac", "bao hiem", "hoi ", "doan ", "huyen doan", "tinh doan"]

    private static func organStart(_ f: String) -> Bool { organPrefixes.contains { f.hasPrefix($0) } }

    /// Groups caps lines into organs (a line starting with an organ word starts one) and keeps
    /// the last: the issuing organ sits under its parent organ.
    private static func setIssuer(_ lines: [(String, Int)], into h: inout Header) {
        var groups: [(String, LineRange)] = []
        for (text, line) in lines {
            let f = Fold.key(text)
            if organStart(f) || groups.isEmpty {
                groups.append((text, LineRange(line, line)))
            } else {
                groups[groups.count - 1].0 += " " + text
                groups[groups.count - 1].1 = groups[groups.count - 1].1.union(LineRange(line, line))
            }
        }
        guard let last = groups.last(where: { organStart(Fold.key($0.0)) }) else { return }
        h.issuer = OrganName.display(last.0)
        h.issuerLines = last.1
    }

    /// "Số: 550/UBND-VX", "Số: /KH-UBND", "Số: .../KH-UBND", "Số 12/2024/QĐ-UBND".
    static func parseNumber(_ line: CleanLine, into h: inout Header) -> Bool {
        let s = line.scalars
        let f = line.folded
        guard f.count >= 3, f[0] == 0x73, (f[1] == 0x6F && (s[1] == "ố" || s[1] == "Ố" || s[1] == "o")) || s[1] == "?" else { return false }
        var i = 2
        while i < s.count, s[i] == " " { i += 1 }
        if i < s.count, s[i] == ":" { i += 1 }
        while i < s.count, s[i] == " " || (s[i] == "." && i + 1 < s.count && s[i + 1] == " ") { i += 1 }  // "Số:. 4315/…"
        var digits = ""
        while i < s.count, s[i].properties.numericType != nil, s[i].isASCII { digits.unicodeScalars.append(s[i]); i += 1 }
        while i < s.count, ".…_ ".unicodeScalars.contains(s[i]) { i += 1 }
        // Party and mass-organisation numbering: "225-KH/TWĐTN", "Số: 225 - KH/TWĐTN-CTTN".
        var kind = ""
        if !digits.isEmpty, i < s.count, s[i] == "-" {
            var j = i + 1
            while j < s.count, s[j] == " " { j += 1 }
            var letters = ""
            while j < s.count, s[j].properties.isUppercase { letters.unicodeScalars.append(s[j]); j += 1 }
            if !letters.isEmpty, j < s.count, s[j] == "/" { kind = "-" + letters; i = j }
        }
        guard i < s.count, s[i] == "/" else { return false }
        i += 1
        while i < s.count, s[i] == " " { i += 1 }  // "2455 / LĐTBXH - LĐTL"
        var symbol = ""
        while i < s.count, s[i] != " " { symbol.unicodeScalars.append(s[i]); i += 1 }
        // "LĐTBXH - LĐTL": parts of the symbol written with spaced hyphens.
        while i + 2 < s.count, s[i] == " ", s[i + 1] == "-" || s[i + 1] == "–", s[i + 2] == " ",
              i + 3 < s.count, s[i + 3].properties.isUppercase {
            var part = ""
            var j = i + 3
            while j < s.count, s[j] != " " { part.unicodeScalars.append(s[j]); j += 1 }
            guard part.unicodeScalars.allSatisfy({ !$0.properties.isLowercase }) else { break }
            symbol += "-" + part
            i = j
        }
        while symbol.hasSuffix(".") || symbol.hasSuffix(",") { symbol.removeLast() }
        guard !symbol.isEmpty else { return false }
        h.symbol = symbol
        h.numberLines = LineRange(line.sourceLine, line.sourceLine)
        if digits.isEmpty {
            h.warnings.append("dòng \(line.sourceLine): số văn bản để trống (\"\(line.text)\"): chưa có số, giữ ký hiệu \(symbol)")
        } else {
            h.number = digits + kind + "/" + symbol
        }
        // A two-column line may carry the date too.
        _ = parseDate(line, into: &h)
        return true
    }

    /// "Bình Sơn, ngày 10 tháng 3 năm 2022"; a blank day leaves the date unknown, the year known.
    @discardableResult
    static func parseDate(_ line: CleanLine, into h: inout Header) -> Bool {
        var p = Paragraph()
        p.append(line, separator: nil)
        let t = Tokenizer.tokens(p.folded, in: 0..<p.count)
        guard let n = t.firstIndex(where: { $0.is("ngay") }),
              n == 0 || t[n - 1].text == "," || (n >= 2 && t[n - 2].text == ",") else { return false }
        var j = n + 1
        var day: Int?
        while j < t.count, t[j].kind == .punct { j += 1 }
        if j < t.count, t[j].kind == .number { day = Int(t[j].text.prefix(2)); j += 1 }
        while j < t.count, t[j].kind == .punct { j += 1 }
        guard j < t.count, t[j].is("thang") else { return false }
        j += 1
        while j < t.count, t[j].kind == .punct { j += 1 }
        var month: Int?
        if j < t.count, t[j].kind == .number { month = Int(t[j].text.prefix(2)); j += 1 }
        while j < t.count, t[j].kind == .punct { j += 1 }
        guard j + 1 < t.count, t[j].is("nam"), t[j + 1].kind == .number, t[j + 1].text.count == 4,
              let year = Int(t[j + 1].text) else { return false }
        var commaEnd = n
        if n > 0, t[n - 1].text == "," { commaEnd = n - 1 } else if n >= 2, t[n - 2].text == "," { commaEnd = n - 2 }
        // "… nhận tác phẩm đến 17h00, ngày 29 tháng 02 năm 2024": a deadline's hour, not a place.
        if (max(0, commaEnd - 3)..<commaEnd).contains(where: { DateScanner.time(t, at: $0)?.tokenEnd == commaEnd || ["den", "truoc", "het", "nhat"].contains(t[$0].text) }) {
            return false
        }
        if commaEnd > 0 {
            var start = 0
            // "Số: 550/UBND-VX Bình Sơn, ngày ..." on one line: the place follows the symbol.
            if let slash = t[..<commaEnd].lastIndex(where: { $0.text == "/" }) {
                start = t[slash...].firstIndex(where: { p.scalars[$0.start].properties.isUppercase && $0.start > t[slash].end + 1 && p.scalars[$0.start - 1] == " " }) ?? 0
            }
            let place = p.text(t[start].start..<t[commaEnd].start)
            if !place.isEmpty, place.count <= 60 { h.place = place }
        }
        h.year = year
        h.dateLines = LineRange(line.sourceLine, line.sourceLine)
        if let day, let month, let date = CivilDate(year: year, month: month, day: day) {
            h.issued = date
        } else {
            h.warnings.append("dòng \(line.sourceLine): ngày ban hành để trống (\"\(line.text)\"): chỉ biết năm \(year)")
        }
        return true
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
