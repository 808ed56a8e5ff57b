import Foundation

/// The leading list marker of a paragraph (Decree 30/2020/NĐ-CP numbering: I., 1., 1.1., a), -).
struct Marker: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case roman, arabic, letter, bullet, article }
    var kind: Kind
    /// Scalars taken by the marker and the spaces after it.
    var length: Int
    /// Nesting depth: roman 1, arabic 2 (1.1. is 3), letter 4, bullet 5; articles ("Điều 1.") 2.
    var level: Int
}

/// Shape tests on cleaned text: markers, sentence ends, capitals, openers.
enum LineShape {
    /// The number a flattened table row opens with ("12 Thủ tục …": up to three digits, spaces,
    /// a capital) and where the row's text starts.
    static func rowNumber(_ s: [Unicode.Scalar]) -> (number: Int, textStart: Int)? {
        let digits = s.prefix { ("0"..."9").contains($0) }
        guard (1...3).contains(digits.count), let n = Int(String(String.UnicodeScalarView(digits))) else { return nil }
        var k = digits.count
        while k < s.count, s[k] == " " { k += 1 }
        guard k > digits.count, k < s.count, s[k].properties.isUppercase else { return nil }
        return (n, k)
    }

    static func marker(_ s: [Unicode.Scalar]) -> Marker? {
        guard let first = s.first else { return nil }
        func spaces(from i: Int) -> Int {
            var j = i
            while j < s.count, s[j] == " " { j += 1 }
            return j
        }
        if "-–—+•·▪○◦●■□➢►❖*".unicodeScalars.contains(first) {
            if s.count == 1 { return Marker(kind: .bullet, length: 1, level: 5) }
            let next = s[1]
            if next == " " || next.properties.isAlphabetic || next == "“" || next == "\"" {
                return Marker(kind: .bullet, length: spaces(from: 1), level: 5)
            }
            return nil
        }
        // Roman numerals: uppercase, followed by "." or ")" or " -".
        var i = 0
        while i < s.count, i < 6, "IVXLC".unicodeScalars.contains(s[i]) { i += 1 }
        if i > 0, i < s.count, s[i] == "." || s[i] == ")" {
            if i + 1 == s.count || s[i + 1] == " " { return Marker(kind: .roman, length: spaces(from: i + 1), level: 1) }
        }
        // Arabic: 1. 1) 1.2. 1.2
        i = 0
        var depth = 0
        while true {
            var d = 0
            while i < s.count, d < 3, s[i].properties.numericType != nil, s[i].isASCII { i += 1; d += 1 }
            guard d > 0 else { break }
            depth += 1
            if i < s.count, s[i] == "." {
                i += 1
                if i == s.count || s[i] == " " { return Marker(kind: .arabic, length: spaces(from: i), level: 1 + depth) }
                continue
            }
            if i < s.count, s[i] == ")", depth == 1 {
                if i + 1 == s.count || s[i + 1] == " " { return Marker(kind: .arabic, length: spaces(from: i + 1), level: 2) }
            }
            if depth > 1, i < s.count, s[i] == " " { return Marker(kind: .arabic, length: spaces(from: i), level: 1 + depth) }
            break
        }
        // Letters: a) b. đ)
        if first.properties.isLowercase, s.count >= 2, s[1] == ")" || s[1] == "." {
            if s.count == 2 || s[2] == " " { return Marker(kind: .letter, length: spaces(from: 2), level: 4) }
        }
        // Articles: "Điều 1." / "Điều 1:"
        let f = Fold.bytes(String(String.UnicodeScalarView(s.prefix(12))))
        if f.starts(with: Array("dieu ".utf8)), s.count > 5, s[5].properties.numericType != nil {
            var j = 5
            while j < s.count, s[j].properties.numericType != nil { j += 1 }
            if j < s.count, s[j] == "." || s[j] == ":" { return Marker(kind: .article, length: spaces(from: j + 1), level: 2) }
        }
        return nil
    }

    /// Ends a sentence or introduces a list: . ; : ! ? (also before a closing quote or bracket).
    static func isTerminated(_ s: [Unicode.Scalar]) -> Bool {
        var i = s.count - 1
        while i >= 0, " \"”’)*".unicodeScalars.contains(s[i]) { i -= 1 }
        guard i >= 0 else { return false }
        if s[i] == "." {
            // "..." or "…" is usually a blank to fill in, not an end.
            if i >= 2, s[i - 1] == ".", s[i - 2] == "." { return false }
            return true
        }
        return ";:!?".unicodeScalars.contains(s[i])
    }

    private static let connectives: Set<String> = [
        "va", "cac", "cua", "voi", "cho", "ve", "tai", "theo", "trong", "co", "la", "hoac", "nhung",
        "de", "tu", "den", "tren", "duoi", "thuoc", "nhu", "ma", "bang", "ngay", "thang", "nam", "so",
        "qua", "nhu", "hay", "duoc", "bi", "se", "da", "dang",
    ]

    /// Ends in a way that cannot end a heading or sentence: a comma, a dash, "và", "của"...
    static func endsOpen(_ s: [Unicode.Scalar]) -> Bool {
        var i = s.count - 1
        while i >= 0, s[i] == " " { i -= 1 }
        guard i >= 0 else { return false }
        if ",-–&/(".unicodeScalars.contains(s[i]) { return true }
        var j = i
        while j >= 0, s[j] != " " { j -= 1 }
        let word = Fold.key(String(String.UnicodeScalarView(s[(j + 1)...i])))
        return connectives.contains(word) && !(s[j + 1].properties.isUppercase)
    }

    static func startsUppercase(_ s: [Unicode.Scalar]) -> Bool {
        for c in s where c.properties.isAlphabetic { return c.properties.isUppercase }
        return false
    }

    static func startsLowercase(_ s: [Unicode.Scalar]) -> Bool {
        for c in s where c.properties.isAlphabetic || c.properties.numericType != nil {
            return c.properties.isLowercase
        }
        return false
    }

    /// At least three letters and none lowercase.
    static func isAllCaps(_ s: [Unicode.Scalar]) -> Bool {
        var letters = 0
        for c in s where c.properties.isAlphabetic {
            if c.properties.isLowercase { return false }
            letters += 1
        }
        return letters >= 3
    }

    static func wordCount(_ s: [Unicode.Scalar]) -> Int {
        var n = 0, inWord = false
        for c in s {
            if c == " " { inWord = false } else if !inWord { inWord = true; n += 1 }
        }
        return n
    }

    /// Phrases that open a new paragraph of an administrative text.
    static let openers: [String] = [
        "kinh gui", "noi nhan", "can cu", "thuc hien", "theo de nghi", "theo chi dao", "tren day",
        "trien khai", "yeu cau", "de nghi", "v/v", "trong qua trinh", "nhan duoc", "bao de",
        "kt.", "tm.", "q.", "tl.", "tuq.", "giao ",
    ]

    static func startsWithOpener(_ folded: [UInt8]) -> Bool {
        openers.contains { folded.starts(with: Array($0.utf8)) }
    }

    /// A page number or running footer left by extraction ("2", "- 3 -", "Trang 4").
    static func isPageNumber(_ text: String) -> Bool {
        let key = Fold.key(text).replacingOccurrences(of: "trang", with: "")
        let core = key.filter { $0 != "-" && $0 != " " && $0 != "/" }
        return !core.isEmpty && core.count <= 4 && core.allSatisfy(\.isNumber)
    }
}

extension Unicode.Scalar {
    var isLetterLike: Bool { properties.isAlphabetic }
}
