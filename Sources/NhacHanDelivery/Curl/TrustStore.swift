import Foundation

/// The CA certificates a transport trusts: the system bundle, plus an optional extra CA.
///
/// `CURLOPT_CAINFO` (and `CURLOPT_CAINFO_BLOB`, which overrides it) *replace* the default
/// bundle, so adding a CA means handing libcurl both at once: the system bundle and
/// `ca_file` concatenated, as a blob. Nothing here can turn verification off.
struct TrustStore: Sendable {
    /// PEM bytes for `CURLOPT_CAINFO_BLOB`, or `nil` to keep libcurl's default bundle.
    let blob: [UInt8]?

    static let systemBundles = [
        "/etc/ssl/certs/ca-certificates.crt",  // Debian, Ubuntu, Alpine
        "/etc/pki/tls/certs/ca-bundle.crt",  // Fedora, RHEL
        "/etc/ssl/cert.pem",  // macOS, BSDs
    ]

    init(addingCAFile caFile: String?) throws(TransportConfigurationError) {
        guard let caFile else {
            blob = nil
            return
        }
        guard let extra = FileManager.default.contents(atPath: caFile), !extra.isEmpty else {
            throw .unreadableCAFile(caFile)
        }
        guard String(decoding: extra, as: UTF8.self).contains("-----BEGIN CERTIFICATE-----") else {
            throw .unreadableCAFile(caFile)
        }
        var bytes: [UInt8] = []
        if let system = Self.systemBundles.lazy.compactMap({ FileManager.default.contents(atPath: $0) }).first {
            bytes += system
            bytes.append(0x0A)
        }
        bytes += extra
        blob = bytes
    }
}
