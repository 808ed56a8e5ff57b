import Crypto
import Foundation
import Hummingbird
import HummingbirdBcrypt
import NhacHanOutbox

/// Who may open the coordinator's pages: a session cookie from the login form, or HTTP Basic
/// for scripts; and the CSRF token that every form of theirs carries.
///
/// Sessions are signed, not stored: any node of a multi-node deployment accepts them. A session
/// binds a tag of the coordinator's password hash, so changing the password ends it.
struct CoordinatorAuth {
    static let cookieName = "nhachan_session"
    static let sessionSeconds: Int64 = 8 * 3600

    struct Session: Sendable {
        var username: String
        var expires: Int64
        /// Basic requests carry no session: their forms are not served, and they need no CSRF token.
        var viaBasic = false
    }

    var environment: ServerEnvironment

    private var signer: LinkSigner { environment.links.signer }

    private func hashTag(_ username: String) -> String? {
        guard let hash = environment.settings.coordinators.first(where: { $0.username == username })?.passwordHash else { return nil }
        return SHA256.hash(data: Array(hash.utf8)).prefix(8).map { String(format: "%02x", $0) }.joined()
    }

    /// The session a request's cookie proves, if it is intact, current and its coordinator unchanged.
    func session(_ request: Request, now: Int64) -> Session? {
        guard let value = request.cookies[Self.cookieName]?.value,
              let f = signer.verify(value, as: .session), f.count == 3, let expires = Int64(f[1]),
              now < expires, hashTag(f[0]) == f[2]
        else { return nil }
        return Session(username: f[0], expires: expires)
    }

    /// A coordinator proven by `Authorization: Basic`, for scripts.
    func basic(_ request: Request) async -> Session? {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
              let data = Data(base64Encoded: String(header.dropFirst(6)).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":")
        else { return nil }
        let username = String(text[..<colon]), password = String(text[text.index(after: colon)...])
        guard await verify(username: username, password: password) else { return nil }
        return Session(username: username, expires: 0, viaBasic: true)
    }

    /// Checks a password against the configured bcrypt hash. An unknown user costs the same
    /// bcrypt as a known one, so the time does not tell which usernames exist.
    func verify(username: String, password: String) async -> Bool {
        let known = environment.settings.coordinators.first { $0.username == username }?.passwordHash
        let hash = known ?? Self.decoyHash
        guard password.utf8.count <= 72 else { return false }  // bcrypt reads 72 bytes at most
        let matches = await Task.detached { Bcrypt.verify(password, hash: hash) }.value
        return matches && known != nil
    }

    /// A bcrypt hash of a random string nobody knows, made once: the cost of an unknown username.
    private static let decoyHash = Bcrypt.hash(UUID().uuidString, cost: 12)

    func newSession(username: String, now: Int64, secure: Bool) -> Cookie {
        let expires = now + Self.sessionSeconds
        let value = signer.sign(.session, [username, String(expires), hashTag(username) ?? ""])
        return Cookie(
            name: Self.cookieName, value: value, maxAge: Int(Self.sessionSeconds), path: "/", secure: secure, httpOnly: true,
            sameSite: .strict)
    }

    static func endedSession(secure: Bool) -> Cookie {
        Cookie(name: cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The CSRF token of a session: bound to its coordinator and its expiry.
    func csrfToken(_ session: Session) -> String {
        signer.sign(.csrf, [session.username, String(session.expires)])
    }

    func isValidCSRF(_ token: String?, for session: Session) -> Bool {
        guard let token, let f = signer.verify(token, as: .csrf) else { return false }
        return f == [session.username, String(session.expires)]
    }
}
