import Foundation
import Testing

extension EndToEnd {
@Suite("nhachan import, run as a binary")
struct ImportCommandTests {
    static let seeds = [
        "000_add930575a81b348.txt", "001_b008745a30c8c283.txt", "002_133e0758f0208e69.txt", "003_6828bf859981c23f.txt",
        "004_77da05fb2cc83e70.txt",
    ]

    @Test("the YAML drafted from each seed, dropped into the demo's directives folder, passes check", arguments: seeds)
    func draftPassesCheck(seed: String) throws {
        let folder = NSTemporaryDirectory() + "nhachan-import-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: BinaryRunner.repository.appendingPathComponent("examples/demo").path, toPath: folder)
        let imported = try BinaryRunner.run(["import", "examples/seeds/\(seed)", "--units", "examples/demo/nhachan.yaml"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("# Bản nháp"))
        // Replace the hand-written encodings, so the draft's ids do not clash with them.
        for file in try FileManager.default.contentsOfDirectory(atPath: folder + "/directives") {
            try FileManager.default.removeItem(atPath: folder + "/directives/" + file)
        }
        try imported.stdout.write(toFile: folder + "/directives/draft.yaml", atomically: true, encoding: .utf8)
        let check = try BinaryRunner.run(["check", "-c", folder + "/nhachan.yaml", "--now", "2024-03-01"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("hợp lệ"))
    }

    @Test("import --format json follows the contract of DESIGN.md §4")
    func jsonContract() throws {
        let result = try BinaryRunner.run(["import", "examples/seeds/001_b008745a30c8c283.txt", "--units", "examples/demo/nhachan.yaml", "--format", "json"])
        #expect(result.status == 0)
        let draft = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["number", "issuer", "issued", "place", "subject", "recipients", "tasks", "warnings"] {
            #expect(draft.keys.contains(key), "missing \(key)")
        }
        #expect(draft["number"] as? String == "550/UBND-VX")
        #expect(draft["issued"] as? String == "2022-03-10")
        let tasks = try #require(draft["tasks"] as? [[String: Any]])
        let report = try #require(tasks.first { ($0["deadline"] as? [String: Any])?["kind"] as? String == "before" })
        #expect((report["deadline"] as? [String: Any])?["date"] as? String == "2022-04-08")
        #expect(report["units"] as? [String] == ["ubnd-xa"])
        #expect(report["via"] as? String == "phong-ldtbxh")
    }

    @Test("a binary file is refused with a clear error and exit 2")
    func binaryInput() throws {
        let path = NSTemporaryDirectory() + "nhachan-binary-\(UUID().uuidString).txt"
        try Data((0..<2048).map { UInt8(truncatingIfNeeded: $0 &* 31) }).write(to: URL(fileURLWithPath: path))
        let result = try BinaryRunner.run(["import", path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(path): error:"))
    }
}
}
