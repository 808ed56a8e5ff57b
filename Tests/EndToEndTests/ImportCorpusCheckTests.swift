import Foundation
import NhacHanTestSupport
import Testing

extension EndToEnd {
@Suite("nhachan import on the real corpus, drafts checked as config")
struct ImportCorpusCheckTests {
    static let corpus = "Tests/NhacHanImportTests/Fixtures/Corpus"

    /// A config that knows none of the corpus's units, including the folder drafts go to.
    private static func strangerConfig() throws -> String {
        let folder = NSTemporaryDirectory() + "nhachan-corpus-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder + "/directives", withIntermediateDirectories: true)
        try """
        include: [directives/*.yaml]
        coordinator: {name: Văn phòng, email: [vp@example.gov.vn], digest_at: "16:30"}
        policies:
          default: {send_at: "08:00", before: [7d, 1wd], on_due_day: true}
        default_policy: default
        units:
          - {id: khac, name: Một đơn vị khác, email: {to: [khac@example.gov.vn]}}
        """.write(toFile: folder + "/nhachan.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test("every draft of the corpus, written with -o into the included folder, passes check", .timeLimit(.minutes(5)))
    func everyDraftPassesCheck() async throws {
        // Two hundred runs of the binary, waited for off the cooperative pool.
        try await offPool { try Self.importEveryTextAndCheck() }
    }

    private static func importEveryTextAndCheck() throws {
        let folder = try Self.strangerConfig()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var texts: [String] = []
        for set in ["train", "validation"] {
            let dir = BinaryRunner.repository.appendingPathComponent(Self.corpus + "/" + set).path
            texts += try FileManager.default.contentsOfDirectory(atPath: dir).filter { ["txt", "docx", "pdf"].contains(($0 as NSString).pathExtension) }.map { "\(Self.corpus)/\(set)/\($0)" }
        }
        #expect(texts.count >= 60)
        #expect(texts.contains { $0.hasSuffix(".docx") } && texts.contains { $0.hasSuffix(".pdf") }, "the corpus holds Word files and PDFs too")
        // A half-written draft already sits in the folder: --units must not read it.
        try "directives:\n  - id: [".write(toFile: folder + "/directives/half-written.yaml", atomically: true, encoding: .utf8)
        for text in texts {
            let name = ((text as NSString).lastPathComponent as NSString).deletingPathExtension + ".yaml"
            let result = try BinaryRunner.run(["import", text, "--units", folder + "/nhachan.yaml", "-o", folder + "/directives/" + name])
            #expect(result.status == 0, "\(text): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        try FileManager.default.removeItem(atPath: folder + "/directives/half-written.yaml")
        let check = try BinaryRunner.run(["check", "-c", folder + "/nhachan.yaml", "--now", "2024-03-01"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("hợp lệ"))
        #expect(!check.stderr.contains("error:"), "\(check.stderr)")
    }

    @Test("the same directive imported twice into one folder gets a second id, and the folder passes check")
    func secondCopyGetsItsOwnID() throws {
        let folder = try Self.strangerConfig()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let seed = "examples/seeds/001_b008745a30c8c283.txt"
        for name in ["a.yaml", "b.yaml"] {
            let r = try BinaryRunner.run(["import", seed, "--units", folder + "/nhachan.yaml", "-o", folder + "/directives/" + name])
            #expect(r.status == 0, "\(r.stderr)")
        }
        let second = try String(contentsOfFile: folder + "/directives/b.yaml", encoding: .utf8)
        #expect(second.contains("id: \"550-ubnd-vx-2022-2\""))
        #expect(second.contains("đã có văn bản id '550-ubnd-vx-2022'"))
        let check = try BinaryRunner.run(["check", "-c", folder + "/nhachan.yaml", "--now", "2022-03-15"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test("a task whose units the config does not know is a comment naming them, with a warning")
    func unknownUnitsAreComments() throws {
        let folder = try Self.strangerConfig()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try BinaryRunner.run(["import", "examples/seeds/001_b008745a30c8c283.txt", "--units", folder + "/nhachan.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("    tasks: []"))
        #expect(result.stdout.contains("# Nhiệm vụ để dạng chú thích"))
        #expect(result.stdout.contains("chưa có trong danh mục"))
    }
}
}
