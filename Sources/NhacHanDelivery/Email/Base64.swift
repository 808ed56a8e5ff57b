/// Base64 (RFC 4648, with padding) straight into a byte buffer.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the encoding of `bytes` to `output`, with CRLF between lines of `lineLength`
    /// characters (none after the last line); `lineLength` 0 means one line.
    static func append(_ bytes: [UInt8], lineLength: Int = 0, to output: inout [UInt8]) {
        var written = 0
        func put(_ character: UInt8) {
            if lineLength > 0, written > 0, written % lineLength == 0 { output += [0x0D, 0x0A] }
            output.append(character)
            written += 1
        }
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = bytes[index]
            let b1 = remaining > 1 ? bytes[index + 1] : 0
            let b2 = remaining > 2 ? bytes[index + 2] : 0
            put(alphabet[Int(b0 >> 2)])
            put(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            put(remaining > 1 ? alphabet[Int((b1 & 0x0F) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            put(remaining > 2 ? alphabet[Int(b2 & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
