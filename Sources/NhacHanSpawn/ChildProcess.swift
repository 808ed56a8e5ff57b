public import Glibc
import Synchronization

/// A child process started with `posix_spawn` and waited for with `waitpid`.
///
/// Foundation's `Process` on Linux closes the descriptors it sees open when it starts a child,
/// not those another thread opens a moment later, and learns of a child's end only when a
/// socket it shares with that child closes. A long-lived child started beside another one
/// (a receiver, a daemon, a database) could inherit that socket, and the other child's exit
/// then went unnoticed until the long-lived one ended: a test run that hung until CI's time
/// limit. Here every descriptor above 2 is closed in the child itself (`closefrom`), the
/// parent's pipe ends are close-on-exec, and the exit is `waitpid` on the child's own pid.
public final class ChildProcess: Sendable {
    /// Where a child's standard input comes from.
    public enum Input: Sendable {
        case null
        /// A pipe whose write end the parent holds (`inputDescriptor`).
        case pipe
        case file(String)
    }

    /// Where a child's standard output or error goes.
    public enum Output: Sendable {
        case null
        /// A pipe whose read end the parent holds (`outputDescriptor`); for standard output only.
        case pipe
        /// A file, created or truncated, 0600.
        case file(String)
        /// A file, appended to.
        case appending(String)
        /// Standard error only: wherever standard output goes.
        case standardOutput
    }

    public let pid: pid_t
    /// The write end of the child's standard input, or -1; `closeInput()` closes it.
    public let inputDescriptor: Int32
    /// The read end of the child's standard output, or -1; the caller reads and closes it.
    public let outputDescriptor: Int32
    private let exit = Mutex<Int32?>(nil)
    private let inputClosed = Atomic<Bool>(false)

    /// Starts `executable` (a path) with `arguments`; `directory` is its working folder and
    /// `environment` replaces the parent's when given.
    public init(
        _ executable: String, _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
        input: Input = .null, output: Output = .null, error: Output = .null
    ) throws(SpawnError) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var parentInput: Int32 = -1, parentOutput: Int32 = -1
        var childEnds: [Int32] = []
        defer { childEnds.forEach { _ = Glibc.close($0) } }
        func fail(_ what: String) -> SpawnError {
            if parentInput >= 0 { _ = Glibc.close(parentInput) }
            if parentOutput >= 0 { _ = Glibc.close(parentOutput) }
            return SpawnError(executable: executable, reason: "\(what): \(String(cString: strerror(errno)))")
        }

        switch input {
        case .null: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        case .file(let path): posix_spawn_file_actions_addopen(&actions, 0, path, O_RDONLY, 0)
        case .pipe:
            var ends: [Int32] = [-1, -1]
            guard Self.closeOnExecPipe(&ends) else { throw fail("pipe") }
            parentInput = ends[1]
            childEnds.append(ends[0])
            posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        }
        for (target, destination) in [(Int32(1), output), (Int32(2), error)] {
            switch destination {
            case .null: posix_spawn_file_actions_addopen(&actions, target, "/dev/null", O_WRONLY, 0)
            case .file(let path): posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            case .appending(let path): posix_spawn_file_actions_addopen(&actions, target, path, O_WRONLY | O_CREAT | O_APPEND, 0o600)
            case .standardOutput: posix_spawn_file_actions_adddup2(&actions, 1, target)
            case .pipe:
                var ends: [Int32] = [-1, -1]
                guard target == 1, Self.closeOnExecPipe(&ends) else { throw fail("pipe") }
                parentOutput = ends[0]
                childEnds.append(ends[1])
                posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
            }
        }
        if let directory, Self.addChdir(&actions, directory) != 0 { throw fail("chdir \(directory)") }
        // Nothing else the parent has open reaches the child, whoever opened it and when.
        _ = Self.addCloseFrom(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A thread's blocked signals would be the child's: a receiver that ignores SIGTERM.
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { envp?.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = envp.map { posix_spawn(&pid, executable, &actions, &attributes, argv, $0) }
            ?? posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            errno = spawned
            throw fail("cannot start")
        }
        self.pid = pid
        inputDescriptor = parentInput
        outputDescriptor = parentOutput
    }

    /// The exit status (128 + the signal for a child killed by one) once the child has ended,
    /// else `nil`; never blocks.
    public var exitStatus: Int32? { reap(blocking: false) }

    public var isRunning: Bool { exitStatus == nil }

    /// Blocks until the child ends; its exit status (128 + the signal for one killed by one).
    @discardableResult
    public func waitForExit() -> Int32 { reap(blocking: true)! }

    public func signal(_ number: Int32) {
        if isRunning { _ = kill(pid, number) }
    }

    /// Closes the child's standard input, so a child reading it sees its end.
    public func closeInput() {
        if inputDescriptor >= 0, !inputClosed.exchange(true, ordering: .acquiringAndReleasing) { _ = Glibc.close(inputDescriptor) }
    }

    /// Writes all of `bytes` to the child's standard input; whether all were written.
    @discardableResult
    public func write(_ bytes: [UInt8]) -> Bool { Self.writeAll(inputDescriptor, bytes) }

    private func reap(blocking: Bool) -> Int32? {
        if blocking {
            // Waits without reaping and without the lock, so `exitStatus` never waits behind it.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) < 0 && errno == EINTR {}
        }
        return exit.withLock { status in
            if let status { return status }
            var raw: Int32 = 0
            var result: pid_t
            repeat { result = waitpid(pid, &raw, WNOHANG) } while result < 0 && errno == EINTR
            if result == 0 { return nil }
            // A pid that is not (or no longer) our child: nothing more will come of waiting.
            status = result == pid ? ((raw & 0x7f) == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)) : -1
            return status
        }
    }

    deinit {
        closeInput()
    }
}

/// Why a child process could not be started.
public struct SpawnError: Error, CustomStringConvertible, Sendable {
    public let executable: String
    public let reason: String
    public var description: String { "\(executable): \(reason)" }
}
