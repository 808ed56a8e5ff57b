import Crypto
import Foundation

/// Standard Webhooks signing: `webhook-signature: v1,<base64 HMAC-SHA256(id.timestamp.body)>`.
///
/// A secret written `whsec_<base64>` is the base64 of the key, as the Standard Webhooks
/// specification says; any other secret is used as its UTF-8 bytes.
public enum WebhookSignature {
    /// The `webhook-signature` header value.
    public static func sign(id: String, timestamp: Int, body: [UInt8], secret: String) -> String {
        var signed = Array("\(id).\(timestamp).".utf8)
        signed += body
        let mac = HMAC<SHA256>.authenticationCode(for: signed, using: SymmetricKey(data: key(from: secret)))
        return "v1," + Data(mac).base64EncodedString()
    }

    static func key(from secret: String) -> [UInt8] {
        if secret.hasPrefix("whsec_"), let decoded = Data(base64Encoded: String(secret.dropFirst(6))) {
            return Array(decoded)
        }
        return Array(secret.utf8)
    }
}
