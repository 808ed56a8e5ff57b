/// One physical line (or one column of it) after cleaning, with the source line it came from.
struct CleanLine: Sendable, Equatable {
    /// The cleaned text: NFC, accents re-attached, letter-spacing collapsed, markdown removed,
    /// single spaces, trimmed. Never empty.
    var text: String
    /// The 1-based line number in the original input.
    var sourceLine: Int
    /// The whole line was bold or a markdown heading in the input (a heading signal).
    var emphasized: Bool
    /// One or more blank lines preceded this line.
    var blankBefore: Bool

    var scalars: [Unicode.Scalar] { Array(text.unicodeScalars) }
    var folded: [UInt8] { Fold.bytes(text) }
}
