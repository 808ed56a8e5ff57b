public import Foundation

/// A throw-away certificate authority and server certificates, made with the openssl CLI
/// once per test process.
///
/// `trusted` is the CA the tests configure as `ca_file`; `server` is signed by it for
/// 127.0.0.1 and localhost. `rogueServer` is the same name signed by another CA, for the
/// "not signed by the configured CA" tests.
public struct TestPKI: Sendable {
    public let directory: URL
    public var caFile: String { directory.appendingPathComponent("ca.pem").path }
    public var serverCert: String { directory.appendingPathComponent("server.pem").path }
    public var serverKey: String { directory.appendingPathComponent("server.key").path }
    public var rogueCAFile: String { directory.appendingPathComponent("rogue-ca.pem").path }
    public var rogueServerCert: String { directory.appendingPathComponent("rogue-server.pem").path }
    public var rogueServerKey: String { directory.appendingPathComponent("rogue-server.key").path }

    /// Made on first use; the error is kept so every test that needs it fails clearly.
    public static func shared() throws -> TestPKI {
        try cached.get()
    }

    private static let cached: Result<TestPKI, TestEnvironmentError> = {
        do { return .success(try make()) } catch let error as TestEnvironmentError {
            return .failure(error)
        } catch {
            return .failure(TestEnvironmentError("\(error)"))
        }
    }()

    static func make() throws -> TestPKI {
        let openssl = try Preflight.openssl()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let ext = directory.appendingPathComponent("server.ext")
        try "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n".write(to: ext, atomically: true, encoding: .utf8)
        func step(_ arguments: [String]) throws {
            let status = Preflight.run(openssl, arguments, in: directory)
            guard status == 0 else {
                throw TestEnvironmentError("openssl \(arguments.joined(separator: " ")) failed (\(status))")
            }
        }
        for prefix in ["", "rogue-"] {
            try step(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                      "-subj", "/CN=nhachan test \(prefix)CA", "-keyout", "\(prefix)ca.key", "-out", "\(prefix)ca.pem",
                      "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
            try step(["req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                      "-keyout", "\(prefix)server.key", "-out", "\(prefix)server.csr"])
            try step(["x509", "-req", "-in", "\(prefix)server.csr", "-CA", "\(prefix)ca.pem", "-CAkey", "\(prefix)ca.key",
                      "-CAcreateserial", "-days", "2", "-extfile", "server.ext", "-out", "\(prefix)server.pem"])
        }
        return TestPKI(directory: directory)
    }
}
