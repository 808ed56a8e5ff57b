import Foundation

/// RFC 2047 encoded-words (`=?UTF-8?B?...?=`) for Subject and display names.
///
/// B encoding is used throughout: Vietnamese text is mostly non-ASCII, where B is shorter
/// than Q. Text is NFC-normalised first, and words break only between grapheme clusters,
/// so no character (base letter plus tone mark) is ever split across two words.
enum EncodedWord {
    /// RFC 2047 §2: an encoded-word is at most 75 characters.
    static let maxLength = 75
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// Encoded-words for `text`, the first at most `firstLimit` characters long, the others
    /// at most `maxLength`.
    static func encode(_ text: String, firstLimit: Int = maxLength) -> [String] {
        var words = WordBuilder(limit: firstLimit)
        let normalized = text.nfc
        if normalized.isPlainLatin, !normalized.utf8.contains(0x0D) {  // each scalar is a character
            for scalar in normalized.unicodeScalars { words.add(scalar.utf8) }
        } else {
            for character in normalized { words.add(character.utf8) }
        }
        return words.finish()
    }

    /// Fills encoded-words one character at a time.
    private struct WordBuilder {
        var limit: Int
        var words: [String] = []
        var chunk: [UInt8] = []

        init(limit: Int) { self.limit = limit }

        mutating func add(_ character: some Collection<UInt8>) {
            let count = character.count
            if !chunk.isEmpty, EncodedWord.encodedLength(chunk.count + count) > limit {
                words.append(EncodedWord.word(chunk))
                chunk.removeAll(keepingCapacity: true)
                limit = maxLength
            }
            for byte in character { chunk.append(byte) }
        }

        consuming func finish() -> [String] {
            if !chunk.isEmpty || words.isEmpty { words.append(EncodedWord.word(chunk)) }
            return words
        }
    }

    /// Decodes `=?charset?B|Q?...?=` words in a header value (used by tests and the
    /// golden-file helper); adjacent encoded-words separated by whitespace join.
    static func decode(_ value: String) -> String {
        var output = ""
        var rest = Substring(value)
        var lastWasWord = false
        while let start = rest.range(of: "=?") {
            let between = rest[..<start.lowerBound]
            if !(lastWasWord && between.unicodeScalars.allSatisfy({ " \t\r\n".unicodeScalars.contains($0) })) {
                output += between
            }
            let afterStart = rest[start.upperBound...]
            let fields = afterStart.split(separator: "?", maxSplits: 3, omittingEmptySubsequences: false)
            guard fields.count == 4, fields[3].hasPrefix("=") else {
                output += "=?"
                rest = afterStart
                lastWasWord = false
                continue
            }
            let payload = String(fields[2])
            if fields[1].uppercased() == "B", let data = Data(base64Encoded: payload) {
                output += String(decoding: data, as: UTF8.self)
            } else {
                output += decodeQ(payload)
            }
            rest = fields[3].dropFirst()
            lastWasWord = true
        }
        return output + rest
    }

    /// Whether `text` may be written as is: printable ASCII, no "=?", and (in a display
    /// name) only atext and spaces.
    static func canStayPlain(_ text: String, phrase: Bool) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            guard byte >= 0x20, byte < 0x7F, !(previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?")) else {
                return false
            }
            if phrase, specials.contains(byte) { return false }
            previous = byte
        }
        return true
    }

    private static let specials = Array("()<>[]:;@\\,.\"".utf8)

    private static func encodedLength(_ byteCount: Int) -> Int {
        prefix.utf8.count + (byteCount + 2) / 3 * 4 + suffix.utf8.count
    }

    private static func word(_ bytes: [UInt8]) -> String {
        prefix + Base64.encode(bytes) + suffix
    }

    private static func decodeQ(_ payload: String) -> String {
        var bytes: [UInt8] = []
        var iterator = Array(payload.utf8).makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "_") {
                bytes.append(0x20)
            } else if byte == UInt8(ascii: "="), let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
