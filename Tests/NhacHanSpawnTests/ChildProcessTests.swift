import Foundation
import NhacHanSpawn
import Testing

@Suite("ChildProcess: children started and waited for without Foundation's Process")
struct ChildProcessTests {
    @Test("a child's output, error, exit status and input are what it printed, read and returned")
    func runCollects() throws {
        let result = try ChildProcess.run(
            "/bin/sh", ["-c", "cat; echo out; echo err >&2; exit 3"], input: Array("in\n".utf8))
        #expect(result.status == 3)
        #expect(String(decoding: result.output, as: UTF8.self) == "in\nout\n")
        #expect(String(decoding: result.error, as: UTF8.self) == "err\n")

        let merged = try ChildProcess.run("/bin/sh", ["-c", "echo a; echo b >&2"], errorToOutput: true)
        #expect(String(decoding: merged.output, as: UTF8.self) == "a\nb\n")
    }

    @Test("a child killed by a signal ends with 128 + the signal, and a missing program is an error naming it")
    func signalsAndMissing() throws {
        let child = try ChildProcess("/bin/sleep", ["30"])
        #expect(child.isRunning)
        child.signal(SIGKILL)
        #expect(child.waitForExit() == 128 + SIGKILL)
        #expect(child.exitStatus == 128 + SIGKILL)
        #expect(!child.isRunning)

        let error = #expect(throws: SpawnError.self) { try ChildProcess("/nonexistent/tool", []) }
        #expect(error?.description.hasPrefix("/nonexistent/tool:") == true)
    }

    @Test("a long-lived child holds none of the parent's descriptors, so a pipe it was started beside still ends")
    func longLivedChildInheritsNothing() throws {
        let talker = try ChildProcess("/bin/sh", ["-c", "read line; echo got $line"], input: .pipe, output: .pipe)
        // Started while the talker's pipes and another library's plain pipe (not close-on-exec,
        // as Foundation's `Pipe` makes them) are open in the parent, as a receiver or a daemon
        // is started beside a running command in the tests.
        var plain: [Int32] = [-1, -1]
        #expect(pipe(&plain) == 0)
        defer { plain.forEach { close($0) } }
        let sleeper = try ChildProcess("/bin/sleep", ["30"])
        defer { sleeper.signal(SIGKILL); sleeper.waitForExit() }

        // Its own descriptors are /dev/null (and, for a moment, a library the loader opens).
        let folder = "/proc/\(sleeper.pid)/fd"
        let held = try FileManager.default.contentsOfDirectory(atPath: folder).compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + $0) }
        #expect(!held.isEmpty && !held.contains { $0.hasPrefix("pipe:") || $0.hasPrefix("socket:") }, "the sleeper holds \(held)")

        talker.write(Array("hi\n".utf8))
        talker.closeInput()
        let output = ChildProcess.readAll(talker.outputDescriptor)  // EOF only if no one else holds the write end
        close(talker.outputDescriptor)
        #expect(String(decoding: output, as: UTF8.self) == "got hi\n")
        #expect(talker.waitForExit() == 0)
    }

    @Test("children started from many threads at once are each seen to end")
    func concurrentStarts() async throws {
        let statuses = try await withThrowingTaskGroup(of: Int32.self) { group in
            for i in 0..<40 {
                group.addTask {
                    try await withCheckedThrowingContinuation { continuation in
                        Thread.detachNewThread {
                            continuation.resume(with: Result { try ChildProcess.run("/bin/sh", ["-c", "exit \(i % 7)"]).status })
                        }
                    }
                }
            }
            return try await group.reduce(into: [Int32]()) { $0.append($1) }
        }
        #expect(statuses.sorted() == (0..<40).map { Int32($0 % 7) }.sorted())
    }

    @Test("a child runs in the folder it is given, with the environment it is given")
    func folderAndEnvironment() throws {
        let result = try ChildProcess.run("/bin/sh", ["-c", "pwd; echo $ONLY"], directory: "/tmp", environment: ["ONLY": "đây"])
        #expect(String(decoding: result.output, as: UTF8.self) == "/tmp\nđây\n")
    }
}
