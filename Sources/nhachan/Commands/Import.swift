import ArgumentParser
import Foundation
import NhacHanImport

/// `nhachan import FILE [--units CONFIG] [--format yaml|json] [-o FILE]`: drafts a directive from its text.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Soạn bản nháp cấu hình của một văn bản từ chính nội dung của nó (.txt, .md, .docx, .pdf).",
        discussion: "Mỗi thông tin kèm dòng nguồn; điều gì chưa chắc chắn được liệt kê thành cảnh báo. Không bao giờ tự đặt ngày khi văn bản ghi \"theo quy định\"."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(help: "Nội dung văn bản: .txt, .md, .docx hoặc PDF có lớp chữ.")
    var file: String

    @Option(name: .customLong("units"), help: "Cấu hình có danh sách đơn vị và nhóm để đối chiếu tên.")
    var units: String?

    @Option(help: "yaml (một tệp cấu hình) hoặc json.")
    var format: Format = .yaml

    @Option(name: [.customShort("o"), .customLong("output")],
            help: "Ghi bản nháp vào tệp này (chỉ ghi khi đã soạn xong, không để lại tệp rỗng) thay vì in ra.")
    var output: String?

    func run() throws {
        let directory: UnitDirectory?
        do {
            directory = try units.map { try loadUnitDirectory(configPath: $0) }
        } catch {
            FileHandle.standardError.write(Data("\(units ?? ""): error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let text: String
        do {
            text = try DocumentReader.readText(path: file)
        } catch {
            FileHandle.standardError.write(Data("\(file): error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let name = (file as NSString).lastPathComponent
        var draft = DirectiveImporter(directory: directory).draft(text: text, sourceName: name)
        if let output { Self.keepIDUnique(&draft, beside: output) }
        let rendered = format == .json ? draft.jsonString() : YAMLRenderer.render(draft)
        guard let output else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
            return
        }
        // Written whole, once the draft exists: unlike `> directives/x.yaml`, no empty file
        // sits in the folder the config includes while the text is read.
        do {
            try Data(rendered.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("\(output): error: không ghi được tệp: \(error.localizedDescription)\n".utf8))
            throw ExitCode(1)
        }
        let active = draft.tasks.filter { $0.commentedOut == nil }.count
        FileHandle.standardError.write(Data("\(output): đã ghi bản nháp (\(draft.tasks.count) nhiệm vụ, \(active) dùng được, \(draft.warnings.count) cảnh báo)\n".utf8))
    }

    /// A second text of a directive already in the folder (its portal account beside its PDF)
    /// gets an id of its own, so the folder still passes `check`. The other files are only
    /// looked at for directive ids ("  - id: …"); a half-written one is no error.
    static func keepIDUnique(_ draft: inout DirectiveDraft, beside output: String) {
        let url = URL(fileURLWithPath: output)
        let folder = url.deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        var taken: Set<String> = []
        for name in names where (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && name != url.lastPathComponent {
            guard let text = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") {
                let indent = line.prefix { $0 == " " }.count
                let rest = line.dropFirst(indent)
                guard indent <= 4, rest.hasPrefix("- id:") else { continue }
                let id = rest.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
                if !id.isEmpty { taken.insert(id) }
            }
        }
        guard taken.contains(draft.id) else { return }
        var n = 2
        while taken.contains("\(draft.id)-\(n)") { n += 1 }
        draft.warnings.append("thư mục \(folder.lastPathComponent) đã có văn bản id '\(draft.id)' (cùng một văn bản?): bản nháp này lấy id '\(draft.id)-\(n)'")
        draft.id += "-\(n)"
    }
}
