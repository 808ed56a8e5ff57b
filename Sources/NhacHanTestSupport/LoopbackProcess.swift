public import Foundation
import NhacHanSpawn

/// A helper server (Python receiver) started by a test, listening on a loopback port.
///
/// It prints `PORT <n>` once listening; it exits when its stdin closes, so it cannot
/// outlive a crashed test, and `stop()` (or `deinit`) ends it explicitly.
public final class LoopbackProcess: @unchecked Sendable {
    // @unchecked: `stopped` is touched only by stop, which a test calls from one task.
    public let port: Int
    private let child: ChildProcess
    private var stopped = false

    /// `Tests/Support/`, found from this file's path so no resource bundle is needed.
    public static let supportDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Support")

    public init(script: String, arguments: [String], logDirectory: URL) throws {
        let scriptURL = Self.supportDirectory.appendingPathComponent(script)
        guard FileManager.default.fileExists(atPath: scriptURL.path) else {
            throw TestEnvironmentError("test receiver \(scriptURL.path) is missing")
        }
        let python = try Preflight.python()
        let stderrURL = logDirectory.appendingPathComponent("\(script).\(UUID().uuidString.prefix(8)).stderr")
        let child = try ChildProcess(
            python, ["-u", scriptURL.path] + arguments, input: .pipe, output: .pipe, error: .file(stderrURL.path))
        self.child = child

        // The first line, `PORT <n>`, or what came before the receiver died or fell silent for 15 s.
        var output: [UInt8] = []
        var byte: UInt8 = 0
        let deadline = Date().addingTimeInterval(15)
        while !output.contains(UInt8(ascii: "\n")) {
            var ready = pollfd(fd: child.outputDescriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            let polled = poll(&ready, 1, wait)
            if polled == 0 { break }
            if polled < 0 { if errno == EINTR { continue } else { break } }
            let n = read(child.outputDescriptor, &byte, 1)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            output.append(byte)
        }
        close(child.outputDescriptor)
        let line = String(decoding: output, as: UTF8.self)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).prefix(while: \.isNumber)) else {
            child.signal(SIGKILL)
            child.waitForExit()
            let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            throw TestEnvironmentError("\(script) did not start: \(line)\n\(stderr)")
        }
        self.port = port
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        child.closeInput()
        child.signal(SIGTERM)
        // A receiver that neither sees EOF nor SIGTERM is killed after 5 s rather than hanging
        // the test run.
        let deadline = Date().addingTimeInterval(5)
        while child.isRunning && Date() < deadline { usleep(10_000) }
        child.signal(SIGKILL)
        child.waitForExit()
    }

    deinit {
        stop()
    }
}
