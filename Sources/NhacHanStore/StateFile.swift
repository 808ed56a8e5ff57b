import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The checks around the SQLite state file itself: created private, never re-created over an
/// existing file, and watched for deletion or replacement while a daemon runs.
enum StateFile {
    /// A file's place on disk: device and inode.
    struct Identity: Sendable, Hashable {
        var device: UInt64
        var inode: UInt64
        /// Whether this process created the file just now.
        var created: Bool
    }

    /// The identity of the file at `path`, creating it (0600, its folder 0700) when absent.
    ///
    /// A new state is made whole under a temporary name by `initialize`, then linked into
    /// place, which fails if another process got there first: no one ever sees an empty file
    /// at `path`, so an empty file there is always a damaged state.
    static func openOrCreate(_ path: String, initialize: (String) throws -> Void) throws -> Identity {
        if let existing = try existing(path) { return existing }
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try makeFolder(folder, for: path) }
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = open(temporary, O_CREAT | O_EXCL | O_RDWR | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotOpen(path, "không tạo được tệp: \(String(cString: strerror(errno)))") }
        fchmod(fd, 0o600)  // whatever the umask
        close(fd)
        defer { unlink(temporary) }
        try initialize(temporary)
        if link(temporary, path) != 0 {
            guard errno == EEXIST, let existing = try existing(path) else {
                throw StoreError.cannotOpen(path, "không tạo được tệp: \(String(cString: strerror(errno)))")
            }
            return existing
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.cannotOpen(path, String(cString: strerror(errno))) }
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), created: true)
    }

    /// The identity of an existing file, after checking that it can be a state; `nil` when absent.
    private static func existing(_ path: String) throws -> Identity? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            throw StoreError.notAState(path, "không phải tệp thường (not a regular file)")
        }
        guard info.st_size > 0 else {
            throw StoreError.notAState(path, "tệp trạng thái rỗng: không phải trạng thái của nhachan; khôi phục từ bản sao lưu, hoặc xoá tệp để bắt đầu lại từ đầu (the state file is empty: restore it from a backup, or delete it to start afresh)")
        }
        try checkHeader(path)
        return Identity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), created: false)
    }

    /// Throws unless `path` is still the file that was opened.
    static func verify(_ path: String, identity: Identity) throws {
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw StoreError.notAState(path, "tệp trạng thái đã bị xoá khi đang chạy (the state file was deleted under the running process)")
        }
        guard UInt64(info.st_dev) == identity.device, UInt64(info.st_ino) == identity.inode else {
            throw StoreError.notAState(path, "tệp trạng thái đã bị thay bằng tệp khác khi đang chạy (the state file was replaced under the running process)")
        }
        guard info.st_size > 0 else {
            throw StoreError.notAState(path, "tệp trạng thái đã bị làm rỗng khi đang chạy (the state file was emptied under the running process)")
        }
    }

    private static func checkHeader(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw StoreError.cannotOpen(path, "không đọc được tệp: \(String(cString: strerror(errno)))")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == Data("SQLite format 3\u{0}".utf8) else {
            throw StoreError.notAState(path, "không phải tệp trạng thái của nhachan (not an SQLite database); nhachan không ghi đè lên nó (it will not be overwritten)")
        }
    }

    /// `mkdir -p` with mode 0700, saying what failed in the system's words.
    private static func makeFolder(_ folder: String, for path: String) throws {
        var info = stat()
        if stat(folder, &info) == 0 { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != folder { try makeFolder(parent, for: path) }
        if mkdir(folder, 0o700) != 0 && errno != EEXIST {
            throw StoreError.cannotOpen(path, "không tạo được thư mục \(folder): \(String(cString: strerror(errno)))")
        }
    }
}
