public import NhacHanCore

/// The web face (`http:`): where it listens, the base of the links put in messages, the key
/// that signs them, and who may open the coordinator's pages and the e-office API.
public struct HTTPSettings: Hashable, Sendable {
    /// A loopback address by default: a TLS reverse proxy faces the Internet.
    public var host = "127.0.0.1"
    public var port = 8080
    /// `https://nhachan.example.gov.vn`, without a trailing slash.
    public var publicURL: String
    /// At least 32 random bytes; signs ack links, feed links and session cookies.
    public var secret: SecretReference
    public var coordinators: [CoordinatorLogin] = []
    public var apiTokens: [APIToken] = []

    public init(publicURL: String, secret: SecretReference) {
        self.publicURL = publicURL
        self.secret = secret
    }
}

/// A coordinator who may open `/status`: a bcrypt hash printed by `nhachan hash-password`.
public struct CoordinatorLogin: Hashable, Sendable {
    public var username: String
    public var passwordHash: String

    public init(username: String, passwordHash: String) {
        self.username = username
        self.passwordHash = passwordHash
    }
}

/// An e-office system's Bearer token, by reference.
public struct APIToken: Hashable, Sendable {
    public var name: String
    public var token: SecretReference

    public init(name: String, token: SecretReference) {
        self.name = name
        self.token = token
    }
}
