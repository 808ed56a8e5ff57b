import Foundation

/// Hosts that never leave the machine: where plain SMTP or plain HTTP are acceptable.
enum Loopback {
    /// `localhost`, 127.0.0.0/8 and ::1 (with or without brackets).
    static func isLoopback(host: String) -> Bool {
        var host = host.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host == "localhost" || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { part in Int(part).map { (0...255).contains($0) } ?? false }
    }

    /// Scheme and host of a URL, lower-cased.
    static func schemeAndHost(_ url: String) -> (scheme: String, host: String)? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host, !host.isEmpty
        else { return nil }
        return (scheme.lowercased(), host.lowercased())
    }
}
