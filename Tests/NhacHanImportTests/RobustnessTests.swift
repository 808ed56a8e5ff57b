import Foundation
import NhacHanImport
import NhacHanTestSupport
import NhacHanSpawn
import Testing

/// A small deterministic generator (SplitMix64) so fuzz runs are reproducible.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

// The limit catches a quadratic scanner (hours on these inputs), not a timing: the corpus tests
// share the two cores, so a linear run can take two minutes of wall-clock time here.
@Suite("Robustness", .timeLimit(.minutes(6)))
struct RobustnessTests {
    static func mutate(_ input: [UInt8], _ rng: inout SplitMix, donors: [[UInt8]]) -> [UInt8] {
        var b = input
        for _ in 0..<Int.random(in: 1...6, using: &rng) {
            let pos = b.isEmpty ? 0 : Int.random(in: 0..<b.count, using: &rng)
            switch Int.random(in: 0..<7, using: &rng) {
            case 0 where !b.isEmpty: b[pos] ^= UInt8.random(in: 1...255, using: &rng)
            case 1: b.insert(contentsOf: (0..<Int.random(in: 1...16, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }, at: pos)
            case 2 where !b.isEmpty: b.removeSubrange(pos..<min(b.count, pos + Int.random(in: 1...64, using: &rng)))
            case 3:
                let d = donors[Int.random(in: 0..<donors.count, using: &rng)]
                let s = Int.random(in: 0..<d.count, using: &rng)
                b.insert(contentsOf: d[s..<min(d.count, s + Int.random(in: 1...400, using: &rng))], at: pos)
            case 4:
                let line = Array("trước ngày 29/3/2024 báo cáo (qua Phòng ".utf8)
                b.insert(contentsOf: Array(repeating: line, count: Int.random(in: 1...200, using: &rng)).joined(), at: pos)
            case 5: b.insert(contentsOf: Array(repeating: UInt8(ascii: " "), count: Int.random(in: 1...3000, using: &rng)), at: pos)
            default: b.insert(contentsOf: [0xCC, 0x81, 0x20, 0xCC, 0xA3, 0x0A, 0x2D, 0x20], at: pos)
            }
        }
        return b
    }

    @Test("800 mutated seeds (FUZZ_ITERATIONS to change) import without a crash and render")
    func fuzz() async throws {
        let seeds = try TestSupport.seedFiles.map { try Array(Data(contentsOf: TestSupport.seeds.appendingPathComponent($0))) }
        let tasks = try await offPool {
            var rng = SplitMix(state: 0x6E68_6163_6861_6E)
            let importer = DirectiveImporter(directory: TestSupport.district)
            var tasks = 0
            for i in 0..<Int(ProcessInfo.processInfo.environment["FUZZ_ITERATIONS"] ?? "800")! {
                let base = seeds[i % seeds.count]
                let bytes = Self.mutate(base, &rng, donors: seeds)
                let d = importer.draft(text: String(decoding: bytes, as: UTF8.self), sourceName: "fuzz-\(i).txt")
                tasks += d.tasks.count
                _ = YAMLRenderer.render(d)
                _ = d.jsonString()
            }
            return tasks
        }
        #expect(tasks > 0)
    }

    @Test("a 5 MB input completes (linear-time scanners)")
    func large() async throws {
        let (tasks, warnings) = try await offPool {
            var text = ""
            let unit = "Yêu cầu các xã báo cáo kết quả về UBND huyện (qua Phòng LĐ-TB&XH) trước ngày 29/3/2024 và C h ủ  t r ì  hoa \u{0323}t động,\n"
            while text.utf8.count < 5_000_000 { text += unit }
            let d = DirectiveImporter(directory: TestSupport.district).draft(text: "Kính gửi: UBND các xã.\n" + text, sourceName: "big.txt")
            let oneLine = String(repeating: "trước ngày 29/3 báo cáo ", count: 200_000)
            let e = DirectiveImporter().draft(text: oneLine, sourceName: "line.txt")
            return (d.tasks.count, e.warnings.count)
        }
        #expect(tasks > 0)
        #expect(warnings <= 201)
    }

    @Test("YAML strings are quoted and escaped")
    func yamlQuoting() {
        #expect(YAMLRenderer.q("a \"b\" \\ c\nd") == "\"a \\\"b\\\" \\\\ c\\nd\"")
        #expect(YAMLRenderer.q("Phòng LĐ-TB&XH: #1") == "\"Phòng LĐ-TB&XH: #1\"")
    }

    @Test("a form's blank 'Số: ………/ ……….' leaves the file's name as the id, never an empty one")
    func blankNumberId() {
        let d = DirectiveImporter().draft(text: "Tên Đơn vị kinh doanh vận tải: ……\nSố: ………/ ……….\nBÁO CÁO\n", sourceName: "bao-cao-van-tai.txt")
        #expect(d.id == "bao-cao-van-tai")
    }
}

@Suite("Reading documents")
struct DocumentReaderTests {
    private func temp(_ name: String, _ data: Data) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url.path
    }

    @Test("UTF-8 with or without a BOM, and UTF-16 with a BOM")
    func encodings() throws {
        let text = "Kính gửi: UBND các xã."
        #expect(try DocumentReader.readText(path: temp("a.txt", Data(text.utf8))) == text)
        #expect(try DocumentReader.readText(path: temp("b.md", Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))) == text)
        var utf16 = Data([0xFF, 0xFE])
        for u in text.utf16 { utf16.append(UInt8(u & 0xFF)); utf16.append(UInt8(u >> 8)) }
        #expect(try DocumentReader.readText(path: temp("c.txt", utf16)) == text)
    }

    @Test("binary and invalid UTF-8 are refused with a Vietnamese and English message")
    func binary() throws {
        let nul = try temp("x.txt", Data([0x4B, 0x00, 0x01, 0x02]))
        #expect(throws: ImportError.self) { try DocumentReader.readText(path: nul) }
        let bad = try temp("y.txt", Data([0x4B, 0xC3, 0x28, 0xFF]))
        do { _ = try DocumentReader.readText(path: bad); Issue.record("accepted invalid UTF-8") } catch let e as ImportError {
            #expect(e.code == .notText)
            #expect(e.message.contains("không phải văn bản") && e.message.contains("not UTF-8"))
        }
        #expect(throws: ImportError.self) { try DocumentReader.readText(path: "/nonexistent/file.txt") }
        #expect(throws: ImportError.self) { try DocumentReader.readText(path: temp("z.odt", Data("x".utf8))) }
    }

    @Test("a .docx is read paragraph by paragraph through unzip")
    func docx() throws {
        let xml = """
        <?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Kính gửi: UBND các xã &amp; thị trấn.</w:t></w:r></w:p>\
        <w:p><w:r><w:t xml:space="preserve">Báo cáo </w:t></w:r><w:r><w:t>trước ngày 29/3/2024.</w:t></w:r></w:p></w:body></w:document>
        """
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("nhachan-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("word"), withIntermediateDirectories: true)
        try Data(xml.utf8).write(to: dir.appendingPathComponent("word/document.xml"))
        let zip = try ChildProcess.run(
            "/usr/bin/python3", ["-c", "import zipfile,sys; z=zipfile.ZipFile(sys.argv[1],'w'); z.write(sys.argv[2],'word/document.xml'); z.close()",
                                 dir.appendingPathComponent("d.docx").path, dir.appendingPathComponent("word/document.xml").path])
        #expect(zip.status == 0)
        let text = try DocumentReader.readText(path: dir.appendingPathComponent("d.docx").path)
        #expect(text == "Kính gửi: UBND các xã & thị trấn.\nBáo cáo trước ngày 29/3/2024.\n")
    }
}
