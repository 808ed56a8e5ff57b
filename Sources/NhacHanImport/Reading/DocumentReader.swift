public import Foundation
import NhacHanSpawn

/// Reads a directive's text from `.txt`, `.md`, `.docx` or a text PDF.
///
/// Text files are UTF-8 (a UTF-8 or UTF-16 byte-order mark is honoured); bytes that are not
/// text are refused rather than imported as garbage. `.docx` goes through `unzip`, PDF through
/// `pdftotext -layout` (poppler-utils).
public enum DocumentReader {
    public static func readText(path: String) throws -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        switch ext {
        case "txt", "md", "markdown", "text", "":
            return try decodeText(try load(path), path: path)
        case "docx":
            let xml = try run("/usr/bin/unzip", ["-p", path, "word/document.xml"], path: path, tool: "unzip", package: "unzip")
            return DocxText.paragraphs(xml)
        case "pdf":
            let data = try run(ChildProcess.find("pdftotext") ?? "", ["-layout", "-enc", "UTF-8", path, "-"], path: path,
                               tool: "pdftotext", package: "poppler-utils")
            return try decodeText(data, path: path)
        default:
            throw ImportError.unsupported(path, ext)
        }
    }

    private static func load(_ path: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw ImportError.unreadable(path, "không có tệp (no such file)") }
        do { return try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ImportError.unreadable(path, "\(error.localizedDescription)")
        }
    }

    /// Decodes UTF-8 (or UTF-16 with a BOM); refuses NUL bytes, invalid UTF-8 and mostly non-text.
    public static func decodeText(_ data: Data, path: String) throws -> String {
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            guard let s = String(data: data, encoding: .utf16) else { throw ImportError.notText(path) }
            return s.hasPrefix("\u{FEFF}") ? String(s.dropFirst()) : s
        }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        guard !body.contains(0) else { throw ImportError.notText(path) }
        guard let s = String(validating: body, as: UTF8.self) else { throw ImportError.notText(path) }
        var control = 0
        for u in s.unicodeScalars where u.value < 0x20 && u != "\n" && u != "\r" && u != "\t" && u != "\u{0C}" { control += 1 }
        if control * 10 > max(1, s.unicodeScalars.count) { throw ImportError.notText(path) }
        return s
    }

    private static func run(_ tool: String, _ args: [String], path: String,
                            tool name: String, package: String) throws -> Data {
        guard FileManager.default.fileExists(atPath: path) else { throw ImportError.unreadable(path, "không có tệp (no such file)") }
        guard !tool.isEmpty, FileManager.default.isExecutableFile(atPath: tool) else {
            throw ImportError.missingTool(path, tool: name, package: package)
        }
        let result: ChildProcess.Result
        do { result = try ChildProcess.run(tool, args) } catch { throw ImportError.missingTool(path, tool: name, package: package) }
        guard result.status == 0 else { throw ImportError.toolFailed(path, tool: name, status: result.status) }
        return Data(result.output)
    }
}
