/// A logical paragraph: cleaned lines joined where the input broke them mid-sentence.
///
/// Keeps, for every Unicode scalar of its text, the 1-based source line it came from, and a
/// folded copy (`Fold`) at the same offsets for diacritic-insensitive matching.
struct Paragraph: Sendable {
    private(set) var scalars: [Unicode.Scalar] = []
    private(set) var folded: [UInt8] = []
    private(set) var lineOf: [Int32] = []
    /// Whether the first line was a whole-line emphasis (bold, markdown heading).
    var emphasized = false
    /// Whether the paragraph started after a blank line.
    var blankBefore = false

    init() {}

    init(_ line: CleanLine) {
        append(line, separator: nil)
        emphasized = line.emphasized
        blankBefore = line.blankBefore
    }

    var isEmpty: Bool { scalars.isEmpty }
    var count: Int { scalars.count }
    var text: String { String(String.UnicodeScalarView(scalars)) }
    var firstLine: Int { lineOf.first.map(Int.init) ?? 0 }
    var lastLine: Int { lineOf.last.map(Int.init) ?? 0 }

    mutating func append(_ line: CleanLine, separator: Unicode.Scalar?) {
        if let separator, !scalars.isEmpty {
            scalars.append(separator)
            folded.append(Fold.byte(separator))
            lineOf.append(Int32(truncatingIfNeeded: line.sourceLine))
        }
        for s in line.text.unicodeScalars {
            scalars.append(s)
            folded.append(Fold.byte(s))
            lineOf.append(Int32(truncatingIfNeeded: line.sourceLine))
        }
    }

    /// The text of a scalar range, trimmed of spaces.
    func text(_ range: Range<Int>) -> String {
        let r = range.clamped(to: 0..<scalars.count)
        var lo = r.lowerBound, hi = r.upperBound
        while lo < hi, scalars[lo] == " " { lo += 1 }
        while hi > lo, scalars[hi - 1] == " " { hi -= 1 }
        return String(String.UnicodeScalarView(scalars[lo..<hi]))
    }

    /// The 1-based source lines a scalar range covers.
    func lines(_ range: Range<Int>) -> LineRange {
        let r = range.clamped(to: 0..<scalars.count)
        guard !r.isEmpty else { return LineRange(firstLine, firstLine) }
        var lo = Int(lineOf[r.lowerBound]), hi = lo
        // Lines only grow along a paragraph, so the ends bound the range.
        hi = max(hi, Int(lineOf[r.upperBound - 1]))
        lo = min(lo, Int(lineOf[r.upperBound - 1]))
        return LineRange(lo, hi)
    }

    var lines: LineRange { lines(0..<count) }

    /// Whether the scalar at `i` opens one of the joined lines.
    func startsLine(_ i: Int) -> Bool {
        guard i > 0, i < lineOf.count else { return i == 0 }
        return lineOf[i - 1] != lineOf[i] || i >= 2 && lineOf[i - 2] != lineOf[i]
    }
}

/// An inclusive range of 1-based source lines.
public struct LineRange: Sendable, Equatable, Hashable, Codable {
    public var from: Int
    public var to: Int

    public init(_ from: Int, _ to: Int) {
        self.from = min(from, to)
        self.to = max(from, to)
    }

    func union(_ other: LineRange) -> LineRange {
        LineRange(min(from, other.from), max(to, other.to))
    }

    /// Encoded as `[from, to]`, the `source_lines` of DESIGN.md §4.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.unkeyedContainer()
        try c.encode(from)
        try c.encode(to)
    }

    public init(from decoder: any Decoder) throws {
        var c = try decoder.unkeyedContainer()
        let a = try c.decode(Int.self)
        let b = try c.decode(Int.self)
        self.init(a, b)
    }
}
