import Foundation

/// Cleans one raw line of extracted text.
///
/// PDF and DOCX extraction leaves combining accents split from their letter by a space
/// ("hoa ̣t"), letter-spaced runs ("C h ủ  t r ì"), markdown emphasis, two-column layouts
/// (issuer and motto side by side) and odd spaces. Each step is a linear scan.
enum LineCleaner {
    /// Cleans a raw line into zero or more column fragments (empty when the line is blank).
    static func clean(_ raw: Substring, sourceLine: Int, blankBefore: Bool) -> [CleanLine] {
        var text = String(raw).precomposedStringWithCanonicalMapping
        // A page stored with its line breaks escaped ("\\r\\n Kính gửi: …") breaks nothing.
        if text.contains("\\r\\n") || text.contains("\\n") {
            text = text.replacingOccurrences(of: "\\r\\n", with: " ").replacingOccurrences(of: "\\n", with: " ")
        }
        text = reattachAccents(text)
        let (unmarked, emphasized) = stripMarkdown(text)
        var scalars = normalizeSpaces(Array(unmarked.unicodeScalars))
        scalars = LetterSpacing.collapse(scalars)
        scalars = separateGluedCells(scalars)
        scalars = separateGluedDates(scalars)
        var out: [CleanLine] = []
        var first = true
        for column in splitColumns(scalars) {
            let t = collapseSpaces(column)
            guard !t.isEmpty else { continue }
            out.append(CleanLine(text: t, sourceLine: sourceLine, emphasized: emphasized,
                                 blankBefore: first ? blankBefore : true))
            first = false
        }
        return out
    }

    static func isCombining(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F: return true
        default: return false
        }
    }

    /// "hoa ̣t" -> "hoạt": spaces before a combining mark that follows a letter are dropped,
    /// and a mark with no letter to attach to is dropped.
    static func reattachAccents(_ text: String) -> String {
        let input = Array(text.unicodeScalars)
        guard input.contains(where: isCombining) else { return text }
        var out = String.UnicodeScalarView()
        var pendingSpaces: [Unicode.Scalar] = []
        var lastWasLetter = false
        for s in input {
            if s == " " || s == "\u{00A0}" { pendingSpaces.append(s); continue }
            if isCombining(s) {
                if lastWasLetter { pendingSpaces.removeAll(); out.append(s) }
                else { out.append(contentsOf: pendingSpaces); pendingSpaces.removeAll() }
                continue
            }
            out.append(contentsOf: pendingSpaces)
            pendingSpaces.removeAll()
            out.append(s)
            lastWasLetter = s.properties.isAlphabetic
        }
        out.append(contentsOf: pendingSpaces)
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// Removes `**`, `__` emphasis, `*emphasis*`, heading hashes and backslash escapes.
    /// Returns whether the whole line was emphasised (bold or a heading).
    static func stripMarkdown(_ text: String) -> (String, Bool) {
        var s = Array(text.unicodeScalars)
        var emphasized = false
        var start = 0
        while start < s.count, s[start] == " " { start += 1 }
        var hashes = 0
        while start + hashes < s.count, s[start + hashes] == "#" { hashes += 1 }
        if hashes > 0, hashes <= 6, start + hashes == s.count || s[start + hashes] == " " {
            s.removeSubrange(start..<(start + hashes))
            emphasized = true
        }
        let trimmed = String(String.UnicodeScalarView(s)).trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("**"), trimmed.hasSuffix("**"), trimmed.count > 4 { emphasized = true }
        var out = String.UnicodeScalarView()
        var onlySpaces = true
        var i = 0
        while i < s.count {
            let c = s[i]
            if c != " " && c != "*" { onlySpaces = false }
            if c == "\\", i + 1 < s.count, "*_#.-()[]`".unicodeScalars.contains(s[i + 1]) {
                out.append(s[i + 1]); i += 2; continue
            }
            if c == "*" || c == "_" {
                var j = i
                while j < s.count, s[j] == c { j += 1 }
                let run = j - i
                let prev: Unicode.Scalar? = i > 0 ? s[i - 1] : nil
                let next: Unicode.Scalar? = j < s.count ? s[j] : nil
                let prevSpace = prev.map { $0 == " " } ?? true
                let nextSpace = next.map { $0 == " " } ?? true
                if c == "*", run == 1, nextSpace, onlySpaces {
                    out.append("-"); i = j; continue  // a "* " bullet
                }
                if c == "*" && (run >= 2 || !(prevSpace && nextSpace)) { i = j; continue }
                if c == "_" && run == 2 && !(prevSpace && nextSpace) { i = j; continue }
            }
            out.append(c)
            i += 1
        }
        return (String(out), emphasized)
    }

    /// Every space-like scalar becomes a space; invisible and control scalars go.
    static func normalizeSpaces(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        for c in s {
            switch c.value {
            case 0x09, 0x0B, 0x0C, 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            case 0x00...0x1F, 0x7F...0x9F, 0x00AD, 0x200B...0x200F, 0x2060, 0xFEFF, 0xFFFD: continue
            default: out.append(c)
            }
        }
        return out
    }

    /// Words after which a wide gap is a blank to fill in ("ngày      tháng 3"), not a column.
    private static let fillInWords: Set<String> = ["ngay", "thang", "nam", "so:", "so", "ngay:"]

    /// Splits a line at gaps of five or more spaces (two-column layouts, flattened tables) and at
    /// table borders (`|` standing alone).
    static func splitColumns(_ s: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var parts: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var hasContent = false
        var i = 0
        while i < s.count {
            // A table cell border kept by the extraction ("Số: 130/KH-UBND | Ninh Bình, ngày …").
            if s[i] == "|", i == 0 || s[i - 1] == " ", i + 1 == s.count || s[i + 1] == " " {
                if hasContent { parts.append(current) }
                current = []; hasContent = false; i += 1
                continue
            }
            if s[i] == " " {
                var j = i
                while j < s.count, s[j] == " " { j += 1 }
                if j - i >= 5, hasContent, j < s.count, !endsWithFillInWord(current) {
                    parts.append(current); current = []; hasContent = false
                } else {
                    current.append(contentsOf: s[i..<j])
                }
                i = j
                continue
            }
            current.append(s[i]); hasContent = true; i += 1
        }
        parts.append(current)
        return parts
    }

    private static func endsWithFillInWord(_ s: [Unicode.Scalar]) -> Bool {
        var end = s.count
        while end > 0, s[end - 1] == " " { end -= 1 }
        var start = end
        while start > 0, s[start - 1] != " " { start -= 1 }
        guard end - start <= 6 else { return false }
        let word = Fold.key(String(String.UnicodeScalarView(s[start..<end])))
        return fillInWords.contains(word)
    }

    /// "Ngày 17 hàng thángBÁO CÁO HOẠT ĐỘNG": a table flattened without a space between two
    /// cells; a lowercase letter directly before two capitals starts a new cell. "tại đâyHạn
    /// chót đăng ký", "của quý báo cáoTrước ngày 31/3": two lowercase letters then a capitalised
    /// word are two words a page glued ("VnExpress", "iPhone", "ThS" stay whole).
    static func separateGluedCells(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard s.count > 2 else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 4)
        for (i, c) in s.enumerated() {
            if i > 0, i + 1 < s.count, c.properties.isUppercase, s[i - 1].properties.isLowercase,
               s[i + 1].properties.isUppercase || i >= 2 && s[i - 2].properties.isLowercase && s[i + 1].properties.isLowercase {
                out.append(" ")
            }
            out.append(c)
        }
        return out
    }

    /// "trước ngày18/8/2016để tổng hợp": a date a page glued to the words around it. A space
    /// goes after "ngày" before a digit, and after a year ("/2016", "-2016", ".2016") before a
    /// lowercase letter; "17h00", "H5N1" and "11a/BTP" are left whole.
    private static let gluedWords = ["ngày", "số"].map { (lower: Array($0.unicodeScalars), upper: Array($0.uppercased().unicodeScalars)) }

    static func separateGluedDates(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        // "ngày18/8/2016", "Văn bản số581/BNV-CCHC": each word in small letters and in capitals.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count + 2)
        for (i, c) in s.enumerated() {
            if c.properties.numericType != nil, gluedWords.contains(where: { w in
                i >= w.lower.count && (i == w.lower.count || s[i - w.lower.count - 1] == " ")
                    && w.lower.indices.allSatisfy { k in s[i - w.lower.count + k] == w.lower[k] || s[i - w.lower.count + k] == w.upper[k] }
            }) {
                out.append(" ")
            }
            if c.properties.isLowercase, i >= 5, (i - 4..<i).allSatisfy({ s[$0].properties.numericType != nil }),
               ["/", "-", "."].contains(s[i - 5]), s[i - 4] == "1" || s[i - 4] == "2" {
                out.append(" ")
            }
            out.append(c)
        }
        return out
    }

    /// Collapses runs of spaces to one and trims.
    static func collapseSpaces(_ s: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for c in s {
            if c == " " { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out.append(" "); pendingSpace = false }
            out.append(c)
        }
        return String(out)
    }
}
