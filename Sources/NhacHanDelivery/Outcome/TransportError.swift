import CCurl

/// A libcurl failure: the `CURLcode` and libcurl's message.
///
/// Public so that outcomes can be classified and tested without a network; the numeric
/// code is libcurl's `CURLcode`, stable across libcurl versions.
public struct TransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The `CURLcode` value.
    public var code: Int
    /// libcurl's error buffer, or a short explanation.
    public var detail: String

    public init(code: Int, detail: String = "") {
        self.code = code
        self.detail = detail
    }

    init(_ code: CURLcode, detail: String) {
        self.code = Int(code.rawValue)
        let message = detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
        self.detail = message
    }

    public var description: String { "curl error \(code): \(detail)" }

    public static let unsupportedProtocol = Self(code: 1)
    public static let malformedURL = Self(code: 3)
    public static let couldNotResolveProxy = Self(code: 5)
    public static let couldNotResolveHost = Self(code: 6)
    public static let couldNotConnect = Self(code: 7)
    public static let weirdServerReply = Self(code: 8)
    public static let http2 = Self(code: 16)
    public static let partialFile = Self(code: 18)
    public static let operationTimedOut = Self(code: 28)
    public static let tooManyRedirects = Self(code: 47)
    public static let gotNothing = Self(code: 52)
    public static let sendError = Self(code: 55)
    public static let receiveError = Self(code: 56)
    public static let sslCertificateProblem = Self(code: 58)
    public static let sslCipher = Self(code: 59)
    public static let peerFailedVerification = Self(code: 60)
    public static let sslConnectError = Self(code: 35)
    public static let useSSLFailed = Self(code: 64)
    public static let loginDenied = Self(code: 67)
    public static let sslCACertBadFile = Self(code: 77)
    public static let again = Self(code: 81)
    public static let http2Stream = Self(code: 92)

    /// Same code, whatever the message.
    public func hasCode(_ other: TransportError) -> Bool { code == other.code }
}
