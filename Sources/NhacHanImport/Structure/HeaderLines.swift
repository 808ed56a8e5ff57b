/// Puts the header's parts back on lines of their own before the header is read.
///
/// Legal-library pages and PDF extractions break the Decree 30 header in two opposite ways:
/// table cells flattened one per line ("Số:" / "06/2024/QĐ-UBND", "Kon Tum, ngày 25" /
/// "tháng 01 năm 2024") and whole headers run into one line ("ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
/// CỘNG HÒA XÃ HỘI … Số: 46/2019/QĐUBND Cao Bằng, ngày 28 …"). Only the opening lines are
/// touched, up to "Kính gửi" or the 60th line; every piece keeps its source line.
enum HeaderLines {
    static let window = 60

    static func normalize(_ lines: [CleanLine]) -> [CleanLine] {
        let end = min(lines.count, window)
        guard end > 0 else { return lines }
        var head: [CleanLine] = []
        var stop = end
        for (k, line) in lines[..<end].enumerated() {
            if Fold.key(line.text).hasPrefix("kinh gui") { stop = k; break }
            head.append(contentsOf: split(line))
        }
        return merge(head) + lines[stop...]
    }

    // MARK: One line holding several header parts

    /// Folded landmarks a header part starts with, when they come after other text on a line.
    private static let starts = ["cong hoa xa hoi chu nghia", "so:", "so :", "s?:", "v/v "]

    private static func split(_ line: CleanLine) -> [CleanLine] {
        let s = line.scalars
        guard s.count > 30 else { return [line] }
        let f = line.folded
        var cuts: [Int] = []
        for landmark in starts {
            let bytes = Array(landmark.utf8)
            var i = 1
            while i + bytes.count <= f.count {
                // "Số:" is written with its capital; "Thời gian nhận hồ sơ: …" is no number.
                if f[i - 1] == 0x20 || f[i - 1] == 0x2D, f[i..<(i + bytes.count)].elementsEqual(bytes),
                   landmark.first != "s" || s[i] == "S" { cuts.append(i); break }
                i += 1
            }
        }
        // After the motto "… Hạnh phúc" comes the place and date (or dashes, then them).
        if let m = firstIndex(of: "hanh phuc", in: f), m + 9 < f.count { cuts.append(m + 9) }
        cuts = Array(Set(cuts)).sorted()
        guard !cuts.isEmpty else { return [line] }
        var out: [CleanLine] = []
        var from = 0
        for cut in cuts + [s.count] where cut > from {
            let piece = trimDashes(String(String.UnicodeScalarView(s[from..<cut])))
            if !piece.isEmpty {
                out.append(CleanLine(text: piece, sourceLine: line.sourceLine, emphasized: line.emphasized,
                                     blankBefore: out.isEmpty ? line.blankBefore : true))
            }
            from = cut
        }
        return out.isEmpty ? [line] : out
    }

    private static func firstIndex(of word: String, in f: [UInt8]) -> Int? {
        let bytes = Array(word.utf8)
        var i = 0
        while i + bytes.count <= f.count {
            if f[i..<(i + bytes.count)].elementsEqual(bytes) { return i }
            i += 1
        }
        return nil
    }

    /// Trims spaces and the rule lines ("-------") a flattened header keeps between its parts.
    private static func trimDashes(_ text: String) -> String {
        var s = Substring(text)
        while let c = s.first, c == " " || c == "-" || c == "_" || c == "*" { s.removeFirst() }
        while let c = s.last, c == " " || c == "-" || c == "_" || c == "*" { s.removeLast() }
        return String(s)
    }

    // MARK: One header part broken over several lines

    private static func merge(_ lines: [CleanLine]) -> [CleanLine] {
        var out: [CleanLine] = []
        var i = 0
        while i < lines.count {
            var line = lines[i]
            let f = Fold.key(line.text)
            // "Số:" alone, the number in the next cell.
            if f == "so:" || f == "so :" || f == "so", i + 1 < lines.count {
                line = joined(line, lines[i + 1])
                i += 2
                out.append(line)
                continue
            }
            // "Kon Tum, ngày 25" / "tháng 01 năm 2024"; "Quảng Bình," / "ngày 25 tháng 5 năm 2015".
            if mayStartDate(f) {
                var h = Header()
                if !HeaderParser.parseDate(line, into: &h) {
                    var candidate = line
                    var k = i + 1
                    while k < lines.count, k <= i + 2 {
                        candidate = joined(candidate, lines[k])
                        var h2 = Header()
                        if HeaderParser.parseDate(candidate, into: &h2) {
                            line = candidate
                            i = k
                            break
                        }
                        k += 1
                    }
                }
            }
            out.append(line)
            i += 1
        }
        return out
    }

    private static func mayStartDate(_ f: String) -> Bool {
        guard f.count <= 60 else { return false }
        return f.hasSuffix(",") || f.contains(", ngay") || f.hasSuffix(" ngay") || f.hasPrefix("ngay ")
    }

    private static func joined(_ a: CleanLine, _ b: CleanLine) -> CleanLine {
        CleanLine(text: a.text + " " + b.text, sourceLine: a.sourceLine, emphasized: a.emphasized, blankBefore: a.blankBefore)
    }
}
