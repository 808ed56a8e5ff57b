import Foundation
import Testing

extension EndToEnd {
@Suite("A bad configuration never crashes the tool")
struct BadConfigTests {
    /// Writes `data` as a config, runs `check`, and returns the result.
    func check(_ data: Data) throws -> BinaryRunner.Result {
        let folder = NSTemporaryDirectory() + "nhachan-bad-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/nhachan.yaml"
        try data.write(to: URL(fileURLWithPath: path))
        return try BinaryRunner.run(["check", "-c", path])
    }

    static let demoRoot = BinaryRunner.repository.appendingPathComponent("examples/demo/units.yaml")

    enum Input: String, CaseIterable, Sendable {
        case truncated, binary, empty, nested, huge, invalidUTF8

        var data: Data {
            switch self {
            case .truncated:
                let text = try! String(contentsOf: BadConfigTests.demoRoot, encoding: .utf8)
                return Data(text.utf8.prefix(1_000)) + Data("\n  - {id: [".utf8)
            case .binary: return Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 7919) })
            case .empty: return Data()
            case .nested: return Data((String(repeating: "{a: ", count: 100) + "1" + String(repeating: "}", count: 100)).utf8)
            case .huge:
                var text = "units:\n"
                let line = "  - {id: xa-so-nhieu, name: \"UBND xã có tên rất dài để làm tệp lớn\", aliases: [a, b, c]}\n"
                while text.utf8.count < 10_000_000 { text += line }
                return Data(text.utf8)
            case .invalidUTF8: return Data([0x75, 0x6e, 0x69, 0x74, 0x73, 0x3a, 0xff, 0xfe, 0x0a])
            }
        }
    }

    @Test("each bad input gets a located error and exit 2", .timeLimit(.minutes(2)), arguments: Input.allCases)
    func badInput(_ input: Input) throws {
        let result = try check(input.data)
        #expect(result.status == 2, "\(input): status \(result.status), stderr \(result.stderr.prefix(300))")
        #expect(result.stderr.contains(": error: "))
        #expect(result.stderr.contains("lỗi trong cấu hình"))
    }

    @Test("a missing config file is an error naming it")
    func missingFile() throws {
        let result = try BinaryRunner.run(["check", "-c", "/nonexistent/nhachan.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("/nonexistent/nhachan.yaml: error: không đọc được tệp"))
    }
}
}
