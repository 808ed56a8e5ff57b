import Foundation
import NhacHanCore

/// How a webhook is named in the state: its redacted URL and a digest of the whole URL.
///
/// Webhook URLs are secrets, so the state file, `outbox`, logs and the digest never hold one;
/// the digest finds the unit's webhook again at send time.
enum WebhookTarget {
    /// `https://chat.example/hooks/…?… #1a2b3c4d5e6f`
    static func stored(_ url: String) -> String {
        "\(SecretURL.redacted(url)) #\(digest(url).prefix(12))"
    }

    /// Whether a configured URL is the one a delivery names (or named raw, before redaction).
    /// Compares the digest suffix first, so a unit with several webhooks costs one hash each.
    static func matches(_ url: String, _ target: String) -> Bool {
        if target == url { return true }
        guard let mark = target.range(of: " #") else { return false }
        return target[mark.upperBound...] == digest(url).prefix(12) && target == stored(url)
    }

    static func digest(_ text: String) -> String { DeliveryExpansion.digest(text) }
}
