import Foundation
import NhacHanImport
import Testing

/// Paths and helpers shared by the importer tests; nothing outside the repository is read.
enum TestSupport {
    static let testsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDir.appendingPathComponent("Fixtures")
    static let golden = testsDir.appendingPathComponent("Golden")
    static let seeds = testsDir.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/seeds")

    static let seedFiles = [
        "000_add930575a81b348.txt", "001_b008745a30c8c283.txt", "002_133e0758f0208e69.txt",
        "003_6828bf859981c23f.txt", "004_77da05fb2cc83e70.txt",
    ]

    /// A district resembling the seeds' (plus the Lý Sơn merged labour and health office).
    static let district = UnitDirectory(entries: [
        .init(id: "phong-ldtbxh", name: "Phòng Lao động - Thương binh và Xã hội", aliases: ["Phòng LĐ-TB&XH", "Phòng LĐTBXH"]),
        .init(id: "phong-ldtbxh-yt", name: "Phòng Lao động, Thương binh và Xã hội - Y tế"),
        .init(id: "phong-gddt", name: "Phòng Giáo dục và Đào tạo", aliases: ["Phòng GD&ĐT"]),
        .init(id: "mttq", name: "Ủy ban Mặt trận Tổ quốc Việt Nam huyện", aliases: ["UBMTTQ huyện", "MTTQ huyện"]),
        .init(id: "ttvh", name: "Trung tâm Văn hóa, Thông tin và Thể thao",
              aliases: ["Trung tâm VH-TT&TT", "Trung tâm Văn hóa, Truyền thông và Thể thao"]),
        .init(id: "ttttvhtt", name: "Trung tâm Truyền thông - Văn hóa - Thể thao"),
        .init(id: "ttyt", name: "Trung tâm Y tế"),
        .init(id: "hlhpn", name: "Hội Liên hiệp Phụ nữ huyện"),
        .init(id: "huyen-doan", name: "Huyện đoàn"),
        .init(id: "so-ldtbxh", name: "Sở Lao động - Thương binh và Xã hội", aliases: ["Sở LĐ-TB&XH"]),
        .init(id: "phong-tckh", name: "Phòng Tài chính - Kế hoạch"),
        .init(id: "phong-noi-vu", name: "Phòng Nội vụ"),
        .init(id: "phong-tnmt", name: "Phòng Tài nguyên và Môi trường"),
        .init(id: "ct-xh", name: "các tổ chức chính trị - xã hội", aliases: ["các tổ chức CT-XH"], isGroup: true),
        .init(id: "ubnd-xa", name: "UBND các xã, thị trấn", aliases: ["UBND xã, thị trấn", "UBND các xã"], isGroup: true),
        .init(id: "so-ban-nganh", name: "Các Sở, ban, ngành", aliases: ["Các Sở, ban, ngành, đơn vị thuộc tỉnh"], isGroup: true),
        .init(id: "ubnd-huyen", name: "Ủy ban nhân dân các huyện, thành phố", aliases: ["UBND các huyện, thị xã, thành phố"], isGroup: true),
    ])

    static func read(_ url: URL) throws -> String {
        try String(contentsOf: url, encoding: .utf8)
    }

    /// A draft of `text` read without a unit directory.
    static func draft(text: String) -> DirectiveDraft {
        DirectiveImporter().draft(text: text, sourceName: "x.txt")
    }

    /// The dated and counted deadlines of a draft (`undated` left out).
    static func deadlines(_ d: DirectiveDraft) -> [DraftDeadline] {
        d.tasks.compactMap(\.deadline).filter { $0.kind != .undated }
    }

    static func draft(seed name: String) throws -> DirectiveDraft {
        let text = try read(seeds.appendingPathComponent(name))
        return DirectiveImporter(directory: district).draft(text: text, sourceName: name)
    }

    static func draft(fixture name: String, directory: UnitDirectory? = district) throws -> DirectiveDraft {
        let text = try read(fixtures.appendingPathComponent(name))
        return DirectiveImporter(directory: directory).draft(text: text, sourceName: name)
    }

    /// Compares with a golden file: `RECORD_GOLDEN=1` re-records; a missing file is recorded
    /// and the test fails, so a golden is never silently created.
    static func assertGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = golden.appendingPathComponent(name)
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1"
        guard !record, let expected = try? read(url) else {
            try? FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            if !record { Issue.record("golden \(name) was missing: recorded it, check and re-run", sourceLocation: sourceLocation) }
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            let exp = first < e.count ? String(e[first]) : "<end>"
            let act = first < a.count ? String(a[first]) : "<end>"
            Issue.record("golden \(name) differs at line \(first + 1):\n  expected: \(exp)\n  actual:   \(act)\n(RECORD_GOLDEN=1 re-records)",
                         sourceLocation: sourceLocation)
        }
    }
}

extension DirectiveDraft {
    func task(_ id: String) -> DraftTask? { tasks.first { $0.id == id } }
    var dated: [DraftTask] { tasks.filter { $0.deadline != nil } }
}
