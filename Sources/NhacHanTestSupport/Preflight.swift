import Foundation
import NhacHanSpawn

/// Finds the tools the delivery tests need, or explains what to install.
public enum Preflight {
    /// `NHACHAN_PYTHON`, else the first `python3` on PATH.
    public static func python() throws -> String {
        if let configured = ProcessInfo.processInfo.environment["NHACHAN_PYTHON"] { return configured }
        guard let path = ChildProcess.find("python3") else {
            throw TestEnvironmentError("python3 is not installed: `apt-get install -y python3 python3-pip`")
        }
        return path
    }

    /// Checks python3 can import aiosmtpd (once per process).
    public static func requireAiosmtpd() throws {
        if let problem = aiosmtpdProblem { throw TestEnvironmentError(problem) }
    }

    private static let aiosmtpdProblem: String? = {
        guard let python = try? python() else { return "python3 is not installed" }
        let status = run(python, ["-c", "import aiosmtpd"])
        return status == 0 ? nil : "the SMTP tests need aiosmtpd: `python3 -m pip install aiosmtpd` (\(python))"
    }()

    public static func openssl() throws -> String {
        guard let path = ChildProcess.find("openssl") else {
            throw TestEnvironmentError("openssl is not installed: `apt-get install -y openssl`")
        }
        return path
    }

    @discardableResult
    static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil) -> Int32 {
        (try? ChildProcess.run(executable, arguments, directory: directory?.path).status) ?? -1
    }
}
