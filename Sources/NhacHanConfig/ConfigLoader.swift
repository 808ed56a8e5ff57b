public import Foundation
import NhacHanCore
import Yams

/// Loads a root configuration file and its includes into a validated `Config`.
///
/// Every problem is collected in `diagnostics`; `load` returns `nil` when any is an error.
public struct ConfigLoader {
    public let diagnostics = DiagnosticEngine()
    /// Environment variables, to check that every `*_env` secret is set.
    public var environment: [String: String]
    /// Whether an unset `*_env` or unreadable `*_file` secret is reported (a warning, by
    /// `check`). Other commands load without looking at secrets: only sending resolves them.
    public var reportsMissingSecrets = false

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    static let rootKeys = [
        "timezone", "state", "state_password_env", "state_password_file", "state_ca_file", "include", "templates", "calendar", "coordinator", "smtp", "http", "webhooks", "retention_days", "policies", "default_policy",
        "units", "groups", "directives",
    ]
    static let includedKeys = ["policies", "units", "groups", "directives"]

    public func load(path: String) -> Config? {
        var draft = ConfigDraft(rootPath: path)
        guard let root = parse(path: path, reportedAs: path) else { return nil }
        draft.files.append(path)
        let reader = NodeReader(file: path, diagnostics: diagnostics)
        guard let fields = reader.fields(root, of: "cấu hình", allowed: Self.rootKeys) else { return nil }
        readSettings(fields, reader: reader, into: &draft)
        readSections(fields, reader: reader, into: &draft)
        if let include = fields["include"] {
            for file in includedFiles(include.value, reader: reader, root: path) {
                guard let node = parse(path: file, reportedAs: file) else { continue }
                draft.files.append(file)
                let included = NodeReader(file: file, diagnostics: diagnostics)
                if let sections = included.fields(node, of: "tệp include", allowed: Self.includedKeys) {
                    readSections(sections, reader: included, into: &draft)
                }
            }
        }
        let config = validate(draft)
        return diagnostics.hasErrors ? nil : config
    }

    /// Reads and composes one YAML file; syntax errors become diagnostics.
    func parse(path: String, reportedAs name: String) -> Node? {
        guard let data = FileManager.default.contents(atPath: path) else {
            diagnostics.emit(Diagnostic(.error, file: name, line: 0, column: 0, message: "không đọc được tệp: kiểm tra đường dẫn và quyền truy cập"))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8), !data.contains(0) else {
            diagnostics.emit(Diagnostic(.error, file: name, line: 1, column: 1, message: "không phải văn bản UTF-8: cấu hình là một tệp văn bản YAML"))
            return nil
        }
        diagnostics.register(SourceFile(path: name, text: text))
        do {
            guard let node = try Yams.compose(yaml: text) else {
                diagnostics.emit(Diagnostic(.error, file: name, line: 1, column: 1, message: "tệp rỗng: hãy viết ít nhất `units:` và `directives:`"))
                return nil
            }
            return node
        } catch let error as YamlError {
            diagnostics.emit(Self.diagnostic(for: error, file: name))
        } catch {
            diagnostics.emit(Diagnostic(.error, file: name, line: 1, column: 1, message: "không đọc được YAML: \(error)"))
        }
        return nil
    }

    static func diagnostic(for error: YamlError, file: String) -> Diagnostic {
        func make(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> Diagnostic {
            let detail = context.map { "\($0.text) " } ?? ""
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, message: "YAML không hợp lệ: \(detail)\(problem)")
        }
        switch error {
        case .scanner(let context, let problem, let mark, _): return make(mark, problem, context)
        case .parser(let context, let problem, let mark, _): return make(mark, problem, context)
        case .composer(let context, let problem, let mark, _): return make(mark, problem, context)
        case .reader(let problem, let offset, _, let yaml):
            let prefix = offset.map { String(yaml.utf8.prefix($0)) ?? "" } ?? ""
            let lines = prefix.split(separator: "\n", omittingEmptySubsequences: false)
            return Diagnostic(.error, file: file, line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1, message: "YAML không hợp lệ: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let mark = context.mark
            return Diagnostic(.error, file: file, line: mark.line, column: mark.column, message: "khóa bị lặp \(duplicates.map { "'\($0)'" }.joined(separator: ", ")): mỗi khóa chỉ được ghi một lần")
        default:
            return Diagnostic(.error, file: file, line: 1, column: 1, message: "YAML không hợp lệ: \(error)")
        }
    }

    /// The files an `include:` names, globs expanded relative to the root file, in order.
    func includedFiles(_ node: Node, reader: NodeReader, root: String) -> [String] {
        let base = (root as NSString).deletingLastPathComponent
        var files: [String] = []
        for (pattern, item) in reader.strings(node, "include") {
            let full = pattern.hasPrefix("/") ? pattern : (base.isEmpty ? pattern : base + "/" + pattern)
            let matches = Glob.expand(full)
            if matches.isEmpty {
                if Glob.isPattern(pattern) {
                    reader.diagnostics.warning("mẫu include '\(pattern)' không khớp tệp nào", at: reader.location(item))
                } else {
                    reader.error("tệp include '\(pattern)' không tồn tại (đường dẫn tính từ thư mục của \(root))", at: item)
                }
            }
            for file in matches where !files.contains(file) && file != root { files.append(file) }
        }
        return files
    }
}

/// What the loader gathers before cross-checking: values with the nodes they came from.
struct ConfigDraft {
    var rootPath: String
    var files: [String] = []
    var timezone = "Asia/Ho_Chi_Minh"
    var state: StateLocation?
    var calendar = CalendarSettings()
    var coordinator: Coordinator?
    var smtp: SMTPSettings?
    var http: HTTPSettings?
    var stateConnection = StateConnection()
    var webhooks = WebhookSettings()
    var retentionDays = 400
    var templatesDirectory: String?
    var policies: [String: Policy] = [:]
    var policyLocations: [String: Location] = [:]
    var defaultPolicy: (String, Location)?
    var units: [OfficeUnit] = []
    var groups: [UnitGroup] = []
    var directives: [Directive] = []
    /// Where each id was defined, for duplicate and reference errors.
    var unitLocations: [String: Location] = [:]
    var references: [Reference] = []
    var undated: [UndatedObligation] = []
    var dueLocations: [String: Location] = [:]
    var secrets: [(SecretReference, Location)] = []

    /// A name used somewhere that must exist elsewhere.
    struct Reference {
        enum Kind { case unitOrGroup, unit, policy, task(directive: String) }
        var kind: Kind
        var name: String
        var location: Location
        /// The group making the reference, for cycle detection.
        var fromGroup: String?
    }
}
