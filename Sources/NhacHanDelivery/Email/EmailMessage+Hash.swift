import Crypto

extension EmailMessage {
    /// Lower-case hex of the first `bytes` bytes of SHA-256(`text`).
    static func hashHex(_ text: String, bytes: Int) -> String {
        let digest = SHA256.hash(data: Array(text.utf8))
        return digest.prefix(bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
