public import Glibc

extension ChildProcess {
    /// What a child that ran to its end printed, and how it ended.
    public struct Result: Sendable {
        public var status: Int32
        public var output: [UInt8]
        public var error: [UInt8]
    }

    /// Runs `executable` to its end, with `input` as its standard input; what it printed.
    ///
    /// Output goes through private temporary files rather than pipes: nothing the child or its
    /// own children keep open can make the parent wait, and neither stream can fill and block.
    public static func run(
        _ executable: String, _ arguments: [String], directory: String? = nil, environment: [String: String]? = nil,
        input: [UInt8]? = nil, errorToOutput: Bool = false
    ) throws(SpawnError) -> Result {
        let folder = temporaryFolder()
        let inputPath = folder + "/in", outputPath = folder + "/out", errorPath = folder + "/err"
        defer {
            for path in [inputPath, outputPath, errorPath] { unlink(path) }
            rmdir(folder)
        }
        if let input, !writeFile(inputPath, input) {
            throw SpawnError(executable: executable, reason: "cannot write its input in \(folder)")
        }
        let child = try ChildProcess(
            executable, arguments, directory: directory, environment: environment,
            input: input == nil ? .null : .file(inputPath), output: .file(outputPath),
            error: errorToOutput ? .standardOutput : .file(errorPath))
        let status = child.waitForExit()
        return Result(status: status, output: readFile(outputPath), error: errorToOutput ? [] : readFile(errorPath))
    }

    /// The first executable `name` on `PATH`, then in /usr/bin and /usr/local/bin.
    public static func find(_ name: String) -> String? {
        let path = getenv("PATH").map { String(cString: $0) }
        let folders = (path ?? "").split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin", "/bin"]
        return folders.map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }

    static func temporaryFolder() -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(base)/nhachan-child-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) } ?? base
        }
    }

    static func writeFile(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        return writeAll(fd, bytes)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return false }
            offset += n
        }
        return true
    }

    /// Everything left to read from `descriptor`, to its end.
    public static func readAll(_ descriptor: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return bytes }
            bytes += chunk[..<n]
        }
    }

    static func readFile(_ path: String) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        defer { close(fd) }
        return readAll(fd)
    }

    /// A pipe whose ends no other child inherits (every child also closes all it did not ask for).
    static func closeOnExecPipe(_ ends: inout [Int32]) -> Bool {
        guard pipe(&ends) == 0 else { return false }
        for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        return true
    }

    typealias FileActions = UnsafeMutablePointer<posix_spawn_file_actions_t>

    /// glibc 2.29+; Swift's Glibc module does not export it.
    static func addChdir(_ actions: FileActions, _ directory: String) -> Int32 {
        typealias AddChdir = @convention(c) (FileActions, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { errno = ENOSYS; return -1 }
        let result = unsafeBitCast(symbol, to: AddChdir.self)(actions, directory)
        if result != 0 { errno = result }
        return result
    }

    /// glibc 2.34+; Swift's Glibc module does not export it.
    static func addCloseFrom(_ actions: FileActions, _ first: Int32) -> Int32 {
        typealias AddCloseFrom = @convention(c) (FileActions, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return -1 }
        return unsafeBitCast(symbol, to: AddCloseFrom.self)(actions, first)
    }
}
