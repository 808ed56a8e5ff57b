/// Why a document could not be read, in Vietnamese and English.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable {
        case unreadable, notText, unsupportedFormat, missingTool, toolFailed
    }

    public var code: Code
    public var path: String
    /// "Vietnamese message (English message)".
    public var message: String

    public var description: String { message }

    static func unreadable(_ path: String, _ reason: String) -> ImportError {
        ImportError(code: .unreadable, path: path, message: "không đọc được tệp: \(reason) (cannot read the file)")
    }

    static func notText(_ path: String) -> ImportError {
        ImportError(code: .notText, path: path,
                    message: "tệp không phải văn bản UTF-8 hay UTF-16 (not UTF-8/UTF-16 text: binary or another encoding)")
    }

    static func unsupported(_ path: String, _ ext: String) -> ImportError {
        ImportError(code: .unsupportedFormat, path: path,
                    message: "không hỗ trợ định dạng .\(ext): dùng .txt, .md, .docx hoặc .pdf (unsupported format .\(ext))")
    }

    static func missingTool(_ path: String, tool: String, package: String) -> ImportError {
        ImportError(code: .missingTool, path: path,
                    message: "thiếu công cụ \(tool): cài gói \(package), ví dụ `apt-get install \(package)` (\(tool) not found: install \(package))")
    }

    static func toolFailed(_ path: String, tool: String, status: Int32) -> ImportError {
        ImportError(code: .toolFailed, path: path,
                    message: "\(tool) không đọc được tệp (mã thoát \(status)) (\(tool) failed with status \(status))")
    }
}
