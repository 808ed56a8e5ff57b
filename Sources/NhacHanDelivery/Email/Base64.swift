/// Base64 (RFC 4648, with padding) straight into a byte buffer.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// Appends the encoding of `bytes` to `output`, with CRLF between lines of `lineLength`
    /// characters (none after the last line); `lineLength` 0 means one line.
    static func append(_ bytes: [UInt8], lineLength: Int = 0, to output: inout [UInt8]) {
        let encoded = (bytes.count + 2) / 3 * 4
        let breaks = lineLength > 0 && encoded > 0 ? (encoded - 1) / lineLength : 0
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: encoded + 2 * breaks))
        let width = lineLength > 0 ? lineLength : Int.max
        output.withUnsafeMutableBufferPointer { out in
            alphabet.withUnsafeBufferPointer { table in
                var position = start
                var column = 0
                func put(_ sextet: UInt8?) {
                    if column == width {
                        out[position] = 0x0D
                        out[position + 1] = 0x0A
                        position += 2
                        column = 0
                    }
                    out[position] = sextet.map { table[Int($0)] } ?? UInt8(ascii: "=")
                    position += 1
                    column += 1
                }
                var index = 0
                while index < bytes.count {
                    let remaining = bytes.count - index
                    let b0 = bytes[index]
                    let b1 = remaining > 1 ? bytes[index + 1] : 0
                    let b2 = remaining > 2 ? bytes[index + 2] : 0
                    put(b0 >> 2)
                    put((b0 & 0x03) << 4 | b1 >> 4)
                    put(remaining > 1 ? (b1 & 0x0F) << 2 | b2 >> 6 : nil)
                    put(remaining > 2 ? b2 & 0x3F : nil)
                    index += 3
                }
                assert(position == out.count, "the base64 length was miscounted")
            }
        }
    }

    static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        append(bytes, to: &output)
        return String(decoding: output, as: UTF8.self)
    }
}
