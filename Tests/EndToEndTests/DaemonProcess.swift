import Foundation
import NhacHanSpawn
import Testing

/// `nhachan run` started as a child process, as systemd starts it: stderr to a file, signals by hand.
final class DaemonProcess {
    let process: ChildProcess
    let logPath: String

    init(_ arguments: [String], folder: String) throws {
        logPath = folder + "/run-\(UUID().uuidString.prefix(6)).log"
        process = try ChildProcess(BinaryRunner.binary, ["run"] + arguments, directory: folder, error: .appending(logPath))
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
    var pid: Int32 { process.pid }

    var isRunning: Bool { process.isRunning }

    func signal(_ number: Int32) { process.signal(number) }

    /// Waits for the process to end; its exit status, or `nil` after `seconds`. Suspends rather
    /// than blocks: a blocked thread of the test's small pool starves every other test.
    func wait(seconds: Double) async -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { try? await Task.sleep(for: .milliseconds(20)) }
        return process.exitStatus
    }

    /// CPU seconds (user + system) the process has used so far.
    var cpuSeconds: Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return -1 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the command name: state is field 3, utime 14 and stime 15 (1-based in proc(5)).
        let utime = Double(fields[11]) ?? 0, stime = Double(fields[12]) ?? 0
        return (utime + stime) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    func kill9IfRunning() { if process.isRunning { process.signal(SIGKILL); process.waitForExit() } }

    deinit { kill9IfRunning() }
}

/// Polls `condition` every 20 ms for up to `seconds`; whether it came true.
func eventually(_ seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try await condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
