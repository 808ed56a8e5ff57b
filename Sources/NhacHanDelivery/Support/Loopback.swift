import Foundation
import NhacHanCore

/// Scheme and host of a URL, for the transports' own checks; the loopback test is the core's.
enum URLParts {
    /// Scheme and host of a URL, lower-cased.
    static func schemeAndHost(_ url: String) -> (scheme: String, host: String)? {
        guard let components = URLComponents(string: url), let scheme = components.scheme,
            let host = components.host, !host.isEmpty
        else { return nil }
        return (scheme.lowercased(), host.lowercased())
    }
}
