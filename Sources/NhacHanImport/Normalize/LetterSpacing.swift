/// Collapses letter-spaced runs ("C h ủ  t r ì ,  p h ố i" -> "Chủ trì, phối").
///
/// A run is five or more consecutive one-character tokens (at least two of them letters).
/// Inside a run the smallest gap separates letters and any wider gap separates words. Runs
/// of four tokens are collapsed only when both gap widths occur, so ordinary one-letter
/// words ("ý", "ở", "a)") and initials are left alone.
enum LetterSpacing {
    private struct Token {
        var start: Int
        var end: Int
        var gapBefore: Int
        var isSingle: Bool
        var isLetter: Bool
    }

    static func collapse(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let tokens = tokenize(s)
        guard tokens.count >= 4 else { return s }
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(s.count)
        var copied = 0
        var i = 0
        while i < tokens.count {
            guard tokens[i].isSingle else { i += 1; continue }
            var j = i
            while j + 1 < tokens.count, tokens[j + 1].isSingle, tokens[j + 1].gapBefore <= 6 { j += 1 }
            let run = tokens[i...j]
            let count = run.count
            let letters = run.reduce(0) { $0 + ($1.isLetter ? 1 : 0) }
            let gaps = run.dropFirst().map(\.gapBefore)
            let minGap = gaps.min() ?? 1
            let mixed = gaps.contains { $0 > minGap }
            if letters >= 2, count >= 5 || (count == 4 && mixed) {
                out.append(contentsOf: s[copied..<run.first!.start])
                for (k, t) in run.enumerated() {
                    if k > 0, t.gapBefore > minGap { out.append(" ") }
                    out.append(contentsOf: s[t.start..<t.end])
                }
                copied = run.last!.end
            }
            i = j + 1
        }
        out.append(contentsOf: s[copied...])
        return out
    }

    private static func tokenize(_ s: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var i = 0
        var gap = 0
        while i < s.count {
            if s[i] == " " { gap += 1; i += 1; continue }
            let start = i
            i += 1
            var bases = 1
            while i < s.count, s[i] != " " {
                if !LineCleaner.isCombining(s[i]) { bases += 1 }
                i += 1
            }
            tokens.append(Token(start: start, end: i, gapBefore: tokens.isEmpty ? 0 : gap,
                                isSingle: bases == 1, isLetter: s[start].properties.isAlphabetic))
            gap = 0
        }
        return tokens
    }
}
