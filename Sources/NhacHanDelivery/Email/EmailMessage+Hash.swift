import Crypto

extension EmailMessage {
    /// Lower-case hex of the first `bytes` bytes of SHA-256(`text`).
    static func hashHex(_ text: String, bytes: Int) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(bytes * 2)
        for byte in SHA256.hash(data: Array(text.utf8)).prefix(bytes) {
            hex.append(digits[Int(byte >> 4)])
            hex.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}
