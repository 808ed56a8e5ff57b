/// Joins cleaned lines into paragraphs where extraction broke a sentence across lines.
///
/// Blank lines are no evidence (some extractions put one after every line). A new paragraph
/// starts at a list marker, at an opener phrase ("Kính gửi", "Căn cứ", "Yêu cầu"...), after a
/// line that ends a sentence, and after a short heading when the next line starts with a
/// capital. A line that ends with a comma, a dash or a function word ("và", "các") always
/// continues.
enum ParagraphJoiner {
    static func join(_ lines: [CleanLine]) -> [Paragraph] {
        var paragraphs: [Paragraph] = []
        var current = Paragraph()
        var currentWords = 0
        var currentHasMarker = false
        var lastLine: CleanLine?
        for line in lines {
            if LineShape.isPageNumber(line.text) { continue }
            let s = line.scalars
            if let prev = lastLine, !current.isEmpty,
               !startsNew(s, line: line, prev: prev, words: currentWords, hasMarker: currentHasMarker) {
                let ps = prev.scalars
                let glue = (ps.last == "-" && ps.count >= 2 && ps[ps.count - 2].properties.isAlphabetic
                            && (s.first?.properties.isAlphabetic ?? false)) ? nil : Unicode.Scalar(" ")
                current.append(line, separator: glue)
                currentWords += LineShape.wordCount(s)
            } else {
                if !current.isEmpty { paragraphs.append(current) }
                current = Paragraph(line)
                currentWords = LineShape.wordCount(s)
                currentHasMarker = LineShape.marker(s) != nil
            }
            lastLine = line
        }
        if !current.isEmpty { paragraphs.append(current) }
        return paragraphs
    }

    static func startsNew(_ s: [Unicode.Scalar], line: CleanLine, prev: CleanLine,
                          words: Int, hasMarker: Bool) -> Bool {
        let ps = prev.scalars
        // "Thời gian đăng ký:        từ ngày 18/11 đến 26/11/2019;": a label and its value, set
        // apart by spaces on one line, are one sentence.
        if prev.sourceLine == line.sourceLine, ps.last == ":", LineShape.startsLowercase(s) { return false }
        let prevTerminated = LineShape.isTerminated(ps)
        // "2 Cho phép hoạt động …" under "1 Thủ tục …": a flattened table's numbered rows.
        if let n = LineShape.rowNumber(s)?.number,
           n == 1 ? ["stt ", "tt "].contains(where: Fold.key(prev.text).hasPrefix) : LineShape.rowNumber(ps)?.number == n - 1 {
            return true
        }
        if let m = LineShape.marker(s) {
            // "- xã hội tỉnh" after an unfinished line is the rest of "chính trị - xã hội".
            if m.kind == .bullet, !prevTerminated, LineShape.startsLowercase(Array(s.dropFirst())) { return false }
            if m.kind == .bullet, !prevTerminated, LineShape.endsOpen(ps), s.first == "-" { return false }
            return true
        }
        let upper = LineShape.startsUppercase(s)
        let prevOpen = LineShape.endsOpen(ps)
        if upper, LineShape.startsWithOpener(line.folded), prevTerminated || line.blankBefore || !prevOpen {
            return true
        }
        if prevTerminated { return true }
        if prevOpen { return false }
        let prevCaps = LineShape.isAllCaps(ps)
        let heading = (hasMarker && words <= 20) || prev.emphasized || prevCaps
        if heading, upper, !(prevCaps && LineShape.isAllCaps(s)) { return true }
        if prev.emphasized != line.emphasized, upper { return true }
        return false
    }

}
