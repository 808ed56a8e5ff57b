/// A word, number or punctuation mark of folded text, with its scalar range.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case word, number, punct }
    var kind: Kind
    /// Folded text ("truoc", "29", "/").
    var text: String
    /// Scalar offsets in the paragraph.
    var start: Int
    var end: Int

    func `is`(_ s: String) -> Bool { text == s }
}

enum Tokenizer {
    /// Tokenizes folded bytes in `range`: runs of letters, runs of digits (a run mixing
    /// letters and digits such as "14h00" is one word), and single punctuation marks.
    static func tokens(_ folded: [UInt8], in range: Range<Int>) -> [Token] {
        var out: [Token] = []
        var i = range.lowerBound
        let end = min(range.upperBound, folded.count)
        while i < end {
            let b = folded[i]
            if b == 0x20 { i += 1; continue }
            if Fold.isWordByte(b) {
                let start = i
                var allDigits = true
                while i < end, Fold.isWordByte(folded[i]) {
                    if !Fold.isDigit(folded[i]) { allDigits = false }
                    i += 1
                }
                let text = String(decoding: folded[start..<i].map { $0 == Fold.other ? 0x3F : $0 }, as: UTF8.self)
                // "tháng11", "ngày05": a date word glued to its number.
                if !allDigits, let glue = text.firstIndex(where: \.isNumber),
                   ["ngay", "thang", "nam"].contains(String(text[..<glue])), text[glue...].allSatisfy(\.isNumber) {
                    let cut = start + text.distance(from: text.startIndex, to: glue)
                    out.append(Token(kind: .word, text: String(text[..<glue]), start: start, end: cut))
                    out.append(Token(kind: .number, text: String(text[glue...]), start: cut, end: i))
                    continue
                }
                out.append(Token(kind: allDigits ? .number : .word, text: text, start: start, end: i))
                continue
            }
            out.append(Token(kind: .punct, text: String(decoding: [b], as: UTF8.self), start: i, end: i + 1))
            i += 1
        }
        return out
    }
}

extension Array where Element == Token {
    /// Whether the words `phrase` ("cham nhat") occur at token index `i`.
    func matches(_ phrase: [String], at i: Int) -> Bool {
        guard i >= 0, i + phrase.count <= count else { return false }
        for (k, w) in phrase.enumerated() where self[i + k].text != w { return false }
        return true
    }

    func matches(_ phrase: String, at i: Int) -> Bool {
        guard i >= 0, i < count else { return false }
        // Walk the phrase's words without allocating.
        var k = i
        var word = Substring(phrase)
        while !word.isEmpty {
            let end = word.firstIndex(of: " ") ?? word.endIndex
            guard k < count, self[k].text == word[..<end] else { return false }
            k += 1
            word = end == word.endIndex ? "" : word[word.index(after: end)...]
        }
        return true
    }

    /// The first index at or after `from` (before `to`) where `phrase` occurs.
    func find(_ phrase: String, from: Int = 0, to: Int? = nil) -> Int? {
        let words = phrase.split(separator: " ").map(String.init)
        let limit = Swift.min(to ?? count, count)
        var i = from
        while i < limit {
            if self[i].text == words[0], matches(words, at: i) { return i }
            i += 1
        }
        return nil
    }

    /// Whether `phrase` occurs within `distance` tokens of `i`: a bounded look, so a marker
    /// repeated through a hostile sentence costs no more than its neighbourhood.
    func mentions(_ phrase: String, near i: Int, within distance: Int = 40) -> Bool {
        find(phrase, from: Swift.max(0, i - distance), to: i + distance) != nil
    }

    /// The element at `i`, or nil past either end.
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

extension Paragraph {
    /// Whether token `t` is exactly `word` with its diacritics ("qua", not "quả"; "để", not "đề").
    func exact(_ t: Token, _ word: String) -> Bool {
        t.end - t.start == word.unicodeScalars.count && text(t.start..<t.end).lowercased() == word
    }
}
