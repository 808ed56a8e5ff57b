/// Content-Transfer-Encoding for a UTF-8 text part, with every line under 78 octets.
///
/// Works on bytes into the caller's buffer: a message is rendered for every send, and
/// String and Foundation replacing cost more than the SMTP exchange itself.
enum BodyEncoding: String, Sendable {
    case quotedPrintable = "quoted-printable"
    case base64

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text` (NFC, line breaks normalised to CRLF) with whichever encoding is
    /// shorter: quoted-printable keeps mostly-ASCII text readable in the raw message,
    /// base64 is a third smaller for text dense in Vietnamese diacritics.
    static func encode(_ text: String) -> (encoding: BodyEncoding, body: String) {
        let bytes = normalizedBytes(text)
        let encoding = choose(for: bytes)
        var output: [UInt8] = []
        encoding.append(bytes, to: &output)
        return (encoding, String(decoding: output, as: UTF8.self))
    }

    /// Quoted-printable triples every byte outside printable ASCII; base64 costs 4/3.
    static func choose(for bytes: [UInt8]) -> BodyEncoding {
        var escaped = 0
        for byte in bytes where byte >= 0x80 || byte == UInt8(ascii: "=") { escaped += 1 }
        return bytes.count + 2 * escaped <= bytes.count * 4 / 3 ? .quotedPrintable : .base64
    }

    /// Appends `bytes` (from `normalizedBytes`) in this encoding, ending with CRLF.
    func append(_ bytes: [UInt8], to output: inout [UInt8]) {
        switch self {
        case .quotedPrintable:
            Self.appendQuotedPrintable(bytes, to: &output)
        case .base64:
            Base64.append(bytes, lineLength: 76, to: &output)
            output += Self.crlf
        }
    }

    /// NFC, every line break as CRLF, and a final line break.
    static func normalizedLines(_ text: String) -> String {
        String(decoding: normalizedBytes(text), as: UTF8.self)
    }

    /// The UTF-8 of `normalizedLines`: CRLF, a lone CR and a lone LF each become CRLF.
    static func normalizedBytes(_ text: String) -> [UInt8] {
        var source = text.nfc
        return source.withUTF8 { bytes in
            // At worst every byte is a lone CR or LF that doubles, plus a final CRLF.
            [UInt8](unsafeUninitializedCapacity: bytes.count * 2 + 2) { out, count in
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if byte == 0x0D || byte == 0x0A {
                        if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                        out[count] = 0x0D
                        out[count + 1] = 0x0A
                        count += 2
                    } else {
                        out[count] = byte
                        count += 1
                    }
                }
                if count == 0 || out[count - 1] != 0x0A {
                    out[count] = 0x0D
                    out[count + 1] = 0x0A
                    count += 2
                }
            }
        }
    }

    static func quotedPrintable(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        appendQuotedPrintable(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    static func base64(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        BodyEncoding.base64.append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 2045 §6.7: lines of at most 76 characters, soft breaks as "=", trailing
    /// whitespace encoded, and "." at a line start encoded too (some relays mangle it).
    private static func appendQuotedPrintable(_ bytes: [UInt8], to output: inout [UInt8]) {
        // At worst three octets per byte, and a soft break ("=" CRLF) per 24 bytes.
        let encoded = [UInt8](unsafeUninitializedCapacity: bytes.count * 4 + 3) { out, count in
            var lineLength = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                    out[count] = 0x0D
                    out[count + 1] = 0x0A
                    count += 2
                    lineLength = 0
                    index += 2
                    continue
                }
                let atLineEnd = index + 1 >= bytes.count || bytes[index + 1] == 0x0D
                let literal =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    && !(byte == UInt8(ascii: ".") && lineLength == 0)
                    || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
                let width = literal ? 1 : 3
                // Leave room for a soft break "=" unless this piece ends the line.
                if lineLength + width > (atLineEnd ? 76 : 75) {
                    out[count] = UInt8(ascii: "=")
                    out[count + 1] = 0x0D
                    out[count + 2] = 0x0A
                    count += 3
                    lineLength = 0
                }
                if literal {
                    out[count] = byte
                } else {
                    out[count] = UInt8(ascii: "=")
                    out[count + 1] = hex[Int(byte >> 4)]
                    out[count + 2] = hex[Int(byte & 0x0F)]
                }
                count += width
                lineLength += width
                index += 1
            }
        }
        output += encoded
    }
}
