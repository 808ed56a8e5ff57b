import Foundation

/// Content-Transfer-Encoding for a UTF-8 text part, with every line under 78 octets.
enum BodyEncoding: String, Sendable {
    case quotedPrintable = "quoted-printable"
    case base64

    /// Encodes `text` (NFC, line breaks normalised to CRLF) with whichever encoding is
    /// shorter: quoted-printable keeps mostly-ASCII text readable in the raw message,
    /// base64 is a third smaller for text dense in Vietnamese diacritics.
    static func encode(_ text: String) -> (encoding: BodyEncoding, body: String) {
        let bytes = Array(normalizedLines(text).utf8)
        // Quoted-printable triples every byte outside printable ASCII; base64 costs 4/3.
        let escaped = bytes.reduce(0) { $0 + ($1 >= 0x80 || $1 == UInt8(ascii: "=") ? 1 : 0) }
        let qpLength = bytes.count + 2 * escaped
        return qpLength <= bytes.count * 4 / 3 ? (.quotedPrintable, quotedPrintable(bytes)) : (.base64, base64(bytes))
    }

    /// NFC, every line break as CRLF, and a final line break.
    static func normalizedLines(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        let unified = nfc.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let withFinal = unified.hasSuffix("\n") ? unified : unified + "\n"
        return withFinal.replacingOccurrences(of: "\n", with: "\r\n")
    }

    /// RFC 2045 §6.7: lines of at most 76 characters, soft breaks as "=", trailing
    /// whitespace encoded, and "." at a line start encoded too (some relays mangle it).
    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var lineLength = 0
        var index = 0
        let hex = Array("0123456789ABCDEF".utf8)
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                output += [0x0D, 0x0A]
                lineLength = 0
                index += 2
                continue
            }
            let atLineEnd = index + 1 >= bytes.count || bytes[index + 1] == 0x0D
            let literal =
                (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                && !(byte == UInt8(ascii: ".") && lineLength == 0)
                || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
            let piece: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            // Leave room for a soft break "=" unless this piece ends the line.
            let limit = atLineEnd ? 76 : 75
            if lineLength + piece.count > limit {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            output += piece
            lineLength += piece.count
            index += 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Base64 in lines of 76 characters.
    static func base64(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]) + "\r\n"
    }
}
