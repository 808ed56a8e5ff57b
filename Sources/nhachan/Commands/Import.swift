import ArgumentParser
import Foundation
import NhacHanImport

/// `nhachan import FILE [--units CONFIG] [--format yaml|json]`: drafts a directive from its text.
struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Draft a directive config entry from its text (.txt, .md, .docx, .pdf).",
        discussion: "Every fact is quoted with its source lines; what could not be decided is listed as a warning."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case yaml, json }

    @Argument(help: "The directive's text: .txt, .md, .docx or a text PDF.")
    var file: String

    @Option(name: .customLong("units"), help: "A config whose units and groups names are matched against.")
    var units: String?

    @Option(help: "Output format: yaml (a config file) or json.")
    var format: Format = .yaml

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
        let draft = DirectiveImporter(directory: directory).draft(text: text, sourceName: name)
        let output = format == .json ? draft.jsonString() : YAMLRenderer.render(draft)
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}
