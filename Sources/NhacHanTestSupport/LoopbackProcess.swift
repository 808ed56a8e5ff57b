public import Foundation

/// A helper server (Python receiver) started by a test, listening on a loopback port.
///
/// It prints `PORT <n>` once listening; it exits when its stdin closes, so it cannot
/// outlive a crashed test, and `stop()` (or `deinit`) ends it explicitly.
public final class LoopbackProcess: @unchecked Sendable {
    // @unchecked: the Process and pipes are touched only by start/stop, which a test calls
    // from one task.
    public let port: Int
    private let process: Process
    private let stdinPipe: Pipe
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-u", scriptURL.path] + arguments
        let stdinPipe = Pipe()
        let stdoutPipe = Pipe()
        let stderrURL = logDirectory.appendingPathComponent("\(script).\(UUID().uuidString.prefix(8)).stderr")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.standardInput = stdinPipe
        process.standardOutput = stdoutPipe
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        try process.run()
        self.process = process
        self.stdinPipe = stdinPipe

        var output = Data()
        let deadline = Date().addingTimeInterval(15)
        while !output.contains(UInt8(ascii: "\n")), Date() < deadline {
            let chunk = stdoutPipe.fileHandleForReading.availableData
            if chunk.isEmpty { break }  // EOF: the receiver died
            output += chunk
        }
        let line = String(decoding: output, as: UTF8.self)
        guard line.hasPrefix("PORT "), let port = Int(line.dropFirst(5).prefix(while: \.isNumber)) else {
            process.terminate()
            let stderr = (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? ""
            throw TestEnvironmentError("\(script) did not start: \(line)\n\(stderr)")
        }
        self.port = port
    }

    public func stop() {
        guard !stopped else { return }
        stopped = true
        try? stdinPipe.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        // A receiver that neither sees EOF nor SIGTERM (blocked in the mask it inherited) is
        // killed after 5 s rather than hanging the test run.
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit {
        stop()
    }
}
