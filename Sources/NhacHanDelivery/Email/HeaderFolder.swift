/// Builds one header field as folded lines of at most 76 octets (the RFC 2047 §2 limit for
/// lines that carry encoded-words; RFC 5322 asks for 78).
///
/// Tokens are never split; a token that does not fit starts a continuation line (CRLF SP).
struct HeaderFolder {
    static let lineLimit = 76
    private var lines: [String] = []
    private var current: String
    private var isEmpty = true

    init(name: String) {
        current = name + ":"
    }

    /// Appends `token` after `separator` (" " or ", "), folding first when it would not fit.
    mutating func append(_ token: String, separator: String = " ") {
        let separator = isEmpty ? " " : separator
        if !isEmpty, current.utf8.count + separator.utf8.count + token.utf8.count > Self.lineLimit {
            lines.append(current + separator.filter { $0 != " " })
            current = " " + token
        } else {
            current += separator + token
        }
        isEmpty = false
    }

    /// Appends text that is not yet encoded: as words when it is printable ASCII that cannot
    /// be mistaken for an encoded-word, otherwise as RFC 2047 encoded-words, the first of
    /// which fills what is left of the current line.
    mutating func appendText(_ text: String, separator: String = " ", phrase: Bool = false) {
        if EncodedWord.canStayPlain(text, phrase: phrase) {
            let words = text.split(separator: " ").map(String.init)
            if !words.isEmpty, words.allSatisfy({ $0.utf8.count <= Self.lineLimit - 12 }) {
                for (index, word) in words.enumerated() {
                    append(word, separator: index == 0 ? separator : " ")
                }
                return
            }
        }
        let used = current.utf8.count + (isEmpty ? 1 : separator.utf8.count)
        let room = Self.lineLimit - used
        let first = room >= 20 ? min(room, EncodedWord.maxLength) : EncodedWord.maxLength
        for (index, word) in EncodedWord.encode(text, firstLimit: first).enumerated() {
            append(word, separator: index == 0 ? separator : " ")
        }
    }

    /// The folded field, lines joined by CRLF, without a final CRLF.
    var rendered: String { (lines + [current]).joined(separator: "\r\n") }
}
