import Foundation
import NhacHanSpawn
import Testing

/// Runs the built `nhachan` binary and captures what it prints.
struct BinaryRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary next to this test bundle (same build folder), or `NHACHAN_BIN`.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["NHACHAN_BIN"] { return path }
        let bundle = Bundle.main.bundleURL
        for folder in [bundle, bundle.deletingLastPathComponent(), bundle.deletingLastPathComponent().deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("nhachan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return repository.appendingPathComponent(".build/debug/nhachan").path
    }

    static func run(_ arguments: [String], cwd: String? = nil, input: Data? = nil) throws -> Result {
        let result = try ChildProcess.run(binary, arguments, directory: cwd ?? repository.path, input: input.map { [UInt8]($0) })
        return Result(
            status: result.status, stdout: String(decoding: result.output, as: UTF8.self),
            stderr: String(decoding: result.error, as: UTF8.self))
    }
}

/// Compares output with a golden file beside the tests; `RECORD_GOLDEN=1` re-records, and a
/// missing golden file is written and fails the test.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let url = BinaryRunner.repository.appendingPathComponent("Tests/EndToEndTests/Golden/\(name)")
    let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
    guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
        try? actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record("recorded golden file \(name); run the tests again", sourceLocation: sourceLocation)
        return
    }
    if expected != actual {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        let got = line < a.count ? String(a[line]) : "<end>"
        let want = line < e.count ? String(e[line]) : "<end>"
        Issue.record("\(name) differs at line \(line + 1):\n  expected: \(want)\n  actual:   \(got)", sourceLocation: sourceLocation)
    }
}
