/// Hosts that never leave the machine: where plain SMTP or plain HTTP are acceptable.
///
/// The one loopback check of the product: the config validator and the transports both ask it.
public enum Loopback {
    /// `localhost`, 127.0.0.0/8 and ::1 (with or without brackets), case-insensitive.
    public static func isLoopback(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigit) && Int(part).map { $0 <= 255 } ?? false
        }
    }
}

/// Webhook URLs are secrets: they may carry a password, a `?token=` or a bot token.
public enum SecretURL {
    /// The URL with user info, query and fragment masked, and its path cut after the first
    /// segment (Slack, Mattermost, Google Chat and Telegram keep tokens in the path); what
    /// every listing, log, digest and error shows instead of the URL.
    public static func redacted(_ url: String) -> String {
        var text = url
        if let cut = text.firstIndex(where: { $0 == "?" || $0 == "#" }) { text = String(text[..<cut]) + "?…" }
        if let colon = text.firstIndex(of: ":"), text[colon...].hasPrefix("://") {
            let authorityStart = text.index(colon, offsetBy: 3)
            let rest = text[authorityStart...]
            let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                text.replaceSubrange(authorityStart...at, with: "…@")
            }
        }
        var segments = text.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("bot") && segment.contains(":") ? "bot…" : String(segment)
        }
        // scheme:, "", authority, first segment, then the rest masked.
        if segments.count > 4 { segments = Array(segments.prefix(4)) + ["…"] }
        return segments.joined(separator: "/")
    }
}

extension Character {
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 48 && $0 <= 57 } ?? false }
}
